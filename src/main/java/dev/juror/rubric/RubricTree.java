package dev.juror.rubric;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The rubric as a tree with the file's snake_case keys, every default written out. Used to write
 * YAML and, in resolved form, as the input of the canonical form.
 */
final class RubricTree {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Dimension keys written for the people at the desk only: not part of the canonical form. */
    static final List<String> PEOPLE_ONLY = List.of("display_name", "people_question");

    private RubricTree() {
    }

    /** The tree of the YAML file, in the documented key order. */
    static ObjectNode of(Rubric r) {
        ObjectNode root = F.objectNode();
        root.put("name", r.name());
        root.put("description", r.description());
        root.put("objective", r.objective());
        root.put("approach", r.approach());
        root.put("unit", r.unit().yaml());
        root.put("mode", r.mode().yaml());
        ArrayNode dims = root.putArray("dimensions");
        for (Dimension d : r.dimensions()) {
            dims.add(dimension(d));
        }
        texts(root.putArray("edge_cases"), r.edgeCases());
        texts(root.putArray("encourage"), r.encourage());
        texts(root.putArray("discourage"), r.discourage());
        ObjectNode agg = root.putObject("aggregation");
        agg.put("comment_score", r.aggregation().commentScore().yaml());
        agg.put("sample_score", r.aggregation().sampleScore().yaml());
        agg.put("deal_breaker_floor", r.aggregation().dealBreakerFloor());
        ObjectNode judge = root.putObject("judge");
        judge.put("model_id", r.judge().modelId());
        judge.put("temperature", r.judge().temperature());
        judge.put("max_tokens", r.judge().maxTokens());
        r.judge().topP().ifPresent(p -> judge.put("top_p", p));
        root.set("validation", validation(r.validation()));
        root.set("checks", checks(r.checks()));
        // Written only when there are some, so rubrics without examples keep their file and version.
        if (!r.examples().isEmpty()) {
            ArrayNode examples = root.putArray("examples");
            r.examples().forEach(e -> examples.add(example(r, e)));
        }
        return root;
    }

    /**
     * The tree with thresholds resolved per dimension instead of defaults plus overrides, so two
     * files that demand the same of every dimension have the same tree.
     */
    static ObjectNode resolved(Rubric r) {
        ObjectNode root = of(r);
        ObjectNode validation = F.objectNode();
        validation.put("require_regression_pass", r.validation().requireRegressionPass());
        ObjectNode per = validation.putObject("per_dimension");
        for (String name : r.dimensionNames()) {
            per.set(name, thresholds(r.validation().forDimension(name)));
        }
        root.set("validation", validation);
        // The people-only texts are left out of the version: rewording them for the experts changes
        // neither the judge's prompt nor the scores, so labels and judge runs stay comparable.
        root.get("dimensions").forEach(d -> ((ObjectNode) d).remove(PEOPLE_ONLY));
        return root;
    }

    private static ObjectNode dimension(Dimension d) {
        ObjectNode n = F.objectNode();
        n.put("name", d.name());
        // Written only when given, so files without them read and write as before.
        if (!d.displayName().isEmpty()) {
            n.put("display_name", d.displayName());
        }
        n.put("question", d.question());
        if (!d.peopleQuestion().isEmpty()) {
            n.put("people_question", d.peopleQuestion());
        }
        n.put("scale", d.scale().label());
        ObjectNode levels = n.putObject("levels");
        d.levels().forEach(levels::put);
        texts(n.putArray("mandatory_rules"), d.mandatoryRules());
        n.put("weight", d.weight());
        n.put("deal_breaker", d.dealBreaker());
        return n;
    }

    private static ObjectNode example(Rubric r, FewShotExample e) {
        ObjectNode n = F.objectNode();
        n.put("comment", e.comment());
        if (!e.context().isEmpty()) {
            n.put("context", e.context());
        }
        ObjectNode scores = n.putObject("scores");
        for (Dimension d : r.dimensions()) {
            Integer score = e.scores().get(d.name());
            if (score != null && d.scale() instanceof Scale.BooleanScale) {
                scores.put(d.name(), ExamplesReader.label(d.scale(), score));
            } else if (score != null) {
                scores.put(d.name(), score.intValue());
            }
        }
        if (!e.explanation().isEmpty()) {
            n.put("explanation", e.explanation());
        }
        return n;
    }

    private static ObjectNode validation(ValidationThresholds v) {
        ObjectNode n = thresholds(v.defaults());
        n.put("require_regression_pass", v.requireRegressionPass());
        if (!v.perDimension().isEmpty()) {
            ObjectNode per = n.putObject("per_dimension");
            v.perDimension().forEach((name, t) -> per.set(name, thresholds(t)));
        }
        return n;
    }

    private static ObjectNode thresholds(DimensionThresholds t) {
        ObjectNode n = F.objectNode();
        n.put("min_kappa_lower_bound", t.minKappaLowerBound());
        n.put("min_items", t.minItems());
        n.put("require_within_human_ceiling", t.requireWithinHumanCeiling());
        n.put("human_ceiling_margin", t.humanCeilingMargin());
        n.put("max_flip_rate", t.maxFlipRate());
        return n;
    }

    private static ObjectNode checks(Checks c) {
        ObjectNode n = F.objectNode();
        n.putObject("format").put("enabled", c.format().enabled());
        n.putObject("grounding").put("enabled", c.grounding().enabled());
        ObjectNode length = n.putObject("length");
        length.put("enabled", c.length().enabled());
        length.put("min_chars", c.length().minChars());
        c.length().maxChars().ifPresent(m -> length.put("max_chars", m));
        length.put("penalty", c.length().penalty());
        // Written only when set, so rubrics without it keep their canonical form and version.
        c.length().maxComments().ifPresent(m -> length.put("max_comments", m));
        n.putObject("language").put("enabled", c.language().enabled());
        ObjectNode safety = n.putObject("safety");
        safety.put("enabled", c.safety().enabled());
        safety.put("rule_set", c.safety().ruleSet());
        ObjectNode overlap = n.putObject("reference_overlap");
        overlap.put("enabled", c.referenceOverlap().enabled());
        overlap.put("weight", c.referenceOverlap().weight());
        ObjectNode injection = n.putObject("injection");
        injection.put("default_action", c.injection().defaultAction().yaml());
        if (!c.injection().rules().isEmpty()) {
            ObjectNode rules = injection.putObject("rules");
            for (Map.Entry<String, InjectionAction> e : c.injection().rules().entrySet()) {
                rules.put(e.getKey(), e.getValue().yaml());
            }
        }
        n.put("neutral_reward", c.neutralReward());
        return n;
    }

    private static void texts(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
