package dev.juror.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns a parsed YAML tree into a {@link Rubric}, collecting every problem with its path. Only
 * when no problem was found is the rubric built, so model constructors never see bad input.
 */
final class RubricReader {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    /** The rubric, or null when problems were found (see {@link #problems()}). */
    Rubric read(JsonNode root) {
        Fields f = Fields.of(root, "", problems);
        String name = f.requiredText("name", "give the rubric a short name such as contract-review");
        if (name.contains("\n")) {
            f.problem("name", "must be one line");
        }
        String description = f.text("description", "");
        String objective = f.requiredText("objective", "say what the judge grades and from whose point of view");
        String approach = f.text("approach", "");
        Unit unit = f.enumValue("unit", Unit.class, Unit.RESPONSE);
        Mode mode = f.enumValue("mode", Mode.class, Mode.POINTWISE);
        List<Dimension> dimensions = new DimensionsReader(problems).read(f, mode);
        List<String> edgeCases = f.textList("edge_cases");
        List<String> encourage = f.textList("encourage");
        List<String> discourage = f.textList("discourage");
        Aggregation aggregation = aggregation(Fields.of(f.raw("aggregation"), "aggregation", problems));
        JudgeModelSettings judge = judge(Fields.of(f.raw("judge"), "judge", problems), f.has("judge"));
        List<String> dimensionNames = dimensions.stream().map(Dimension::name).toList();
        ValidationThresholds validation = validation(Fields.of(f.raw("validation"), "validation", problems),
                dimensionNames);
        Checks checks = new ChecksReader(problems).read(Fields.of(f.raw("checks"), "checks", problems));
        List<FewShotExample> examples = new ExamplesReader(problems).read(f, mode, dimensions);
        f.finish();

        if (mode == Mode.PAIRWISE && unit != Unit.RESPONSE) {
            f.problem("unit", "a pairwise rubric compares whole responses; set unit: response");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Rubric(name, description, objective, approach, unit, mode, dimensions, edgeCases, encourage,
                discourage, aggregation, judge, validation, checks, examples);
    }

    private Aggregation aggregation(Fields f) {
        Aggregation.CommentMethod comment = f.enumValue("comment_score", Aggregation.CommentMethod.class,
                Aggregation.CommentMethod.WEIGHTED_MEAN);
        Aggregation.SampleMethod sample = f.enumValue("sample_score", Aggregation.SampleMethod.class,
                Aggregation.SampleMethod.MEAN);
        boolean floor = f.bool("deal_breaker_floor", false);
        f.finish();
        return new Aggregation(comment, sample, floor);
    }

    private JudgeModelSettings judge(Fields f, boolean present) {
        String modelId = present
                ? f.requiredText("model_id", "name the judge model, e.g. amazon.nova-pro-v1:0")
                : "";
        if (!present) {
            problems.add(new Problem("judge", "is missing; add judge: with at least model_id"));
        }
        double temperature = f.number("temperature", JudgeModelSettings.DEFAULT_TEMPERATURE, 0, 1);
        int maxTokens = f.integer("max_tokens", JudgeModelSettings.DEFAULT_MAX_TOKENS, 1, 1_000_000);
        OptionalDouble topP = OptionalDouble.empty();
        if (f.has("top_p")) {
            double p = f.number("top_p", -1, 0, 1);
            if (p == 0) {
                f.problem("top_p", "must be > 0 (and at most 1); remove it to use the provider's default");
            } else if (p > 0) {
                topP = OptionalDouble.of(p);
            }
        }
        f.finish();
        return new JudgeModelSettings(modelId, temperature, maxTokens, topP);
    }

    private ValidationThresholds validation(Fields f, List<String> dimensionNames) {
        DimensionThresholds defaults = thresholds(f, DimensionThresholds.DEFAULT);
        boolean regression = f.bool("require_regression_pass", true);
        Map<String, DimensionThresholds> per = new LinkedHashMap<>();
        JsonNode raw = f.raw("per_dimension");
        if (raw != null) {
            Fields perFields = Fields.of(raw, f.path("per_dimension"), problems);
            for (String name : dimensionNames) {
                if (perFields.has(name)) {
                    Fields one = Fields.of(perFields.raw(name), perFields.path(name), problems);
                    per.put(name, thresholds(one, defaults));
                    one.finish();
                }
            }
            Iterator<String> names = raw.isObject() ? raw.fieldNames() : java.util.Collections.emptyIterator();
            while (names.hasNext()) {
                String name = names.next();
                if (!dimensionNames.contains(name)) {
                    perFields.problem(name, "is not a dimension of this rubric; dimensions are " + dimensionNames);
                }
            }
        }
        f.finish();
        return new ValidationThresholds(defaults, per, regression);
    }

    private static DimensionThresholds thresholds(Fields f, DimensionThresholds base) {
        double kappa = f.number("min_kappa_lower_bound", base.minKappaLowerBound(), -1, 1);
        int items = f.integer("min_items", base.minItems(), 1, 1_000_000);
        boolean ceiling = f.bool("require_within_human_ceiling", base.requireWithinHumanCeiling());
        double margin = f.number("human_ceiling_margin", base.humanCeilingMargin(), 0, 2);
        double flips = f.number("max_flip_rate", base.maxFlipRate(), 0, 1);
        return new DimensionThresholds(kappa, items, ceiling, margin, flips);
    }
}
