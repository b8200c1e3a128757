package dev.juror.reward;

import dev.juror.dataset.Comment;
import dev.juror.dataset.PredictionParser;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.Rubric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/** A judge that gives every comment of the prediction fixed scores per dimension, and counts calls. */
final class StubJudge implements JudgeScorer {

    private final Rubric rubric;
    private final ToDoubleFunction<Dimension> score;
    final AtomicInteger calls = new AtomicInteger();

    StubJudge(Rubric rubric, ToDoubleFunction<Dimension> score) {
        this.rubric = rubric;
        this.score = score;
    }

    static StubJudge allMax(Rubric rubric) {
        return new StubJudge(rubric, d -> d.scale().max());
    }

    @Override
    public JudgeScores score(RewardInput input, String key) {
        calls.incrementAndGet();
        List<CommentScores> out = new ArrayList<>();
        List<Comment> comments = PredictionParser.parse(input.prediction()).comments();
        List<String> ids = comments.isEmpty() ? List.of("response") : comments.stream().map(Comment::commentId).toList();
        for (String id : ids) {
            Map<String, Double> dims = new HashMap<>();
            for (Dimension d : rubric.dimensions()) {
                dims.put(d.name(), score.applyAsDouble(d));
            }
            out.add(new CommentScores(id, dims));
        }
        return new JudgeScores.Scored(out);
    }
}
