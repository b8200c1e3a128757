package dev.juror.workspace.calibration;

import dev.juror.calibration.CalibrationReport;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.views.DimensionCalibration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns each labeller's ratings into the reference the judge is measured against (see
 * {@link Reference}). Pure: ratings and adjudications in, reference ratings and counts out.
 *
 * @param ratings     the reference: one rating per item for consensus and adjudicated, rater named after the mode
 * @param adjudicated items whose reference is an adjudicated score
 * @param agreed      items whose reference is the labellers' common score (adjudicated mode)
 * @param undecided   items the labellers disagree on with no adjudication: left out (adjudicated mode)
 */
public record ReferenceLabels(Reference reference, List<Rating> ratings, int adjudicated, int agreed,
                              int undecided) {

    public ReferenceLabels {
        ratings = List.copyOf(ratings);
    }

    /**
     * @param each           every labeller's latest usable rating
     * @param adjudications  the adjudicated score of an item as a rating (rater: the adjudicator,
     *                       rationale: the reason), at most one per item and dimension
     */
    public static ReferenceLabels of(Reference reference, List<Rating> each, List<Rating> adjudications) {
        if (reference == Reference.EACH) {
            return new ReferenceLabels(reference, each, 0, 0, 0);
        }
        Map<String, List<Rating>> byItem = new LinkedHashMap<>();
        each.forEach(r -> byItem.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r));
        Map<String, Rating> settled = new LinkedHashMap<>();
        adjudications.forEach(a -> settled.put(key(a), a));
        String rater = reference.label();
        List<Rating> out = new ArrayList<>();
        int adjudicated = 0;
        int agreed = 0;
        int undecided = 0;
        for (Map.Entry<String, List<Rating>> item : byItem.entrySet()) {
            List<Rating> ratings = item.getValue();
            Rating first = ratings.get(0);
            String notes = ratings.stream().map(Rating::rationale).filter(n -> !n.isBlank())
                    .collect(Collectors.joining(" | "));
            if (reference == Reference.CONSENSUS) {
                int median = Rating.median(ratings.stream().mapToInt(Rating::score).toArray());
                out.add(new Rating(first.itemKey(), first.dimension(), rater, median, notes));
                continue;
            }
            Rating adjudication = settled.get(item.getKey());
            if (adjudication != null) {
                out.add(new Rating(first.itemKey(), first.dimension(), rater, adjudication.score(),
                        adjudication.rationale()));
                adjudicated++;
            } else if (ratings.stream().mapToInt(Rating::score).distinct().count() == 1) {
                out.add(new Rating(first.itemKey(), first.dimension(), rater, first.score(), notes));
                agreed++;
            } else {
                undecided++;
            }
        }
        if (reference == Reference.ADJUDICATED) {
            // an adjudicated item nobody's usable label covers (labels left out, or on another rubric version)
            for (Map.Entry<String, Rating> a : settled.entrySet()) {
                if (!byItem.containsKey(a.getKey())) {
                    Rating r = a.getValue();
                    out.add(new Rating(r.itemKey(), r.dimension(), rater, r.score(), r.rationale()));
                    adjudicated++;
                }
            }
        }
        return new ReferenceLabels(reference, out, adjudicated, agreed, undecided);
    }

    /**
     * The report of the judge against the reference, with what concerns the humans among themselves
     * (the ceiling, the labellers, the label count, the human sample-score agreement) from the report
     * on each labeller's labels.
     */
    public static CalibrationReport withCeilingOf(CalibrationReport judged, CalibrationReport each) {
        Map<String, DimensionCalibration> humans = new LinkedHashMap<>();
        each.dimensions().forEach(d -> humans.put(d.dimension(), d));
        List<DimensionCalibration> dimensions = judged.dimensions().stream().map(d -> {
            DimensionCalibration h = humans.get(d.dimension());
            return h == null ? d : new DimensionCalibration(d.dimension(), h.humanCeiling(), h.humanHistogram(),
                    d.judges());
        }).toList();
        return new CalibrationReport(judged.rubric(), judged.rubricVersion(), judged.scaleMin(), judged.scaleMax(),
                judged.createdAt(), each.humans(), each.humanLabels(), judged.bootstrap(), each.humanSampleScore(),
                dimensions, judged.runs(), judged.crossJudge());
    }

    private static String key(Rating r) {
        return r.itemKey() + "\u0000" + r.dimension();
    }

    /** What the report's note says of the reference. */
    public String note() {
        return switch (reference) {
            case EACH -> "the judge is measured against each labeller's label";
            case CONSENSUS -> "the judge is measured against the labellers' consensus (the median of their scores on"
                    + " each item, " + ratings.size() + " items); the human ceiling against each labeller's label";
            case ADJUDICATED -> "the judge is measured against the adjudicated reference: " + adjudicated
                    + " items adjudicated, " + agreed + " where the labellers agree"
                    + (undecided > 0 ? "; " + undecided + " items the labellers disagree on and nobody adjudicated"
                    + " were left out" : "") + "; the human ceiling against each labeller's label";
        };
    }
}
