package dev.juror.store;

import dev.juror.dataset.LineError;
import dev.juror.dataset.Prediction;
import java.util.List;
import java.util.Map;

/**
 * What an import will write, worked out (and checked against the workspace) before anything is
 * written: new samples with their rollouts, rollouts added to existing samples, new documents, and
 * every bad line sorted by line number. Made by {@link ImportTransaction#plan()}.
 */
public record ImportPlan(List<NewSample> samples, List<NewRollout> additions, Map<String, String> newDocuments,
                  int documentsReused, int samplesUnchanged, int rolloutsUnchanged, List<LineError> errors) {

    /** A sample to insert; a null document hash means that part is empty. */
    record NewSample(String id, int line, String systemPromptHash, String targetHash, String referenceHash,
                     String referenceAnswer, String metadataJson, String contentHash, List<NewRollout> rollouts) {
    }

    /** A rollout to insert at {@code index} of its sample, with its parsed prediction. */
    record NewRollout(String sampleId, int index, int line, String predictionHash, Prediction prediction,
                      String metadataJson, String model, String contentHash) {
    }

    public int rolloutsAdded() {
        return samples.stream().mapToInt(s -> s.rollouts().size()).sum() + additions.size();
    }

    List<NewRollout> allRollouts() {
        return java.util.stream.Stream.concat(samples.stream().flatMap(s -> s.rollouts().stream()),
                additions.stream()).toList();
    }

    public int commentsAdded() {
        return allRollouts().stream().mapToInt(r -> r.prediction().comments().size()).sum();
    }

    public int unparsedPredictions() {
        return (int) allRollouts().stream().filter(r -> !r.prediction().isParsed()).count();
    }

    public int samplesAdded() {
        return samples.size();
    }

    public int documentsAdded() {
        return newDocuments.size();
    }
}
