package dev.juror.app.rubric;

import dev.juror.store.SampleDocuments;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
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
        return new WorkspaceLookups(workspace).samples(LIST_LIMIT).stream()
                .map(s -> new SampleChoice(s.id(), s.rolloutCount())).toList();
    }

    List<RolloutChoice> rollouts(String sampleId) {
        return new WorkspaceLookups(workspace).rolloutsOf(sampleId).stream()
                .map(r -> new RolloutChoice(r.id(), r.sampleId(), r.index(), r.model(), r.comments().size()))
                .toList();
    }

    SampleInputs inputs(RolloutChoice choice) {
        WorkspaceLookups lookups = new WorkspaceLookups(workspace);
        StoredRollout rollout = lookups.rollout(choice.id()).orElseThrow(() -> new IllegalStateException(
                "rollout " + choice.index() + " of sample " + choice.sampleId() + " is no longer in the workspace"));
        StoredSample sample = lookups.sample(rollout.sampleId())
                .orElseThrow(() -> new IllegalStateException("sample " + rollout.sampleId()
                        + " is no longer in the workspace"));
        SampleDocuments docs = lookups.documentsOf(sample);
        String second = lookups.rolloutsOf(sample.id()).stream().filter(r -> r.id() != rollout.id())
                .map(StoredRollout::prediction).findFirst().orElse("");
        return new SampleInputs("sample " + sample.id() + ", rollout " + rollout.index(), "rollout-" + rollout.id(),
                docs.systemPrompt(), docs.target(), docs.reference(), rollout.toPrediction(), second);
    }
}
