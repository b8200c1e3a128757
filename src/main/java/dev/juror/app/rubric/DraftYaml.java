package dev.juror.app.rubric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.DimensionThresholds;
import dev.juror.rubric.Problem;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts between a {@link Rubric} and the editor's {@link RubricDraft}, and checks a draft the
 * only trustworthy way: write it as a rubric YAML tree and read it back with the strict reader, so
 * the editor reports exactly what {@code juror rubric check} would, each problem with its path.
 */
public final class DraftYaml {

    /** Field path of the embedded YAML area (judge, checks, per-dimension thresholds, fixed examples). */
    public static final String ADVANCED = "advanced";
    static final Set<String> ADVANCED_KEYS = Set.of("judge", "checks", "per_dimension", "examples");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A checked draft: the rubric when it is valid, else every problem. */
    public record Validation(Optional<Rubric> rubric, String yaml, List<Problem> problems) {

        public Validation {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return rubric.isPresent();
        }
    }

    private final YAMLMapper mapper;
    private final RubricYaml rubricYaml = new RubricYaml();

    public DraftYaml() {
        this.mapper = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build());
    }

    /** The draft of a valid rubric: every value written out as the form shows it. */
    public RubricDraft draftOf(Rubric r) {
        List<DimensionDraft> dims = new ArrayList<>();
        for (Dimension d : r.dimensions()) {
            List<LevelText> levels = d.levels().entrySet().stream().map(e -> new LevelText(e.getKey(), e.getValue()))
                    .toList();
            dims.add(new DimensionDraft(d.name(), d.question(), d.scale().label(), levels,
                    String.join("\n", d.mandatoryRules()), number(d.weight()), d.dealBreaker(), d.displayName(),
                    d.peopleQuestion()));
        }
        DimensionThresholds t = r.validation().defaults();
        return new RubricDraft(r.name(), r.description(), r.objective(), r.approach(), r.unit().yaml(),
                r.mode().yaml(), dims, String.join("\n", r.edgeCases()), String.join("\n", r.encourage()),
                String.join("\n", r.discourage()), r.aggregation().dealBreakerFloor(),
                number(t.minKappaLowerBound()), Integer.toString(t.minItems()), t.requireWithinHumanCeiling(),
                number(t.humanCeilingMargin()), number(t.maxFlipRate()), r.validation().requireRegressionPass(),
                advancedOf(r));
    }

    private String advancedOf(Rubric r) {
        try {
            JsonNode full = mapper.readTree(rubricYaml.write(r));
            ObjectNode advanced = F.objectNode();
            advanced.set("judge", full.get("judge"));
            advanced.set("checks", full.get("checks"));
            JsonNode per = full.path("validation").get("per_dimension");
            if (per != null && !per.isEmpty()) {
                advanced.set("per_dimension", per);
            }
            // Fixed examples (judge alignment writes them) have no form of their own: kept here so saving
            // from the form never drops them.
            if (full.has("examples")) {
                advanced.set("examples", full.get("examples"));
            }
            return mapper.writeValueAsString(advanced).stripTrailing() + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read the YAML Juror wrote for " + r.name(), e);
        }
    }

    /** Checks a draft with the strict reader; {@code source} names it in messages (the file name). */
    public Validation validate(RubricDraft draft, String source) {
        List<Problem> local = new ArrayList<>();
        ObjectNode tree = tree(draft, local);
        String yaml;
        try {
            yaml = mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the edited rubric as YAML", e);
        }
        if (!local.isEmpty()) {
            // The advanced area is not readable: reading the rest would only add noise about the judge.
            return new Validation(Optional.empty(), yaml, local);
        }
        try {
            return new Validation(Optional.of(rubricYaml.read(yaml, source)), yaml, List.of());
        } catch (RubricException e) {
            return new Validation(Optional.empty(), yaml, e.problems());
        }
    }

    /** The YAML Juror saves for a valid rubric: every default written out, round-trips exactly. */
    public String fileText(Rubric rubric) {
        return rubricYaml.write(rubric);
    }

    private ObjectNode tree(RubricDraft d, List<Problem> problems) {
        ObjectNode root = F.objectNode();
        root.put("name", d.name());
        root.put("description", d.description());
        root.put("objective", d.objective());
        root.put("approach", d.approach());
        root.put("unit", d.unit());
        root.put("mode", d.mode());
        ArrayNode dims = root.putArray("dimensions");
        for (DimensionDraft dim : d.dimensions()) {
            ObjectNode n = dims.addObject();
            n.put("name", dim.name());
            putIfGiven(n, "display_name", dim.displayName());
            n.put("question", dim.question());
            putIfGiven(n, "people_question", dim.peopleQuestion());
            n.put("scale", dim.scale());
            ObjectNode levels = n.putObject("levels");
            dim.levels().forEach(l -> levels.put(l.key(), l.text()));
            lines(n.putArray("mandatory_rules"), dim.rules());
            n.set("weight", numberOrText(dim.weight()));
            n.put("deal_breaker", dim.dealBreaker());
        }
        lines(root.putArray("edge_cases"), d.edgeCases());
        lines(root.putArray("encourage"), d.encourage());
        lines(root.putArray("discourage"), d.discourage());
        ObjectNode agg = root.putObject("aggregation");
        agg.put("deal_breaker_floor", d.dealBreakerFloor());
        ObjectNode validation = F.objectNode();
        validation.set("min_kappa_lower_bound", numberOrText(d.minKappaLowerBound()));
        validation.set("min_items", numberOrText(d.minItems()));
        validation.put("require_within_human_ceiling", d.requireWithinHumanCeiling());
        validation.set("human_ceiling_margin", numberOrText(d.humanCeilingMargin()));
        validation.set("max_flip_rate", numberOrText(d.maxFlipRate()));
        validation.put("require_regression_pass", d.requireRegressionPass());
        JsonNode advanced = advanced(d.advanced(), problems);
        if (advanced.has("judge")) {
            root.set("judge", advanced.get("judge"));
        }
        if (advanced.has("per_dimension")) {
            validation.set("per_dimension", advanced.get("per_dimension"));
        }
        root.set("validation", validation);
        if (advanced.has("checks")) {
            root.set("checks", advanced.get("checks"));
        }
        if (advanced.has("examples")) {
            root.set("examples", advanced.get("examples"));
        }
        return root;
    }

    private JsonNode advanced(String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return F.objectNode();
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            problems.add(new Problem(ADVANCED, "not valid YAML" + where + ": " + e.getOriginalMessage()
                    + "; fix the indentation or the ':' after a key"));
            return F.objectNode();
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return F.objectNode();
        }
        if (!node.isObject()) {
            problems.add(new Problem(ADVANCED, "must be a mapping with the keys judge, checks, per_dimension and examples"));
            return F.objectNode();
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            String key = fields.next().getKey();
            if (!ADVANCED_KEYS.contains(key)) {
                problems.add(new Problem(ADVANCED, "'" + key + "' does not belong here; this area holds judge,"
                        + " checks, per_dimension and examples only (the other settings have their own fields)"));
            }
        }
        return node;
    }

    /** Writes a typed number as a number, anything else as text, so the reader reports it with its path. */
    private static JsonNode numberOrText(String typed) {
        String s = typed == null ? "" : typed.strip();
        try {
            if (s.matches("-?\\d{1,9}")) {
                return F.numberNode(Integer.parseInt(s));
            }
            return F.numberNode(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return F.textNode(s);
        }
    }

    private static void lines(ArrayNode array, String text) {
        if (text == null) {
            return;
        }
        text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(array::add);
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The people-only texts are optional: an empty box writes no key, as in a file without them. */
    private static void putIfGiven(ObjectNode node, String key, String value) {
        if (!value.isBlank()) {
            node.put(key, value);
        }
    }
}
