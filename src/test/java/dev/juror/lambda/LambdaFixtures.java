package dev.juror.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration and events for the reward Lambda tests and benchmarks. */
public final class LambdaFixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String MODEL = "us.amazon.nova-pro-v1:0";
    public static final String TARGET = "7.3 Rights to termination. Either party shall have the right to summarily "
            + "terminate this Agreement by notice in writing if the other party commits a material breach.";
    public static final String REFERENCE = "Playbook 4.2: termination for breach must allow a cure period of at "
            + "least 30 days.";
    public static final String EXCERPT = "summarily terminate this Agreement by notice in writing";

    /** A valid judge answer for a one-comment prediction with id c1: 4, 4, 4 -> 0.75. */
    public static final String JUDGE_ANSWER = "{\"comments\": [{\"comment_id\": \"c1\","
            + " \"TargetDocument_Grounding\": {\"score\": 4, \"justification\": \"quotes 7.3\"},"
            + " \"Reference_Consistency\": {\"score\": 4, \"justification\": \"playbook 4.2\"},"
            + " \"Actionability\": {\"score\": 4, \"justification\": \"concrete\"}, \"Comment_Score\": 4}],"
            + " \"Aggregate_Score\": {\"score\": 4, \"total_comments\": 1, \"rationale\": \"solid\"}}";
    public static final double JUDGE_REWARD = 0.75;

    private LambdaFixtures() {
    }

    public static LambdaConfig config() throws Exception {
        String yaml = Files.readString(Path.of("rubrics/contract-review.yaml"));
        Rubric rubric = new RubricYaml().read(yaml, "contract-review.yaml");
        return LambdaConfig.defaults(yaml, CanonicalForm.version(rubric), PromptRenderer.secure().systemPrompt(rubric), MODEL)
                .withRegion(java.util.Optional.of("us-east-1"));
    }

    public static Path writeConfig(Path dir, LambdaConfig config) throws Exception {
        return Files.writeString(dir.resolve(LambdaConfig.RESOURCE), JSON.writeValueAsString(config.toJson()),
                StandardCharsets.UTF_8);
    }

    public static String prediction(String comment) {
        ArrayNode array = JSON.createArrayNode();
        ObjectNode c = array.addObject();
        c.put("comment_id", "c1");
        c.put("text_excerpt", EXCERPT);
        c.put("comment", comment);
        c.put("comment_type", "risk");
        c.put("recommended_action", "Add a 30-day cure period before either party may terminate for breach.");
        return array.toString();
    }

    public static String goodPrediction() {
        return prediction("Termination without any cure period exposes the Customer to sudden loss of supply.");
    }

    /** Variant A: top-level reference answer, plain strings, role assistant, documents in tags. */
    public static ObjectNode sampleA(String id, String prediction) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id);
        ArrayNode messages = s.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You review contracts. Answer with a JSON list.");
        messages.addObject().put("role", "user").put("content", "Review.\n<TargetDocument>\n" + TARGET
                + "\n</TargetDocument>\n<Reference>\n" + REFERENCE + "\n</Reference>");
        messages.addObject().put("role", "assistant").put("content", prediction);
        s.putObject("reference_answer").put("issue", "no cure period");
        return s;
    }

    /** Variant B/C: reference answer and documents as custom fields under metadata. */
    public static ObjectNode sampleB(String id, String prediction) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id);
        ArrayNode messages = s.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Review the attached contract.");
        messages.addObject().put("role", "assistant").put("content", prediction);
        ObjectNode meta = s.putObject("metadata");
        meta.putObject("reference_answer").put("issue", "no cure period");
        meta.put("target_document", TARGET);
        meta.put("reference_document", REFERENCE);
        return s;
    }

    /** Variant D: typed content blocks, role nova_assistant, documents as top-level custom fields. */
    public static ObjectNode sampleD(String id, String prediction) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id);
        ArrayNode messages = s.putArray("messages");
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "text")
                .put("text", "Review the contract.");
        ArrayNode blocks = messages.addObject().put("role", "nova_assistant").putArray("content");
        int half = prediction.length() / 2;
        blocks.addObject().put("type", "text").put("text", prediction.substring(0, half));
        blocks.addObject().put("text", prediction.substring(half));
        s.put("target_document", TARGET);
        s.put("reference_document", REFERENCE);
        return s;
    }

    public static ArrayNode event(ObjectNode... samples) {
        ArrayNode a = JSON.createArrayNode();
        for (ObjectNode s : samples) {
            a.add(s);
        }
        return a;
    }
}
