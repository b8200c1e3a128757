package dev.juror.calibration;

import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A judge run as the calibration engine sees it: rubric version x judge model, scores per item and
 * repeat. Its single rating per item (what is compared with humans) is the median over repeats,
 * rounded half to even when the repeats split evenly; with one repeat it is that score.
 */
public record JudgeRun(String id, String rubricVersion, String judgeModel, Instant createdAt, List<JudgeScore> scores) {

    public JudgeRun {
        Objects.requireNonNull(id, "id");
        rubricVersion = rubricVersion == null ? "" : rubricVersion;
        judgeModel = judgeModel == null ? "" : judgeModel;
        createdAt = createdAt == null ? Instant.EPOCH : createdAt;
        scores = List.copyOf(scores);
    }

    /** Number of repeats: the highest repeat number seen plus one (1 for an empty run). */
    public int repeats() {
        return scores.stream().mapToInt(JudgeScore::repeat).max().orElse(0) + 1;
    }

    /** Scores of each item (itemKey, dimension) over its repeats, in repeat order. */
    public Map<Item, int[]> repeatScores() {
        Map<Item, List<JudgeScore>> byItem = new LinkedHashMap<>();
        for (JudgeScore s : scores) {
            byItem.computeIfAbsent(new Item(s.itemKey(), s.dimension()), k -> new ArrayList<>()).add(s);
        }
        Map<Item, int[]> out = new LinkedHashMap<>();
        byItem.forEach((item, list) -> out.put(item,
                list.stream().sorted((a, b) -> Integer.compare(a.repeat(), b.repeat())).mapToInt(JudgeScore::score).toArray()));
        return out;
    }

    /** One rating per item (median over repeats), rater = run id, rationale of the first repeat. */
    public List<Rating> ratings() {
        Map<Item, String> rationale = new LinkedHashMap<>();
        for (JudgeScore s : scores) {
            if (s.repeat() == 0 || !rationale.containsKey(new Item(s.itemKey(), s.dimension()))) {
                rationale.put(new Item(s.itemKey(), s.dimension()), s.rationale());
            }
        }
        List<Rating> out = new ArrayList<>();
        repeatScores().forEach((item, values) -> out.add(new Rating(item.itemKey(), item.dimension(), id,
                Rating.median(values), rationale.getOrDefault(item, ""))));
        return out;
    }
}
