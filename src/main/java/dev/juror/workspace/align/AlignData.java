package dev.juror.workspace.align;

import dev.juror.align.LabelledItem;
import dev.juror.align.TrainExample;
import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.JudgeScore;
import dev.juror.calibration.rating.ItemKeys;
import dev.juror.calibration.rating.Rating;
import dev.juror.rubric.Rubric;
import dev.juror.store.Repositories;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredRollout;
import dev.juror.workspace.calibration.CalibrationDataLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What an alignment reads from the workspace: the experts' labels of a rubric (the same usable labels
 * {@code juror calibrate} counts: latest per labeller, blind, on the scale), grouped by item, and the
 * items of the train split as {@link TrainExample}s with the baseline run's scores and reasons.
 */
final class AlignData {

    private final Repositories repositories;
    private final Rubric rubric;
    private final List<Rating> labels;

    AlignData(Repositories repositories, Rubric rubric) {
        this.repositories = repositories;
        this.rubric = rubric;
        this.labels = new CalibrationDataLoader(repositories).usable(rubric, false).labels().ratings();
    }

    /** The usable labels (every labeller), for calibration on a subset of items. */
    List<Rating> labels() {
        return labels;
    }

    /** The usable labels of items in the given samples. */
    List<Rating> labelsIn(Set<String> samples) {
        return labels.stream().filter(r -> samples.contains(sampleOf(r.itemKey()))).toList();
    }

    /** One entry per labelled item, the experts' median per dimension. */
    List<LabelledItem> items() {
        Map<String, Map<String, List<Integer>>> byItem = new TreeMap<>();
        for (Rating r : labels) {
            byItem.computeIfAbsent(r.itemKey(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.dimension(), k -> new ArrayList<>()).add(r.score());
        }
        List<LabelledItem> out = new ArrayList<>();
        byItem.forEach((key, dims) -> out.add(new LabelledItem(key, sampleOf(key), medians(dims))));
        return out;
    }

    /** The sample of an item key ({@code sample/rollout/comment}). */
    static String sampleOf(String itemKey) {
        return ItemKeys.rolloutOf(ItemKeys.rolloutOf(itemKey));
    }

    /** The run restricted to the items of the given samples (same id, version and model). */
    static JudgeRun restricted(JudgeRun run, Set<String> samples) {
        Predicate<JudgeScore> in = s -> samples.contains(sampleOf(s.itemKey()));
        return new JudgeRun(run.id(), run.rubricVersion(), run.judgeModel(), run.createdAt(),
                run.scores().stream().filter(in).toList());
    }

    /** The train split's items with the comment text, the experts' notes and the baseline's scores. */
    List<TrainExample> trainExamples(Set<String> trainSamples, JudgeRun baseline) {
        Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (Rating r : baseline.ratings()) {
            judged.computeIfAbsent(r.itemKey(), k -> new LinkedHashMap<>()).put(r.dimension(), r.score());
            if (!r.rationale().isBlank()) {
                reasons.computeIfAbsent(r.itemKey(), k -> new ArrayList<>()).add(r.dimension() + ": " + r.rationale());
            }
        }
        Map<String, List<String>> notes = new LinkedHashMap<>();
        labels.stream().filter(r -> !r.rationale().isBlank()).forEach(r -> notes
                .computeIfAbsent(r.itemKey(), k -> new ArrayList<>()).add(r.dimension() + ": " + r.rationale()));
        List<TrainExample> out = new ArrayList<>();
        for (LabelledItem item : items()) {
            if (!trainSamples.contains(item.sampleId())) {
                continue;
            }
            out.add(new TrainExample(item.itemKey(), item.sampleId(), commentText(item.itemKey()), "",
                    item.expertScores(), String.join("\n", notes.getOrDefault(item.itemKey(), List.of())),
                    judged.getOrDefault(item.itemKey(), Map.of()),
                    String.join("\n", reasons.getOrDefault(item.itemKey(), List.of()))));
        }
        return out;
    }

    /** The comment as the judge saw it: excerpt, comment, action; for a response rubric the prediction. */
    private String commentText(String itemKey) {
        String rolloutKey = ItemKeys.rolloutOf(itemKey);
        int index = Integer.parseInt(rolloutKey.substring(rolloutKey.lastIndexOf('/') + 1));
        int position = Integer.parseInt(itemKey.substring(itemKey.lastIndexOf('/') + 1));
        StoredRollout rollout = repositories.rollouts().find(sampleOf(itemKey), index).orElse(null);
        if (rollout == null) {
            return "";
        }
        if (rubric.unit() == dev.juror.rubric.Unit.RESPONSE) {
            return rollout.prediction();
        }
        return repositories.rollouts().commentsOf(rollout.id()).stream().filter(c -> c.position() == position)
                .findFirst().map(AlignData::text).orElse("");
    }

    private static String text(StoredComment c) {
        return "excerpt: " + c.textExcerpt() + "\ncomment: " + c.comment() + "\nrecommended action: "
                + c.recommendedAction();
    }

    private static Map<String, Integer> medians(Map<String, List<Integer>> dims) {
        Map<String, Integer> out = new LinkedHashMap<>();
        dims.forEach((d, scores) -> out.put(d, Rating.median(scores.stream().mapToInt(Integer::intValue).toArray())));
        return out;
    }
}
