package dev.juror.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rubric's {@code examples:} list (fixed scored examples, {@link FewShotExample}), recording a
 * problem with its path for every wrong entry: each example scores every dimension, on its scale.
 */
final class ExamplesReader {

    private static final int MAX_EXAMPLES = FewShotExample.MAX_PER_RUBRIC;

    private final List<Problem> problems;

    ExamplesReader(List<Problem> problems) {
        this.problems = problems;
    }

    List<FewShotExample> read(Fields f, Mode mode, List<Dimension> dimensions) {
        JsonNode raw = f.raw("examples");
        List<FewShotExample> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        String path = f.path("examples");
        if (!raw.isArray()) {
            problems.add(new Problem(path, "must be a list of examples (lines starting with '- '), found "
                    + Fields.describe(raw)));
            return out;
        }
        if (mode == Mode.PAIRWISE && !raw.isEmpty()) {
            problems.add(new Problem(path, "fixed examples are for pointwise rubrics only; remove them"));
            return out;
        }
        if (raw.size() > MAX_EXAMPLES) {
            problems.add(new Problem(path, "has " + raw.size() + " examples, at most " + MAX_EXAMPLES
                    + " are allowed; keep the ones that illustrate distinct levels"));
            return out;
        }
        for (int i = 0; i < raw.size(); i++) {
            FewShotExample example = example(Fields.of(raw.get(i), path + "[" + i + "]", problems), dimensions);
            if (example != null) {
                out.add(example);
            }
        }
        return out;
    }

    private FewShotExample example(Fields f, List<Dimension> dimensions) {
        int before = problems.size();
        String comment = f.requiredText("comment", "give the scored text as the judge would see it");
        String context = f.text("context", "");
        String explanation = f.text("explanation", "");
        Map<String, Integer> scores = new LinkedHashMap<>();
        if (f.has("scores")) {
            scores = scores(Fields.of(f.raw("scores"), f.path("scores"), problems), dimensions);
        } else {
            f.problem("scores", "is missing; give the experts' score for every dimension");
        }
        f.finish();
        return problems.size() == before ? new FewShotExample(comment, context, scores, explanation) : null;
    }

    private Map<String, Integer> scores(Fields f, List<Dimension> dimensions) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            JsonNode v = f.raw(d.name());
            if (v == null) {
                f.problem(d.name(), "is missing; every example scores every dimension");
                continue;
            }
            Integer score = score(d.scale(), v);
            if (score == null) {
                f.problem(d.name(), Fields.describe(v) + " is not a score on the scale " + d.scale().label()
                        + (d.scale() instanceof Scale.BooleanScale ? " (write pass or fail)" : ""));
            } else {
                scores.put(d.name(), score);
            }
        }
        f.finish();
        return scores;
    }

    private static Integer score(Scale scale, JsonNode v) {
        if (scale instanceof Scale.BooleanScale) {
            String text = v.isTextual() ? v.asText().strip() : "";
            return Scale.BooleanScale.PASS.equalsIgnoreCase(text) ? Integer.valueOf(1)
                    : Scale.BooleanScale.FAIL.equalsIgnoreCase(text) ? Integer.valueOf(0) : null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || !scale.accepts(v.intValue())) {
            return null;
        }
        return v.intValue();
    }

    /** The score as the file writes it: pass/fail on a boolean scale, else the number. */
    static String label(Scale scale, int score) {
        if (scale instanceof Scale.BooleanScale) {
            return score == 1 ? Scale.BooleanScale.PASS : Scale.BooleanScale.FAIL;
        }
        return Integer.toString(score);
    }
}
