package dev.juror.align;

import dev.juror.rubric.Dimension;
import dev.juror.rubric.OutputSchema;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies a {@link RubricChange} to a rubric and validates the result like any rubric file: the change
 * is refused, with the reason, when an edit names a dimension or level the rubric lacks, when a text is
 * empty, too long or carries prompt tags, when the resulting file is not a valid rubric, or when the
 * judge's output schema would differ from the baseline's.
 */
public final class RubricChanges {

    /** Longest text an edit may add: a level description or a rule, not an essay. */
    public static final int MAX_TEXT_CHARS = 1000;
    /** Texts that open or close one of the judge prompt's blocks have no business in a rubric rule. */
    private static final Pattern PROMPT_TAG = Pattern.compile(
            "<\\s*/?\\s*(?:candidate|example|SystemPrompt|TargetDocument|Reference|item_)", Pattern.CASE_INSENSITIVE);

    private RubricChanges() {
    }

    /** The changed rubric as YAML, or why the change is refused. */
    public record Applied(String rubricYaml, String rejection) {

        public boolean ok() {
            return rejection.isEmpty();
        }
    }

    public static Applied apply(Rubric baseline, RubricChange change) {
        if (change.edits().isEmpty()) {
            return refused("it has no edits");
        }
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        baseline.dimensions().forEach(d -> dimensions.put(d.name(), d));
        List<String> edgeCases = new ArrayList<>(baseline.edgeCases());
        for (int i = 0; i < change.edits().size(); i++) {
            RubricEdit e = change.edits().get(i);
            String where = "edit " + (i + 1) + " (" + e.kind().json() + ")";
            String text = e.text() == null ? "" : e.text().strip();
            if (text.isEmpty()) {
                return refused(where + ": the text is empty");
            }
            if (text.length() > MAX_TEXT_CHARS) {
                return refused(where + ": the text has " + text.length() + " characters, at most " + MAX_TEXT_CHARS);
            }
            if (PROMPT_TAG.matcher(text).find()) {
                return refused(where + ": the text contains a prompt tag");
            }
            if (e.kind() == RubricEdit.Kind.EDGE_CASE) {
                edgeCases.add(text);
                continue;
            }
            Dimension d = dimensions.get(e.dimension());
            if (d == null) {
                return refused(where + ": no dimension '" + e.dimension() + "'; the dimensions are "
                        + baseline.dimensionNames());
            }
            if (e.kind() == RubricEdit.Kind.LEVEL_DESCRIPTION) {
                if (!d.levels().containsKey(e.level())) {
                    return refused(where + ": dimension " + d.name() + " has no level '" + e.level() + "'; its levels are "
                            + d.levels().keySet());
                }
                Map<String, String> levels = new LinkedHashMap<>(d.levels());
                levels.put(e.level(), text);
                dimensions.put(d.name(), with(d, levels, d.mandatoryRules()));
            } else {
                List<String> rules = new ArrayList<>(d.mandatoryRules());
                rules.add(text);
                dimensions.put(d.name(), with(d, d.levels(), rules));
            }
        }
        Rubric changed = new Rubric(baseline.name(), baseline.description(), baseline.objective(), baseline.approach(),
                baseline.unit(), baseline.mode(), List.copyOf(dimensions.values()), edgeCases, baseline.encourage(),
                baseline.discourage(), baseline.aggregation(), baseline.judge(), baseline.validation(),
                baseline.checks(), baseline.examples());
        return validated(baseline, new RubricYaml().write(changed));
    }

    /** Reads {@code yaml} as a rubric and compares its output schema with the baseline's. */
    public static Applied validated(Rubric baseline, String yaml) {
        Rubric read;
        try {
            read = new RubricYaml().read(yaml, "proposed rubric");
        } catch (RubricException e) {
            return refused("the result is not a valid rubric: " + String.join("; ", e.lines()));
        }
        if (!OutputSchema.of(read).toPrettyJson().equals(OutputSchema.of(baseline).toPrettyJson())) {
            return refused("it changes the judge's output schema (dimensions, scales or mode)");
        }
        if (read.equals(baseline)) {
            return refused("it changes nothing");
        }
        return new Applied(yaml, "");
    }

    private static Dimension with(Dimension d, Map<String, String> levels, List<String> rules) {
        return new Dimension(d.name(), d.question(), d.scale(), levels, rules, d.weight(), d.dealBreaker(),
                d.displayName(), d.peopleQuestion());
    }

    private static Applied refused(String why) {
        return new Applied("", why);
    }
}
