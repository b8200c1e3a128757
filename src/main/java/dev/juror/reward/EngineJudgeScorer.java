package dev.juror.reward;

import dev.juror.dataset.Prediction;
import dev.juror.dataset.PredictionParser;
import dev.juror.judge.Judge;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.output.DimensionScore;
import dev.juror.judge.output.ParsedJudgement;
import dev.juror.rubric.Rubric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The judge part through the judge engine: {@link Judge#judge} renders the hardened prompt
 * (nonce-tagged candidate, escaped documents, sandwich reminder), retries with the judge's back-off
 * and limiter, and parses the answer with the judge package's output parser (strict contract,
 * comments matched by id, arithmetic recomputed). Anything but an {@code ok} result is a
 * {@link JudgeScores.Failed} with the judge's status. Thread-safe; never throws.
 */
public final class EngineJudgeScorer implements JudgeScorer {

    private final Rubric rubric;
    private final Judge judge;

    public EngineJudgeScorer(Rubric rubric, Judge judge) {
        this.rubric = Objects.requireNonNull(rubric, "rubric");
        this.judge = Objects.requireNonNull(judge, "judge");
    }

    @Override
    public JudgeScores score(RewardInput input, String key) {
        try {
            Prediction prediction = PredictionParser.parse(input.prediction());
            JudgeItem item = JudgeItem.pointwise(key, rubric, input.systemPrompt(), input.targetDocument(),
                    input.referenceDocument(), prediction);
            JudgeResult result = judge.judge(item);
            if (!result.ok() || result.judgement().isEmpty()) {
                return new JudgeScores.Failed(result.status().code(), result.error());
            }
            ParsedJudgement parsed = result.judgement().get();
            List<CommentJudgement> out = new ArrayList<>();
            for (var c : parsed.comments()) {
                Map<String, Double> dims = new LinkedHashMap<>();
                for (DimensionScore s : c.scores()) {
                    dims.put(s.dimension(), s.score());
                }
                out.add(new CommentJudgement(c.position() < 0 ? "response" : c.commentId(), dims));
            }
            return new JudgeScores.Scored(out);
        } catch (RuntimeException e) {
            return new JudgeScores.Failed("api_error", "judge call failed: " + e);
        }
    }
}
