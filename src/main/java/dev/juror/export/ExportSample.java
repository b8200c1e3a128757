package dev.juror.export;

import java.util.List;

/**
 * A sample as the exports need it (training rows, the sample event).
 *
 * @param referenceAnswer the reference answer as JSON text, or empty
 * @param predictions     rollouts to put in the sample event (may be empty)
 */
public record ExportSample(String id, String systemPrompt, String target, String reference, String referenceAnswer,
                           List<String> predictions) {

    public ExportSample {
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        target = target == null ? "" : target;
        reference = reference == null ? "" : reference;
        referenceAnswer = referenceAnswer == null ? "" : referenceAnswer;
        predictions = List.copyOf(predictions);
    }
}
