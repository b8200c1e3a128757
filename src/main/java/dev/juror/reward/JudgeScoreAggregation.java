package dev.juror.reward;

import dev.juror.dataset.Comment;
import dev.juror.dataset.Prediction;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.Rubric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rubric's arithmetic over the judge's scores: the judged entries put in the prediction's
 * comment order, the grounding override applied, comment scores and the sample score computed and
 * normalised to [0, 1].
 */
final class JudgeScoreAggregation {

    private JudgeScoreAggregation() {
    }

    /** The normalised judge score and each dimension's mean; {@code error} says why there is none. */
    record Aggregated(double normalised, Map<String, Double> dimensionMeans, String error) {
    }

    /**
     * @param grounding  the grounding dimension when ungrounded comments get its minimum, else empty
     * @param ungrounded ids of the comments whose excerpt is not in the target document
     */
    static Aggregated aggregate(Rubric rubric, Prediction prediction, List<CommentScores> judged, boolean perComment,
                                Optional<Dimension> grounding, Set<String> ungrounded) {
        List<CommentScores> ordered;
        if (perComment) {
            ordered = matchComments(prediction.comments(), judged);
            if (ordered == null) {
                return new Aggregated(0, Map.of(), "judge scored comments " + judged.stream()
                        .map(CommentScores::commentId).toList() + " but the prediction has "
                        + prediction.comments().stream().map(Comment::commentId).toList());
            }
        } else {
            if (judged.size() != 1) {
                return new Aggregated(0, Map.of(), "judge returned " + judged.size()
                        + " units for a whole-response rubric; expected exactly 1");
            }
            ordered = judged;
        }
        List<Double> commentScores = new ArrayList<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            Map<String, Double> dims = new HashMap<>(ordered.get(i).dimensionScores());
            String notFinite = nonFinite(dims);
            if (notFinite != null) {
                // Said before the scale check so the log names the cause, not "off the scale".
                return new Aggregated(0, Map.of(), "judge scores of comment " + ordered.get(i).commentId()
                        + ": dimension " + notFinite + " is not a finite number (" + dims.get(notFinite) + ")");
            }
            if (grounding.isPresent() && ungrounded.contains(prediction.comments().get(i).commentId())) {
                dims.put(grounding.get().name(), grounding.get().scale().min());
            }
            try {
                commentScores.add(rubric.commentScore(dims));
            } catch (IllegalArgumentException e) {
                return new Aggregated(0, Map.of(), "judge scores of comment " + ordered.get(i).commentId() + ": "
                        + e.getMessage());
            }
            for (Dimension d : rubric.dimensions()) {
                sums.merge(d.name(), dims.get(d.name()), Double::sum);
            }
        }
        double normalised = rubric.normalise(rubric.sampleScore(commentScores));
        if (!Double.isFinite(normalised)) {
            return new Aggregated(0, Map.of(), "the judge score is not a finite number (" + normalised + ")");
        }
        normalised = Math.max(0.0, Math.min(1.0, normalised));
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum / ordered.size()));
        return new Aggregated(normalised, means, null);
    }

    /**
     * The judge's entries in the prediction's comment order: by comment id, or by position when the
     * judge used its own ids for a prediction of the same length. Null when they do not correspond.
     */
    private static List<CommentScores> matchComments(List<Comment> comments, List<CommentScores> judged) {
        Map<String, CommentScores> byId = new HashMap<>();
        for (CommentScores j : judged) {
            byId.putIfAbsent(j.commentId(), j);
        }
        List<CommentScores> ordered = new ArrayList<>();
        for (Comment c : comments) {
            CommentScores j = byId.get(c.commentId());
            if (j == null) {
                return judged.size() == comments.size() ? judged : null;
            }
            ordered.add(j);
        }
        return ordered;
    }

    /** The first dimension whose score is NaN or infinite, or null. */
    private static String nonFinite(Map<String, Double> dims) {
        for (Map.Entry<String, Double> e : dims.entrySet()) {
            if (e.getValue() != null && !Double.isFinite(e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * {@code v} within [0, 1] as a reward; {@code neutral} when it is not a finite number. Not 0:
     * a score that is not a number is the grader's fault (issue #13), and 0 would punish the policy
     * for it just as an outage would.
     */
    static double toReward(double v, double neutral) {
        if (!Double.isFinite(v)) {
            return neutral;
        }
        return Math.max(0.0, Math.min(1.0, v));
    }
}
