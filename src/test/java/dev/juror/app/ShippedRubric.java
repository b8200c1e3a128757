package dev.juror.app;

import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.file.Path;
import java.util.List;

/** The shipped contract-review rubric, as the one-view tests' fakes offer it. */
public final class ShippedRubric {

    public static final String FILE = "contract-review.yaml";

    private ShippedRubric() {
    }

    public static Rubric contractReview() {
        try {
            return new RubricYaml().read(Path.of("rubrics", FILE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A workspace's rubric list holding only this rubric, with no problems. */
    public static WorkspaceRubrics.RubricList listOf(Rubric rubric) {
        return new WorkspaceRubrics.RubricList(List.of(new RubricChoice(FILE, rubric, CanonicalForm.version(rubric))),
                List.of());
    }
}
