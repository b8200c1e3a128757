package dev.juror.workspace.labels;

import dev.juror.rubric.Rubric;
import java.util.List;
import java.util.Set;

/**
 * How to import a label pack.
 *
 * @param rubrics     the rubrics the pack's labels were made with: every line's dimension must be in
 *                    one of them and its score on that dimension's scale
 * @param importedBy  who imports (recorded with every imported label)
 * @param asLabellers labellers who already label in this workspace and under whose names the pack may
 *                    add labels all the same (the explicit confirmation of {@code --as-labeller})
 */
public record LabelPackOptions(List<Rubric> rubrics, String importedBy, Set<String> asLabellers) {

    /** @throws IllegalArgumentException without a rubric, or with an unusable importer name */
    public LabelPackOptions {
        rubrics = List.copyOf(rubrics);
        asLabellers = Set.copyOf(asLabellers);
        if (rubrics.isEmpty()) {
            throw new IllegalArgumentException("a label pack is checked against the rubric its labels were made with;"
                    + " give one (--rubric FILE)");
        }
        if (importedBy == null || importedBy.isBlank()) {
            throw new IllegalArgumentException("say who imports the pack (--imported-by NAME)");
        }
        String problem = LabelPackRules.name("--imported-by", importedBy);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static LabelPackOptions of(Rubric rubric, String importedBy) {
        return new LabelPackOptions(List.of(rubric), importedBy, Set.of());
    }

    public LabelPackOptions asLabeller(String... names) {
        return new LabelPackOptions(rubrics, importedBy, Set.of(names));
    }
}
