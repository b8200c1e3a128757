package dev.juror.app.review;

import dev.juror.rubric.Scale;
import dev.juror.store.JudgeScoreRow;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One judge run's scores on every item, in the words a label uses ({@code "4"}, {@code "pass"}), so
 * the desk can set them beside the experts' scores. The first repeat stored for an item counts here
 * (the judge panel shows the spread of every repeat). Built off the FX thread.
 */
final class RunScores implements JudgeScoreLookup {

    private final long runId;
    private final Map<ItemKey, Map<String, String>> scores;

    private RunScores(long runId, Map<ItemKey, Map<String, String>> scores) {
        this.runId = runId;
        this.scores = scores;
    }

    static RunScores of(long runId, List<JudgeScoreRow> rows, Scale scale) {
        Map<ItemKey, Integer> firstRepeat = new HashMap<>();
        Map<ItemKey, Map<String, String>> scores = new HashMap<>();
        for (JudgeScoreRow row : rows) {
            ItemKey key = new ItemKey(row.rolloutId(), row.commentPosition());
            // scoresOf orders by rollout, then repeat: the first repeat seen of an item is its lowest
            firstRepeat.putIfAbsent(key, row.repeat());
            if (firstRepeat.get(key) == row.repeat()) {
                scores.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(row.dimension(), text(row.score(), scale));
            }
        }
        return new RunScores(runId, scores);
    }

    /** A judge score as a label writes it: pass/fail on a boolean scale, else the number. */
    static String text(double score, Scale scale) {
        if (scale instanceof Scale.BooleanScale) {
            return score >= scale.max() ? Scale.BooleanScale.PASS : Scale.BooleanScale.FAIL;
        }
        return score == Math.rint(score) ? Long.toString((long) score) : String.format(Locale.ROOT, "%.2f", score);
    }

    @Override
    public String source() {
        return "judge run " + runId;
    }

    @Override
    public Map<String, String> scoresFor(ItemKey item) {
        return scores.getOrDefault(item, Map.of());
    }
}
