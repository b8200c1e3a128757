package dev.juror.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns one parsed JSONL line of each shape into import records; bad fields throw {@link InvalidSampleException}. */
final class LineParsers {

    static final String MODEL = "model";
    static final String NO_REFERENCE = "no_reference";

    private static final Set<String> JUROR_FIELDS = Set.of("id", "system_prompt", "target_document",
            "reference_document", "reference_answer", "rollouts", "metadata");
    private static final Set<String> ROLLOUT_OBJECT_FIELDS = Set.of("prediction", "metadata");
    private static final Set<String> ROLLOUT_LINE_FIELDS = Set.of("sample_id", "prediction", "metadata");

    private final DocumentFiles documents;

    LineParsers(DocumentFiles documents) {
        this.documents = documents;
    }

    SampleInput juror(JsonNode line, int lineNumber) {
        String id = JsonFields.requiredText(line, "id", "every sample needs a unique string id");
        String target = documents.resolve(line.get("target_document"), "target_document");
        if (target == null) {
            throw new InvalidSampleException("missing \"target_document\": give the contract text, or {\"path\": \"file.txt\"}");
        }
        if (target.isBlank()) {
            throw new InvalidSampleException("\"target_document\" is empty: a sample needs a document to review");
        }
        String reference = documents.resolve(line.get("reference_document"), "reference_document");
        String system = JsonFields.optionalText(line, "system_prompt");
        JsonNode answer = line.get("reference_answer");
        Map<String, Object> metadata = JsonFields.metadata(line, "metadata", JUROR_FIELDS);
        List<RolloutInput> rollouts = jurorRollouts(line.get("rollouts"), metadata.get(MODEL));
        return new SampleInput(id, system, target, reference, answer == null || answer.isNull() ? null : answer.toString(),
                metadata, rollouts, lineNumber);
    }

    private static List<RolloutInput> jurorRollouts(JsonNode rollouts, Object sampleModel) {
        if (rollouts == null || rollouts.isNull()) {
            return List.of();
        }
        if (!rollouts.isArray()) {
            throw new InvalidSampleException("\"rollouts\" must be a list of predictions (strings or "
                    + "{\"prediction\": ..., \"metadata\": {...}}), found " + JsonFields.typeName(rollouts));
        }
        List<RolloutInput> list = new ArrayList<>(rollouts.size());
        for (int i = 0; i < rollouts.size(); i++) {
            JsonNode element = rollouts.get(i);
            String where = "rollouts[" + i + "]";
            String prediction;
            Map<String, Object> metadata;
            if (element.isObject()) {
                if (!element.has("prediction")) {
                    throw new InvalidSampleException(where + " is an object without \"prediction\"; write "
                            + "{\"prediction\": ...} (an inline JSON prediction object goes inside it)");
                }
                prediction = JsonFields.prediction(element.get("prediction"), where + ".prediction");
                metadata = JsonFields.metadata(element, "metadata", ROLLOUT_OBJECT_FIELDS);
            } else {
                prediction = JsonFields.prediction(element, where);
                metadata = new LinkedHashMap<>();
            }
            if (sampleModel != null) {
                metadata.putIfAbsent(MODEL, sampleModel);
            }
            list.add(new RolloutInput(prediction, metadata));
        }
        return list;
    }

    SampleInput nova(JsonNode line, int lineNumber) {
        JsonNode id = line.get("id");
        if (id != null && !id.isNull() && (!id.isTextual() || id.asText().isBlank())) {
            throw new InvalidSampleException("\"id\" must be a non-empty string, found " + JsonFields.typeName(id)
                    + (id.isNumber() ? " (write \"" + id.asText() + "\" in quotes)" : "") + "; or leave it out to get a generated id");
        }
        NovaSample sample = NovaSampleExtractor.extract(line);
        if (sample.targetDocument().isBlank()) {
            throw new InvalidSampleException("the target document is empty (checked target_document, <TargetDocument> "
                    + "tags and the last user message)");
        }
        Map<String, Object> metadata = new LinkedHashMap<>(sample.customFields());
        if (sample.noReference()) {
            metadata.put(NO_REFERENCE, Boolean.TRUE);
        }
        List<RolloutInput> rollouts = sample.hasPrediction()
                ? List.of(new RolloutInput(sample.prediction(), sample.customFields()))
                : List.of();
        String answer = sample.referenceAnswer().isEmpty() ? null : sample.referenceAnswer();
        return new SampleInput(sample.id(), sample.systemPrompt(), sample.targetDocument(), sample.referenceDocument(),
                answer, metadata, rollouts, lineNumber);
    }

    RolloutAddition rollout(JsonNode line, int lineNumber) {
        String sampleId = JsonFields.requiredText(line, "sample_id", "name the imported sample this prediction belongs to");
        String prediction = JsonFields.prediction(line.get("prediction"), "\"prediction\"");
        Map<String, Object> metadata = JsonFields.metadata(line, "metadata", ROLLOUT_LINE_FIELDS);
        return new RolloutAddition(sampleId, new RolloutInput(prediction, metadata), lineNumber);
    }
}
