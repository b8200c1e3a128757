package dev.juror.app.rubric;

import dev.juror.store.DocumentRepository;
import dev.juror.store.RolloutRepository;
import dev.juror.store.SampleDocuments;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import dev.juror.store.Workspace;
import java.util.List;

/** Reads the workspace's samples and rollouts for the preview (call off the FX thread). */
final class SampleSource {

    /** The preview chooser lists at most this many samples; the rest are reachable from the review desk. */
    static final int LIST_LIMIT = 1000;

    private final Workspace workspace;

    SampleSource(Workspace workspace) {
        this.workspace = workspace;
    }

    List<SampleChoice> samples() {
        return new dev.juror.store.SampleRepository(workspace).list(0, LIST_LIMIT).stream()
                .map(s -> new SampleChoice(s.id(), s.rolloutCount())).toList();
    }

    List<RolloutChoice> rollouts(String sampleId) {
        return new RolloutRepository(workspace).ofSample(sampleId).stream()
                .map(r -> new RolloutChoice(r.id(), r.sampleId(), r.index(), r.model(), r.comments().size()))
                .toList();
    }

    SampleInputs inputs(RolloutChoice choice) {
        RolloutRepository rollouts = new RolloutRepository(workspace);
        StoredRollout rollout = rollouts.find(choice.id()).orElseThrow(() -> new IllegalStateException(
                "rollout " + choice.index() + " of sample " + choice.sampleId() + " is no longer in the workspace"));
        StoredSample sample = new dev.juror.store.SampleRepository(workspace).find(rollout.sampleId())
                .orElseThrow(() -> new IllegalStateException("sample " + rollout.sampleId()
                        + " is no longer in the workspace"));
        SampleDocuments docs = new DocumentRepository(workspace).documentsOf(sample);
        String second = rollouts.ofSample(sample.id()).stream().filter(r -> r.id() != rollout.id())
                .map(StoredRollout::prediction).findFirst().orElse("");
        return new SampleInputs("sample " + sample.id() + ", rollout " + rollout.index(), "rollout-" + rollout.id(),
                docs.systemPrompt(), docs.target(), docs.reference(), rollout.toPrediction(), second);
    }
}
