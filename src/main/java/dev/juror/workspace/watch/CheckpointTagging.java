package dev.juror.workspace.watch;

import dev.juror.dataset.ContentHash;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.LineError;
import dev.juror.dataset.RolloutAddition;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.store.StoredSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns an import batch (any shape {@code juror import} reads) into checkpoint rollouts: every
 * rollout tagged with the checkpoint, its step and the training run, and added to its sample as a
 * rollout of its own. A sample's stored content includes its rollouts, so a sample already in the
 * workspace (the prompts of earlier checkpoints, or the calibration set) is not imported again: its
 * rollouts are added to it, once its documents are checked to be the same. A new sample is imported
 * without rollouts and gets them as additions too, so the next checkpoint's file of the same samples
 * is not refused as "different content".
 */
final class CheckpointTagging {

    /** Where the tags are written in a rollout's metadata. */
    static final String CHECKPOINT = "checkpoint";
    static final String STEP = "step";
    static final String RUN = "training_run";

    private CheckpointTagging() {
    }

    /**
     * @param stored the workspace's sample of an id, if any
     */
    static ImportBatch tag(ImportBatch batch, String run, String checkpoint, int step,
                           Function<String, Optional<StoredSample>> stored) {
        List<LineError> errors = new ArrayList<>(batch.errors());
        List<SampleInput> samples = new ArrayList<>();
        List<RolloutAddition> additions = new ArrayList<>();
        for (SampleInput sample : batch.samples()) {
            Optional<StoredSample> existing = stored.apply(sample.id());
            String problem = existing.map(s -> differentDocuments(s, sample)).orElse(null);
            if (problem != null) {
                errors.add(new LineError(sample.line(), problem));
                continue;
            }
            if (existing.isEmpty()) {
                samples.add(new SampleInput(sample.id(), sample.systemPrompt(), sample.targetDocument(),
                        sample.referenceDocument(), sample.referenceAnswer(), sample.metadata(), List.of(), sample.line()));
            }
            for (int i = 0; i < sample.rollouts().size(); i++) {
                RolloutInput rollout = sample.rollouts().get(i);
                String clash = clash(rollout, checkpoint, step);
                if (clash != null) {
                    errors.add(new LineError(sample.line(), "rollout " + (i + 1) + ": " + clash));
                } else {
                    additions.add(new RolloutAddition(sample.id(), tagged(rollout, run, checkpoint, step), sample.line()));
                }
            }
        }
        for (RolloutAddition addition : batch.additions()) {
            String clash = clash(addition.rollout(), checkpoint, step);
            if (clash != null) {
                errors.add(new LineError(addition.line(), clash));
            } else {
                additions.add(new RolloutAddition(addition.sampleId(),
                        tagged(addition.rollout(), run, checkpoint, step), addition.line()));
            }
        }
        return new ImportBatch(batch.source(), batch.format(), samples, additions, errors, batch.linesRead());
    }

    private static RolloutInput tagged(RolloutInput rollout, String run, String checkpoint, int step) {
        Map<String, Object> metadata = new LinkedHashMap<>(rollout.metadata());
        metadata.put(CHECKPOINT, checkpoint);
        metadata.put(STEP, step);
        metadata.put(RUN, run);
        return new RolloutInput(rollout.prediction(), metadata);
    }

    /** Why a rollout that names its own checkpoint or step cannot be tagged with these, or null. */
    private static String clash(RolloutInput rollout, String checkpoint, int step) {
        Object own = rollout.metadata().get(CHECKPOINT);
        if (own != null && !own.toString().strip().equals(checkpoint)) {
            return "the rollout says it is of checkpoint " + own + ", but --checkpoint " + checkpoint
                    + " was given; import it with its own checkpoint";
        }
        Object ownStep = rollout.metadata().get(STEP);
        if (ownStep != null && !ownStep.toString().strip().equals(Integer.toString(step))) {
            return "the rollout says it is of step " + ownStep + ", but --step " + step + " was given";
        }
        return null;
    }

    private static String differentDocuments(StoredSample stored, SampleInput input) {
        List<String> differ = new ArrayList<>();
        if (!Objects.equals(stored.systemPromptHash(), hash(input.systemPrompt()))) {
            differ.add("system prompt");
        }
        if (!Objects.equals(stored.targetHash(), hash(input.targetDocument()))) {
            differ.add("target document");
        }
        if (!Objects.equals(stored.referenceHash(), hash(input.referenceDocument()))) {
            differ.add("reference document");
        }
        return differ.isEmpty() ? null : "sample id \"" + input.id() + "\" is already in the workspace with another "
                + String.join(" and ", differ) + "; a checkpoint's rollouts are added to the sample they answer, so"
                + " give this sample a new id";
    }

    private static String hash(String text) {
        // The store reads an empty document's missing hash as "".
        return text == null || text.isEmpty() ? "" : ContentHash.of(text);
    }
}
