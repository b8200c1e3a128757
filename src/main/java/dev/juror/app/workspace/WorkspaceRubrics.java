package dev.juror.app.workspace;

import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Mode;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rubrics in a workspace's {@code rubrics/} folder, as every screen offers them in its rubric
 * chooser. Shared here so the screens do not reach into one another for it. Does I/O: call it off
 * the FX thread.
 */
public final class WorkspaceRubrics {

    /** The rubric the screens start with when the workspace has it. */
    public static final String DEFAULT_RUBRIC = "contract-review.yaml";

    private final Workspace workspace;

    /** Rubrics that could not be read, by file, with the reason: shown, not hidden. */
    public record RubricList(List<RubricChoice> rubrics, List<String> problems) {
    }

    public WorkspaceRubrics(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The pointwise rubrics, the default one first: what the desk can label with. */
    public RubricList pointwise() throws IOException {
        return ofModes(EnumSet.of(Mode.POINTWISE));
    }

    /** The rubrics of these modes, the default one first (the judge screen runs both modes). */
    public RubricList ofModes(Set<Mode> modes) throws IOException {
        Path folder = workspace.directory().resolve(WorkspaceSeeder.RUBRICS_FOLDER);
        List<RubricChoice> rubrics = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new RubricList(rubrics, List.of("No rubrics/ folder in " + workspace.directory()));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals(DEFAULT_RUBRIC))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
        RubricYaml yaml = new RubricYaml();
        for (Path file : files) {
            try {
                var rubric = yaml.read(file);
                if (modes.contains(rubric.mode())) {
                    rubrics.add(new RubricChoice(file.getFileName().toString(), rubric, CanonicalForm.version(rubric)));
                }
            } catch (RubricException e) {
                problems.add(file.getFileName() + ": " + String.join("; ", e.lines()));
            }
        }
        return new RubricList(rubrics, problems);
    }
}
