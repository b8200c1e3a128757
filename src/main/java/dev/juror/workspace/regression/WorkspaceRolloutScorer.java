package dev.juror.workspace.regression;

import dev.juror.calibration.regression.RolloutRef;
import dev.juror.calibration.regression.RolloutScorer;
import dev.juror.calibration.regression.ScoredRollout;
import dev.juror.dataset.Comment;
import dev.juror.dataset.ExcerptLocator;
import dev.juror.dataset.Prediction;
import dev.juror.judge.Judge;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.ReplayKey;
import dev.juror.judge.ReplaySource;
import dev.juror.judge.output.CommentJudgement;
import dev.juror.judge.output.DimensionScore;
import dev.juror.reward.checks.FormatCheck;
import dev.juror.reward.checks.InjectionScanner;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.store.DocumentRepository;
import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.SampleDocuments;
import dev.juror.store.SampleRepository;
import dev.juror.store.StoredRollout;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-scores a workspace rollout for a regression suite: the recorded answer of this rubric version
 * and judge model when there is one (replay), otherwise the live judge; then the deterministic
 * checks raise flags: {@code format} (output contract broken), {@code injection} (injection
 * patterns), {@code grounding} (an excerpt not found in the target document), {@code empty} (no
 * comments) and {@code judge_error} (the judge gave no valid answer).
 */
public final class WorkspaceRolloutScorer implements RolloutScorer {

    private final Rubric rubric;
    private final String version;
    private final Judge live;
    private final Judge replay;
    private final ReplaySource recordings;
    private final RolloutRepository rollouts;
    private final SampleRepository samples;
    private final DocumentRepository documents;
    private final FormatCheck format = new FormatCheck();
    private final InjectionScanner injection = new InjectionScanner();
    private int replayed;
    private int judgedLive;

    /** @param replay the replay judge of the same model, or null when the live judge is itself a replay */
    public WorkspaceRolloutScorer(Repositories repositories, Rubric rubric, Judge live, Judge replay, ReplaySource recordings) {
        this.rubric = rubric;
        this.version = CanonicalForm.version(rubric);
        this.live = live;
        this.replay = replay;
        this.recordings = recordings;
        this.rollouts = repositories.rollouts();
        this.samples = repositories.samples();
        this.documents = repositories.documents();
    }

    public int replayed() {
        return replayed;
    }

    public int judgedLive() {
        return judgedLive;
    }

    @Override
    public ScoredRollout score(RolloutRef ref) {
        Optional<StoredRollout> found = rollouts.find(ref.sample(), ref.index());
        if (found.isEmpty()) {
            return ScoredRollout.failed(ref, "rollout " + ref + " is not in the workspace; import its samples first",
                    Set.of());
        }
        StoredRollout r = found.get();
        SampleDocuments docs = documents.documentsOf(samples.find(r.sampleId()).orElseThrow());
        Prediction prediction = r.toPrediction();
        Set<String> flags = new LinkedHashSet<>();
        if (!format.check(r.prediction()).clean()) {
            flags.add("format");
        }
        if (!injection.scanPrediction(prediction).clean()) {
            flags.add("injection");
        }
        if (prediction.comments().isEmpty()) {
            flags.add("empty");
        }
        ExcerptLocator locator = ExcerptLocator.forDocuments(docs.target(), docs.reference());
        for (Comment c : prediction.comments()) {
            if (c.textExcerpt() == null || c.textExcerpt().isBlank() || !locator.locate(c.textExcerpt()).status().inTarget()) {
                flags.add("grounding");
                break;
            }
        }
        JudgeItem item = JudgeItem.pointwise("rollout-" + r.id(), rubric, docs.systemPrompt(), docs.target(),
                docs.reference(), prediction);
        boolean recorded = replay != null
                && recordings.find(new ReplayKey(version, live.model(), item.contentHash()), 0).isPresent();
        JudgeResult result = recorded ? replay.judge(item) : live.judge(item);
        if (recorded) {
            replayed++;
        } else {
            judgedLive++;
        }
        if (!result.ok() || result.judgement().isEmpty()) {
            flags.add("judge_error");
            return ScoredRollout.failed(ref, "judge " + result.status() + ": " + result.error(), flags);
        }
        Map<Integer, Map<String, Integer>> scores = new HashMap<>();
        for (CommentJudgement c : result.judgement().get().comments()) {
            Map<String, Integer> dims = new HashMap<>();
            for (DimensionScore d : c.scores()) {
                dims.put(d.dimension(), (int) Math.round(d.score()));
            }
            scores.put(c.position(), dims);
        }
        return new ScoredRollout(ref, scores, result.sampleScore(), flags, "");
    }
}
