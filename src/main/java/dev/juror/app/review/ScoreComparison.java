package dev.juror.app.review;

import dev.juror.store.StoredLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everyone's scores on one item, lined up against this labeller's, for the card and the labelling
 * panel. Whether they may be shown at all (blind mode) is decided by the caller; this class only
 * builds what is shown and marks where a score differs from the labeller's own.
 */
final class ScoreComparison {

    private final List<String> dimensions;
    private final Map<String, StoredLabel> mine;
    private final Map<String, Map<String, StoredLabel>> others;
    private final Map<String, String> judge;

    ScoreComparison(ItemKey item, String labeller, List<String> dimensions, LabelBook book, JudgeScoreLookup judges) {
        this.dimensions = dimensions;
        this.mine = book.of(item, labeller);
        this.others = book.othersOn(item, labeller);
        this.judge = judges.scoresFor(item);
    }

    /** How many score sets blind mode holds back: one per other labeller, plus the judge. */
    int hiddenCount() {
        return others.size() + (judge.isEmpty() ? 0 : 1);
    }

    /** One line per scorer, the labeller's own ("You") first, then others by name, then the judge. */
    List<CommentCard.ScoreLine> lines() {
        List<String> own = inOrder(mine);
        List<CommentCard.ScoreLine> lines = new ArrayList<>();
        if (!mine.isEmpty()) {
            lines.add(line("You", own, own, origin(mine)));
        }
        others.forEach((who, labels) -> lines.add(line(who, inOrder(labels), own, origin(labels))));
        if (!judge.isEmpty()) {
            lines.add(line("Judge", dimensions.stream().map(d -> judge.getOrDefault(d, "")).toList(), own, ""));
        }
        return lines;
    }

    /**
     * Where a scorer's labels on the item came from, when any came from a label pack: a pack is
     * someone's file, so the desk says whose import it was. Empty when all were given at a desk.
     */
    private String origin(Map<String, StoredLabel> labels) {
        return dimensions.stream().map(labels::get).filter(l -> l != null && (l.imported() != null
                        || l.origin().startsWith("pack:")))
                .map(StoredLabel::originText).distinct().collect(java.util.stream.Collectors.joining("; "));
    }

    /** The others' (and the judge's) scores on one dimension. */
    List<DimensionRow.OtherScore> othersOn(String dimension) {
        String my = mine.containsKey(dimension) ? mine.get(dimension).score() : null;
        List<DimensionRow.OtherScore> scores = new ArrayList<>();
        others.forEach((who, labels) -> {
            StoredLabel label = labels.get(dimension);
            if (label != null) {
                scores.add(new DimensionRow.OtherScore(who, label.score(), my != null && !my.equals(label.score())));
            }
        });
        String judged = judge.get(dimension);
        if (judged != null) {
            scores.add(new DimensionRow.OtherScore("Judge", judged, my != null && !my.equals(judged)));
        }
        return scores;
    }

    private List<String> inOrder(Map<String, StoredLabel> labels) {
        return dimensions.stream().map(d -> labels.containsKey(d) ? labels.get(d).score() : "").toList();
    }

    private CommentCard.ScoreLine line(String who, List<String> scores, List<String> own, String origin) {
        List<Boolean> differs = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            differs.add(!scores.get(i).isEmpty() && !own.get(i).isEmpty() && !scores.get(i).equals(own.get(i)));
        }
        return new CommentCard.ScoreLine(who, scores, differs, origin);
    }
}
