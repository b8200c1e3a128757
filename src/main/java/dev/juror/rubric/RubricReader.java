package dev.juror.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a parsed YAML tree into a {@link Rubric}, collecting every problem with its path. Only
 * when no problem was found is the rubric built, so model constructors never see bad input.
 */
final class RubricReader {

    /** Dimension names become JSON keys and prompt headings: keep them plain. */
    private static final Pattern DIMENSION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    /** Keys the output schema uses next to the dimensions of a comment. */
    static final Set<String> RESERVED_NAMES = Set.of("comment_id", "Comment_Score", "Aggregate_Score", "comments");

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
        Unit unit = enumValue(f, "unit", Unit.class, Unit.RESPONSE);
        Mode mode = enumValue(f, "mode", Mode.class, Mode.POINTWISE);
        List<Dimension> dimensions = dimensions(f, mode);
        List<String> edgeCases = f.textList("edge_cases");
        List<String> encourage = f.textList("encourage");
        List<String> discourage = f.textList("discourage");
        Aggregation aggregation = aggregation(Fields.of(f.raw("aggregation"), "aggregation", problems));
        JudgeModelSettings judge = judge(Fields.of(f.raw("judge"), "judge", problems), f.has("judge"));
        List<String> dimensionNames = dimensions.stream().map(Dimension::name).toList();
        ValidationThresholds validation = validation(Fields.of(f.raw("validation"), "validation", problems),
                dimensionNames);
        Checks checks = checks(Fields.of(f.raw("checks"), "checks", problems));
        f.finish();

        if (mode == Mode.PAIRWISE && unit != Unit.RESPONSE) {
            f.problem("unit", "a pairwise rubric compares whole responses; set unit: response");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Rubric(name, description, objective, approach, unit, mode, dimensions, edgeCases, encourage,
                discourage, aggregation, judge, validation, checks);
    }

    private List<Dimension> dimensions(Fields f, Mode mode) {
        JsonNode list = f.raw("dimensions");
        List<Dimension> out = new ArrayList<>();
        if (list == null) {
            f.problem("dimensions", "is missing; list at least one dimension (name, question, scale, levels)");
            return out;
        }
        if (!list.isArray()) {
            f.problem("dimensions", "must be a list of dimensions, found " + Fields.describe(list));
            return out;
        }
        if (list.isEmpty()) {
            f.problem("dimensions", "is empty; list at least one dimension");
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        Scale firstScale = null;
        for (int i = 0; i < list.size(); i++) {
            String path = "dimensions[" + i + "]";
            Fields d = Fields.of(list.get(i), path, problems);
            String name = d.requiredText("name", "name the dimension, e.g. TargetDocument_Grounding");
            if (!name.isEmpty()) {
                if (!DIMENSION_NAME.matcher(name).matches()) {
                    d.problem("name", "'" + name + "' must start with a letter and hold only letters, digits and"
                            + " underscores (it becomes a JSON key), at most 64 characters");
                } else if (RESERVED_NAMES.contains(name)) {
                    d.problem("name", "'" + name + "' is reserved by the output format; choose another name");
                }
                Integer earlier = seen.putIfAbsent(name, i);
                if (earlier != null) {
                    d.problem("name", "duplicate dimension name '" + name + "' (also dimensions[" + earlier
                            + "]); dimension names must be unique");
                }
            }
            String question = d.requiredText("question", "write the question the judge answers for this dimension");
            Scale scale = scale(d, mode);
            if (scale != null) {
                if (firstScale == null) {
                    firstScale = scale;
                } else if (!firstScale.equals(scale)) {
                    d.problem("scale", "is " + scale.label() + " but dimensions[0] uses " + firstScale.label()
                            + "; all dimensions of a rubric share one scale so comment scores stay on it");
                }
            }
            Map<String, String> levels = levels(d, scale);
            List<String> rules = d.textList("mandatory_rules");
            double weight = weight(d);
            boolean dealBreaker = d.bool("deal_breaker", false);
            d.finish();
            if (scale != null && levels != null && weight > 0) {
                try {
                    out.add(new Dimension(name, question, scale, levels, rules, weight, dealBreaker));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(path, e.getMessage()));
                }
            }
        }
        return out;
    }

    private Scale scale(Fields d, Mode mode) {
        JsonNode raw = d.raw("scale");
        if (raw == null) {
            if (mode == Mode.PAIRWISE) {
                return new Scale.PreferenceScale();
            }
            d.problem("scale", "is missing; write boolean or an integer range such as 1-5");
            return null;
        }
        if (!raw.isTextual()) {
            d.problem("scale", "must be boolean or a range such as 1-5, found " + Fields.describe(raw));
            return null;
        }
        Scale scale;
        try {
            scale = Scale.parse(raw.asText());
        } catch (IllegalArgumentException e) {
            d.problem("scale", e.getMessage());
            return null;
        }
        if (mode == Mode.PAIRWISE && !(scale instanceof Scale.PreferenceScale)) {
            d.problem("scale", "a pairwise rubric's dimensions use scale: preference (levels 'better' and 'tie'),"
                    + " found " + scale.label());
            return null;
        }
        if (mode == Mode.POINTWISE && scale instanceof Scale.PreferenceScale) {
            d.problem("scale", "preference is for mode: pairwise; use boolean or a range such as 1-5");
            return null;
        }
        return scale;
    }

    private Map<String, String> levels(Fields d, Scale scale) {
        JsonNode raw = d.raw("levels");
        if (scale == null) {
            return null;
        }
        String expected = String.join(", ", scale.levelKeys());
        if (raw == null) {
            d.problem("levels", "is missing; scale " + scale.label() + " needs one description for each of "
                    + expected);
            return null;
        }
        if (!raw.isObject()) {
            d.problem("levels", "must be a mapping of level to description (" + expected + "), found "
                    + Fields.describe(raw));
            return null;
        }
        String levelsPath = d.path("levels");
        Map<String, String> out = new LinkedHashMap<>();
        boolean complete = true;
        for (String key : scale.levelKeys()) {
            JsonNode text = findLevel(raw, key);
            String p = levelsPath + "." + key;
            if (text == null || text.isNull()) {
                problems.add(new Problem(p, "missing description for level " + key + "; scale " + scale.label()
                        + " needs one for each of " + expected));
                complete = false;
            } else if (!text.isValueNode()) {
                problems.add(new Problem(p, "must be text, found " + Fields.describe(text)));
                complete = false;
            } else if (Texts.normalise(text.asText()).isEmpty()) {
                problems.add(new Problem(p, "is empty; describe what a response at level " + key + " looks like"));
                complete = false;
            } else {
                out.put(key, Texts.normalise(text.asText()));
            }
        }
        Iterator<String> names = raw.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (scale.levelKeys().stream().noneMatch(k -> k.equalsIgnoreCase(name))) {
                problems.add(new Problem(levelsPath + "." + name, "is not a level of scale " + scale.label()
                        + "; the levels are " + expected));
                complete = false;
            }
        }
        return complete ? out : null;
    }

    /** Level keys match case-insensitively so {@code Pass:} reads like {@code pass:}. */
    private static JsonNode findLevel(JsonNode levels, String key) {
        JsonNode exact = levels.get(key);
        if (exact != null) {
            return exact;
        }
        Iterator<Map.Entry<String, JsonNode>> it = levels.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private double weight(Fields d) {
        JsonNode raw = d.raw("weight");
        if (raw == null) {
            return Dimension.DEFAULT_WEIGHT;
        }
        if (!raw.isNumber()) {
            d.problem("weight", "must be a number > 0, found " + Fields.describe(raw));
            return -1;
        }
        double w = raw.doubleValue();
        if (!(w > 0) || Double.isInfinite(w)) {
            d.problem("weight", "must be > 0, found " + raw.asText() + "; remove the dimension instead of"
                    + " weighting it 0");
            return -1;
        }
        return w;
    }

    private Aggregation aggregation(Fields f) {
        Aggregation.CommentMethod comment = enumValue(f, "comment_score", Aggregation.CommentMethod.class,
                Aggregation.CommentMethod.WEIGHTED_MEAN);
        Aggregation.SampleMethod sample = enumValue(f, "sample_score", Aggregation.SampleMethod.class,
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

    private Checks checks(Fields f) {
        Checks d = Checks.DEFAULT;
        Checks.Toggle format = toggle(Fields.of(f.raw("format"), f.path("format"), problems), d.format());
        Checks.Toggle grounding = toggle(Fields.of(f.raw("grounding"), f.path("grounding"), problems), d.grounding());
        Checks.Length length = length(Fields.of(f.raw("length"), f.path("length"), problems));
        Checks.Toggle language = toggle(Fields.of(f.raw("language"), f.path("language"), problems), d.language());
        Fields s = Fields.of(f.raw("safety"), f.path("safety"), problems);
        Checks.Safety safety = new Checks.Safety(s.bool("enabled", d.safety().enabled()),
                s.text("rule_set", d.safety().ruleSet()));
        if (safety.ruleSet().isEmpty()) {
            s.problem("rule_set", "is empty; name a rule set or remove the key to use 'default'");
        }
        s.finish();
        Fields o = Fields.of(f.raw("reference_overlap"), f.path("reference_overlap"), problems);
        Checks.ReferenceOverlap overlap = new Checks.ReferenceOverlap(o.bool("enabled", d.referenceOverlap().enabled()),
                o.number("weight", d.referenceOverlap().weight(), 0, 1));
        o.finish();
        Checks.Injection injection = injection(Fields.of(f.raw("injection"), f.path("injection"), problems));
        double neutral = f.number("neutral_reward", Checks.DEFAULT_NEUTRAL_REWARD, 0, 1);
        f.finish();
        return new Checks(format, grounding, length, language, safety, overlap, injection, neutral);
    }

    private static Checks.Toggle toggle(Fields f, Checks.Toggle fallback) {
        Checks.Toggle t = new Checks.Toggle(f.bool("enabled", fallback.enabled()));
        f.finish();
        return t;
    }

    private static Checks.Length length(Fields f) {
        Checks.Length d = Checks.Length.DEFAULT;
        boolean enabled = f.bool("enabled", d.enabled());
        int min = f.integer("min_chars", d.minChars(), 0, Integer.MAX_VALUE);
        OptionalInt max = f.has("max_chars")
                ? OptionalInt.of(f.integer("max_chars", Integer.MAX_VALUE, 1, Integer.MAX_VALUE))
                : OptionalInt.empty();
        double penalty = f.number("penalty", d.penalty(), 0, 1);
        OptionalInt maxComments = f.has("max_comments")
                ? OptionalInt.of(f.integer("max_comments", Integer.MAX_VALUE, 1, Integer.MAX_VALUE))
                : OptionalInt.empty();
        if (max.isPresent() && min > max.getAsInt()) {
            f.problem("min_chars", "min_chars " + min + " is greater than max_chars " + max.getAsInt()
                    + "; swap them or raise max_chars");
        }
        f.finish();
        return new Checks.Length(enabled, min, max, penalty, maxComments);
    }

    private Checks.Injection injection(Fields f) {
        InjectionAction fallback = enumValue(f, "default_action", InjectionAction.class,
                Checks.Injection.DEFAULT.defaultAction());
        Map<String, InjectionAction> rules = new LinkedHashMap<>();
        JsonNode raw = f.raw("rules");
        if (raw != null) {
            Fields r = Fields.of(raw, f.path("rules"), problems);
            Iterator<String> names = raw.isObject() ? raw.fieldNames() : java.util.Collections.emptyIterator();
            while (names.hasNext()) {
                String id = names.next();
                if (!RULE_ID.matcher(id).matches()) {
                    r.problem(id, "rule ids are lower-case letters, digits, '_', '.', '-'");
                }
                InjectionAction a = enumValue(r, id, InjectionAction.class, null);
                if (a != null) {
                    rules.put(id, a);
                }
            }
            r.finish();
        }
        f.finish();
        return new Checks.Injection(fallback, rules);
    }

    /** Reads an enum by its lower-case YAML spelling; reports the allowed values on a bad one. */
    private static <E extends Enum<E>> E enumValue(Fields f, String key, Class<E> type, E fallback) {
        JsonNode v = f.raw(key);
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
        }
        if (v == null) {
            if (fallback == null) {
                f.problem(key, "is missing; use one of " + String.join(", ", allowed));
            }
            return fallback;
        }
        String text = v.isValueNode() ? v.asText().strip().toLowerCase(Locale.ROOT) : "";
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(text)) {
                return e;
            }
        }
        f.problem(key, "'" + (v.isValueNode() ? v.asText() : Fields.describe(v)) + "' is not allowed; use one of "
                + String.join(", ", allowed));
        return fallback;
    }
}
