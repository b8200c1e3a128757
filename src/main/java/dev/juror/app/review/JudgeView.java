package dev.juror.app.review;

import dev.juror.rubric.Rubric;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.JudgeScoreDetail;
import dev.juror.store.StoredLabel;
import dev.juror.workspace.judging.JudgeOutputs.Repeat;
import dev.juror.workspace.judging.JudgeOutputs.RolloutJudgement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the judge panel shows for one item, built on the FX thread from data already read: a message
 * (no run, hidden, loading), or the judge's scores beside the labeller's and the other labellers'.
 *
 * @param rows          one per rubric dimension (empty unless {@link Shown#SHOWN})
 * @param status        how the judge's answer read, per repeat
 * @param commentScore  the comment's score recomputed from the dimension scores (the reward's Comment_Score)
 * @param aggregate     the rollout's Aggregate_Score, or why it is not shown yet
 * @param raw           the judge's raw answer in every repeat; empty while any item of the rollout is hidden
 */
public record JudgeView(Shown shown, String message, List<Row> rows, String status, String commentScore,
                        String aggregate, String raw) {

    public enum Shown { NO_RUN, NO_ITEM, HIDDEN, LOADING, NOT_JUDGED, SHOWN }

    /**
     * One dimension: the labeller's score, the judge's (with the spread over repeats), the others'
     * and the judge's justification; {@code differs} when the judge's score is not the labeller's.
     */
    public record Row(String dimension, String shownName, String yours, String judge, String others,
                      String justification, boolean differs) {
    }

    private static final String NONE = "\u2014";

    public JudgeView {
        rows = List.copyOf(rows);
    }

    static JudgeView message(Shown shown, String message) {
        return new JudgeView(shown, message, List.of(), "", "", "", "");
    }

    static JudgeView of(RolloutJudgement judgement, ReviewItem item, ItemKey key, DeskState state,
                        boolean wholeRolloutRevealed) {
        List<Repeat> repeats = judgement.repeats();
        if (repeats.isEmpty()) {
            return message(Shown.NOT_JUDGED, "Judge run " + judgement.run().id() + " has not judged this rollout"
                    + (judgement.run().status().name().equals("FINISHED") ? "." : " yet."));
        }
        Rubric rubric = state.rubric.get().rubric();
        String me = state.labeller.get();
        Map<String, StoredLabel> mine = state.book.of(key, me);
        Map<String, Map<String, StoredLabel>> others = state.book.othersOn(key, me);
        List<Row> rows = new ArrayList<>();
        List<Map<String, Double>> perRepeat = new ArrayList<>();
        repeats.forEach(r -> perRepeat.add(new HashMap<>()));
        for (dev.juror.rubric.Dimension d : rubric.dimensions()) {
            String dimension = d.name();
            List<String> judged = new ArrayList<>();
            String justification = "";
            for (int i = 0; i < repeats.size(); i++) {
                Optional<JudgeScoreDetail> detail = detail(repeats.get(i), item.position(), dimension);
                if (detail.isPresent()) {
                    perRepeat.get(i).put(dimension, detail.get().score());
                    judged.add(RunScores.text(detail.get().score(), rubric.scale()));
                    if (justification.isEmpty()) {
                        justification = detail.get().justification();
                    }
                } else {
                    judged.add(NONE);
                }
            }
            String yours = mine.containsKey(dimension) ? mine.get(dimension).score() : NONE;
            String othersText = others.entrySet().stream().filter(e -> e.getValue().containsKey(dimension))
                    .map(e -> e.getKey() + " " + e.getValue().get(dimension).score()).collect(Collectors.joining(", "));
            boolean differs = !yours.equals(NONE) && !judged.get(0).equals(NONE) && !judged.get(0).equals(yours);
            rows.add(new Row(dimension, d.shownName(), yours, judged.get(0) + spread(judged),
                    othersText.isEmpty() ? NONE : othersText, justification, differs));
        }
        List<String> commentScores = perRepeat.stream().map(scores -> scores.keySet().containsAll(rubric.dimensionNames())
                ? number(rubric.commentScore(scores)) : NONE).toList();
        String commentScore = commentScores.get(0) + spread(commentScores);
        String aggregate;
        String raw;
        if (wholeRolloutRevealed) {
            List<String> sample = repeats.stream().map(r -> r.result().sampleScore().isPresent()
                    ? number(r.result().sampleScore().getAsDouble()) : "none (" + r.result().status() + ")").toList();
            aggregate = sample.get(0) + spread(sample);
            raw = raw(repeats);
        } else {
            aggregate = "shown once you have labelled every comment of this rollout";
            raw = "";
        }
        return new JudgeView(Shown.SHOWN, "Judge run " + judgement.run().id() + " (" + judgement.run().model() + ")",
                rows, status(repeats), commentScore, aggregate, raw);
    }

    private static Optional<JudgeScoreDetail> detail(Repeat repeat, int position, String dimension) {
        return repeat.scores().stream().filter(d -> d.commentPosition() == position && d.dimension().equals(dimension))
                .findFirst();
    }

    /** "" for one repeat or when all agree, else every repeat's value: " (repeats: 3, 4, 4)". */
    private static String spread(List<String> values) {
        return values.size() < 2 || values.stream().distinct().count() == 1 ? ""
                : " (repeats: " + String.join(", ", values) + ")";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String status(List<Repeat> repeats) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < repeats.size(); i++) {
            JudgeResultRow r = repeats.get(i).result();
            String text = r.status().equals("ok") ? "answer read correctly (ok)" : r.status()
                    + (r.errorKinds().isEmpty() ? "" : " [" + r.errorKinds() + "]")
                    + (r.error() == null || r.error().isBlank() ? "" : ": " + r.error());
            parts.add(repeats.size() == 1 ? text : "repeat " + (r.repeat() + 1) + ": " + text);
        }
        return String.join("\n", parts);
    }

    private static String raw(List<Repeat> repeats) {
        if (repeats.size() == 1) {
            return nullToEmpty(repeats.get(0).result().rawOutput());
        }
        return repeats.stream().map(r -> "--- repeat " + (r.result().repeat() + 1) + " ---\n"
                + nullToEmpty(r.result().rawOutput())).collect(Collectors.joining("\n\n"));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
