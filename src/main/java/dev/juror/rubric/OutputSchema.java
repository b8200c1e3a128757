package dev.juror.rubric;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of the judge's answer, derived from the rubric's dimensions,
 * and a validator for it. Build once per rubric and reuse: compiling the schema is the expensive
 * part, validating an answer is cheap. Instances are immutable and thread-safe.
 *
 * <p>Pointwise shape (the seed article's): {@code comments} (one object per comment with
 * {@code comment_id}, one object per dimension keyed by its name holding {@code score} and
 * {@code justification}, optional {@code supporting_evidence} / {@code supporting_reference},
 * and {@code Comment_Score}) and {@code Aggregate_Score} ({@code score}, {@code total_comments},
 * {@code rationale}). Integer scales give an integer {@code score} in range; boolean scales the
 * string {@code "pass"} or {@code "fail"} (explicit words, no truthiness guessing). A response-unit
 * rubric has exactly one entry in {@code comments}. Pairwise: {@code dimensions} (per dimension a
 * {@code verdict} A, B or tie and a {@code justification}), {@code winner} and {@code rationale}.
 * Extra keys are refused everywhere, so a forged or padded verdict does not pass.
 */
public final class OutputSchema {

    public static final String COMMENTS = "comments";
    public static final String COMMENT_ID = "comment_id";
    public static final String COMMENT_SCORE = "Comment_Score";
    public static final String AGGREGATE_SCORE = "Aggregate_Score";
    public static final String SCORE = "score";
    public static final String JUSTIFICATION = "justification";
    public static final String SUPPORTING_EVIDENCE = "supporting_evidence";
    public static final String SUPPORTING_REFERENCE = "supporting_reference";
    public static final String TOTAL_COMMENTS = "total_comments";
    public static final String RATIONALE = "rationale";
    public static final String DIMENSIONS = "dimensions";
    public static final String VERDICT = "verdict";
    public static final String WINNER = "winner";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Strict parsing: a second copy of a key (two scores) or text after the object is an error. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper PRETTY = new ObjectMapper();

    private final ObjectNode schema;
    private final JsonSchema compiled;
    private final String pretty;

    private OutputSchema(ObjectNode schema) {
        this.schema = schema;
        this.compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        try {
            this.pretty = PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Derives and compiles the schema of a rubric. Cache the result (see {@link OutputSchemaCache}). */
    public static OutputSchema of(Rubric rubric) {
        return new OutputSchema(rubric.mode() == Mode.PAIRWISE ? pairwise(rubric) : pointwise(rubric));
    }

    /** The schema as a tree (a copy; the instance stays immutable). */
    public JsonNode schema() {
        return schema.deepCopy();
    }

    /** The schema as indented JSON, as shown to the judge in the system prompt. */
    public String toPrettyJson() {
        return pretty;
    }

    /**
     * Validates the judge's raw answer: it must be exactly one JSON object matching the schema.
     * Returns readable problems with JSON paths (e.g. {@code $.comments[0].Actionability.score:
     * must have a maximum value of 5}); empty when valid.
     */
    public List<String> validate(String rawJson) {
        JsonNode node;
        try (JsonParser parser = STRICT.createParser(rawJson == null ? "" : rawJson)) {
            node = STRICT.readTree(parser);
            if (node != null && hasTrailingText(parser)) {
                return List.of("$: text after the JSON object; answer with exactly one JSON object and nothing else");
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return List.of("$: not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return List.of("$: cannot read the answer: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return List.of("$: empty answer; expected one JSON object");
        }
        return validate(node);
    }

    private static boolean hasTrailingText(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** Validates an already parsed answer. */
    public List<String> validate(JsonNode answer) {
        Set<ValidationMessage> messages = compiled.validate(answer);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static ObjectNode pointwise(Rubric rubric) {
        Scale scale = rubric.scale();
        ObjectNode root = root("Judge output for rubric " + rubric.name());
        root.set("required", strings(COMMENTS, AGGREGATE_SCORE));
        ObjectNode props = root.putObject("properties");

        ObjectNode comments = props.putObject(COMMENTS);
        comments.put("type", "array");
        comments.put("minItems", 1);
        if (rubric.unit() == Unit.RESPONSE) {
            comments.put("maxItems", 1);
        }
        ObjectNode item = strictObject();
        comments.set("items", item);
        ArrayNode required = item.putArray("required");
        ObjectNode itemProps = item.putObject("properties");
        required.add(COMMENT_ID);
        itemProps.set(COMMENT_ID, nonEmptyString());
        for (Dimension d : rubric.dimensions()) {
            required.add(d.name());
            itemProps.set(d.name(), dimensionScore(d));
        }
        required.add(COMMENT_SCORE);
        itemProps.set(COMMENT_SCORE, number(scale));

        ObjectNode aggregate = strictObject();
        props.set(AGGREGATE_SCORE, aggregate);
        aggregate.set("required", strings(SCORE, TOTAL_COMMENTS, RATIONALE));
        ObjectNode aggProps = aggregate.putObject("properties");
        aggProps.set(SCORE, number(scale));
        ObjectNode total = aggProps.putObject(TOTAL_COMMENTS);
        total.put("type", "integer");
        if (rubric.unit() == Unit.RESPONSE) {
            total.put("const", 1);
        } else {
            total.put("minimum", 1);
        }
        aggProps.set(RATIONALE, F.objectNode().put("type", "string"));
        return root;
    }

    private static ObjectNode dimensionScore(Dimension d) {
        ObjectNode n = strictObject();
        n.put("description", d.question());
        n.set("required", strings(SCORE, JUSTIFICATION));
        ObjectNode props = n.putObject("properties");
        ObjectNode score = props.putObject(SCORE);
        switch (d.scale()) {
            case Scale.IntegerScale s -> {
                score.put("type", "integer");
                score.put("minimum", s.low());
                score.put("maximum", s.high());
            }
            case Scale.BooleanScale b -> {
                score.put("type", "string");
                score.set("enum", strings(Scale.BooleanScale.PASS, Scale.BooleanScale.FAIL));
            }
            case Scale.PreferenceScale p -> throw new IllegalStateException("preference scale in pointwise rubric");
        }
        props.set(JUSTIFICATION, nonEmptyString());
        props.set(SUPPORTING_EVIDENCE, F.objectNode().put("type", "string"));
        props.set(SUPPORTING_REFERENCE, F.objectNode().put("type", "string"));
        return n;
    }

    private static ObjectNode pairwise(Rubric rubric) {
        ObjectNode root = root("Pairwise verdict for rubric " + rubric.name());
        root.set("required", strings(DIMENSIONS, WINNER, RATIONALE));
        ObjectNode props = root.putObject("properties");
        ObjectNode dims = strictObject();
        props.set(DIMENSIONS, dims);
        ArrayNode required = dims.putArray("required");
        ObjectNode dimProps = dims.putObject("properties");
        for (Dimension d : rubric.dimensions()) {
            required.add(d.name());
            ObjectNode v = strictObject();
            v.put("description", d.question());
            v.set("required", strings(VERDICT, JUSTIFICATION));
            ObjectNode vp = v.putObject("properties");
            vp.set(VERDICT, verdict());
            vp.set(JUSTIFICATION, nonEmptyString());
            dimProps.set(d.name(), v);
        }
        props.set(WINNER, verdict());
        props.set(RATIONALE, nonEmptyString());
        return root;
    }

    private static ObjectNode root(String title) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", title);
        root.put("type", "object");
        root.put("additionalProperties", false);
        return root;
    }

    private static ObjectNode strictObject() {
        ObjectNode n = F.objectNode();
        n.put("type", "object");
        n.put("additionalProperties", false);
        return n;
    }

    private static ObjectNode verdict() {
        ObjectNode n = F.objectNode();
        n.put("type", "string");
        n.set("enum", strings(Preference.A.json(), Preference.B.json(), Preference.TIE.json()));
        return n;
    }

    private static ObjectNode number(Scale scale) {
        ObjectNode n = F.objectNode();
        n.put("type", "number");
        n.put("minimum", scale.min());
        n.put("maximum", scale.max());
        return n;
    }

    private static ObjectNode nonEmptyString() {
        ObjectNode n = F.objectNode();
        n.put("type", "string");
        n.put("minLength", 1);
        return n;
    }

    private static ArrayNode strings(String... values) {
        ArrayNode a = F.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}
