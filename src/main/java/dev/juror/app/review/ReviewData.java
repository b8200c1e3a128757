package dev.juror.app.review;

import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.dataset.ExcerptLocator;
import dev.juror.store.NewLabel;
import dev.juror.store.SampleDocuments;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredRollout;
import dev.juror.store.StoredSample;
import dev.juror.store.Workspace;
import dev.juror.workspace.Adjudications;
import dev.juror.workspace.ExpertIssues;
import dev.juror.workspace.Labelling;
import dev.juror.workspace.WorkspaceLookups;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import dev.juror.store.Adjudication;
import dev.juror.store.ExpertIssue;
import dev.juror.store.JudgeScoreRow;
import dev.juror.store.StoredJudgeRun;
import dev.juror.workspace.judging.JudgeOutputs;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * What the review desk reads and writes in a workspace. Every method does I/O and is called off the
 * FX thread (through the background tasks). Keeps the documents and excerpt locator of the last
 * few samples, because eight rollouts of a sample share one contract and its index.
 */
public final class ReviewData implements ReviewSource, PairSource {

    private static final int CACHED_SAMPLES = 4;

    private final Workspace workspace;
    private final Map<String, SampleText> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SampleText> eldest) {
            return size() > CACHED_SAMPLES;
        }
    };

    private record SampleText(SampleDocuments documents, ExcerptLocator locator) {
    }

    public ReviewData(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The pointwise rubrics in {@code rubrics/}, the default one first: what the desk can label with. */
    @Override
    public WorkspaceRubrics.RubricList rubrics() throws IOException {
        return new WorkspaceRubrics(workspace).pointwise();
    }

    /** Every rollout of the workspace, in file order of the samples (without their text). */
    @Override
    public List<QueueEntry> queue() {
        return new WorkspaceLookups(workspace).rolloutSummaries().stream()
                .map(r -> new QueueEntry(r.sampleId(), r.rolloutId(), r.index(), r.model(), r.commentCount(), r.parsed()))
                .toList();
    }

    @Override
    public List<StoredLabel> latestLabels() {
        return new Labelling(workspace).latest();
    }

    /** Loads a rollout with its documents and locates every excerpt (the locator is built once per sample). */
    @Override
    public OpenedRollout open(QueueEntry entry, boolean responseLevel) {
        StoredRollout rollout = new WorkspaceLookups(workspace).rollout(entry.rolloutId())
                .orElseThrow(() -> new IllegalStateException("rollout " + entry.rolloutId() + " is gone"));
        SampleText text = sampleText(entry.sampleId());
        List<ReviewItem> items = new ArrayList<>();
        if (responseLevel) {
            items.add(new ReviewItem(ItemKey.RESPONSE, "", "", rollout.prediction(), "", "", null));
        } else {
            for (StoredComment comment : rollout.comments()) {
                items.add(new ReviewItem(comment.position(), comment.commentId(), comment.textExcerpt(),
                        comment.comment(), comment.commentType(), comment.recommendedAction(),
                        text.locator().locate(comment.textExcerpt())));
            }
        }
        return new OpenedRollout(entry, text.documents().target(), text.documents().reference(), rollout, items);
    }

    private SampleText sampleText(String sampleId) {
        synchronized (cache) {
            SampleText cached = cache.get(sampleId);
            if (cached != null) {
                return cached;
            }
        }
        WorkspaceLookups lookups = new WorkspaceLookups(workspace);
        StoredSample sample = lookups.sample(sampleId)
                .orElseThrow(() -> new IllegalStateException("sample " + sampleId + " is gone"));
        SampleDocuments documents = lookups.documentsOf(sample);
        SampleText text = new SampleText(documents, ExcerptLocator.forDocuments(documents.target(),
                documents.reference()));
        synchronized (cache) {
            cache.put(sampleId, text);
        }
        return text;
    }

    /** Stores one submit; committed before this returns. */
    @Override
    public List<StoredLabel> submit(List<NewLabel> labels) {
        return new Labelling(workspace).submit(labels);
    }

    @Override
    public List<Adjudication> adjudications() {
        return new Adjudications(workspace).latest();
    }

    @Override
    public List<Adjudication> adjudicate(List<Adjudication> adjudications) {
        return new Adjudications(workspace).record(adjudications);
    }

    @Override
    public List<ExpertIssue> expertIssues(String sampleId) {
        return new ExpertIssues(workspace).ofSample(sampleId);
    }

    @Override
    public ExpertIssue recordIssue(ExpertIssue issue) {
        return new ExpertIssues(workspace).record(issue);
    }

    @Override
    public List<StoredJudgeRun> judgeRuns(String rubricName) {
        return new JudgeOutputs(workspace).runsOf(rubricName);
    }

    @Override
    public List<JudgeScoreRow> judgeScores(long runId) {
        return new JudgeOutputs(workspace).scoresOf(runId);
    }

    @Override
    public Optional<JudgeOutputs.RolloutJudgement> judgement(long runId, long rolloutId) {
        return new JudgeOutputs(workspace).judgementOf(runId, rolloutId);
    }

    @Override
    public WorkspaceRubrics.RubricList pairwiseRubrics() throws IOException {
        return new WorkspaceRubrics(workspace).ofModes(java.util.Set.of(dev.juror.rubric.Mode.PAIRWISE));
    }

    @Override
    public List<dev.juror.workspace.Preferences.PairToLabel> pairs(String rubricName) {
        return new dev.juror.workspace.Preferences(workspace).pairs(rubricName);
    }

    @Override
    public List<StoredRollout> openPair(dev.juror.workspace.Preferences.PairToLabel pair) {
        WorkspaceLookups lookups = new WorkspaceLookups(workspace);
        return List.of(lookups.rollout(pair.first()).orElseThrow(), lookups.rollout(pair.second()).orElseThrow());
    }

    @Override
    public List<dev.juror.store.StoredPreference> latestPreferences() {
        return new dev.juror.workspace.Preferences(workspace).latest();
    }

    @Override
    public List<dev.juror.store.StoredPreference> submitPreferences(List<dev.juror.store.NewPreference> preferences) {
        return new dev.juror.workspace.Preferences(workspace).submit(preferences);
    }

    @Override
    public Map<String, dev.juror.rubric.Preference> judgeVerdicts(String rubricName,
                                                                 dev.juror.workspace.Preferences.PairToLabel pair) {
        return new dev.juror.workspace.Preferences(workspace).judgeVerdicts(rubricName, pair.first(), pair.second());
    }

    @Override
    public List<dev.juror.store.StoredQueue> queues() {
        return new dev.juror.workspace.queues.ReviewQueues(workspace).all();
    }

    @Override
    public dev.juror.store.StoredQueue createQueue(dev.juror.workspace.queues.QueueRequest request) {
        return new dev.juror.workspace.queues.ReviewQueues(workspace).create(request);
    }
}
