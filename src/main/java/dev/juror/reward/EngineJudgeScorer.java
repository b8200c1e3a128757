package dev.juror.reward;

import dev.juror.dataset.Prediction;
import dev.juror.dataset.PredictionParser;
import dev.juror.judge.FailureKind;
import dev.juror.judge.Judge;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.JudgedItem;
import dev.juror.judge.output.DimensionScore;
import dev.juror.judge.output.ParsedJudgement;
import dev.juror.judge.output.ResultStatus;
import dev.juror.rubric.Rubric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The judge part through the judge engine: {@link Judge#judgeWithCause} renders the hardened prompt
 * (nonce-tagged candidate, escaped documents, sandwich reminder), retries with the judge's back-off
 * and limiter, and parses the answer with the judge package's output parser (strict contract,
 * comments matched by id, arithmetic recomputed). Anything but an {@code ok} result is a
 * {@link JudgeScores.Failed} with the judge's status, charged to the prediction when the answer
 * was cut off at the output-token limit ({@link FailureKind#MAX_TOKENS}: Converse stop reason
 * {@code max_tokens}, OpenAI-compatible finish reason {@code length}) or when a complete answer
 * that does not parse (or violates the schema) echoes the prediction ({@link PredictionEcho});
 * charged to the service otherwise. Thread-safe; never throws.
 */
public final class EngineJudgeScorer implements JudgeScorer {

    private final Rubric rubric;
    private final Judge judge;
    private final PredictionEcho echo = new PredictionEcho();

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
            JudgedItem judged = judge.judgeWithCause(item);
            JudgeResult result = judged.result();
            if (!result.ok() || result.judgement().isEmpty()) {
                return failed(judged, input);
            }
            ParsedJudgement parsed = result.judgement().get();
            List<CommentScores> out = new ArrayList<>();
            for (var c : parsed.comments()) {
                Map<String, Double> dims = new LinkedHashMap<>();
                for (DimensionScore s : c.scores()) {
                    dims.put(s.dimension(), s.score());
                }
                out.add(new CommentScores(c.position() < 0 ? "response" : c.commentId(), dims));
            }
            return new JudgeScores.Scored(out, stats(result));
        } catch (RuntimeException e) {
            return new JudgeScores.Failed("api_error", "judge call failed: " + e);
        }
    }

    private static JudgeCallStats stats(JudgeResult result) {
        return JudgeCallStats.of(result.latency().toMillis(), result.usage().inputTokens(), result.usage().outputTokens());
    }

    private JudgeScores.Failed failed(JudgedItem judged, RewardInput input) {
        JudgeResult result = judged.result();
        JudgeCallStats call = stats(result);
        String status = result.status().code();
        if (judged.failureKind().filter(kind -> kind == FailureKind.MAX_TOKENS).isPresent()) {
            return new JudgeScores.Failed(status, "the judge reached its output-token limit (" + result.error()
                    + "); charged to the prediction", JudgeScores.Cause.PREDICTION, call);
        }
        boolean unreadable = result.status() == ResultStatus.PARSE_ERROR || result.status() == ResultStatus.SCHEMA_ERROR;
        if (judged.failureKind().isEmpty() && unreadable && echo.echoes(result.rawOutput(), input.prediction(),
                List.of(input.systemPrompt(), input.targetDocument(), input.referenceDocument()))) {
            return new JudgeScores.Failed(status, "the judge's unreadable answer echoes the prediction ("
                    + result.error() + "); charged to the prediction", JudgeScores.Cause.PREDICTION, call);
        }
        return new JudgeScores.Failed(status, result.error(), JudgeScores.Cause.SERVICE, call);
    }
}
