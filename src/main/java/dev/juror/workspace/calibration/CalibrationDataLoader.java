package dev.juror.workspace.calibration;

import dev.juror.calibration.Scales;
import dev.juror.calibration.rating.ItemKeys;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.rubric.Rubric;
import dev.juror.store.Adjudication;
import dev.juror.store.AdjudicationRepository;
import dev.juror.store.AnchorSet;
import dev.juror.store.LabelRepository;
import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the humans' latest labels of a rubric's dimensions as calibration ratings. Labels that are
 * not blind (given with the judge's scores or other labellers' labels shown) are left out unless
 * asked for: they are anchored on what was shown and must not measure agreement with it. Labels
 * whose score is not a value of the rubric's scale are left out too; both are counted. A frozen anchor set's labels go through the same filters, so a set frozen from
 * {@link #usable} gives back exactly the ratings {@link #humanLabels} gave at freeze time.
 */
public final class CalibrationDataLoader {

    private final LabelRepository labels;
    private final RolloutRepository rollouts;
    private final AdjudicationRepository adjudications;

    public CalibrationDataLoader(Workspace workspace) {
        this(Repositories.of(workspace));
    }

    public CalibrationDataLoader(Repositories repositories) {
        this.labels = repositories.labels();
        this.rollouts = repositories.rollouts();
        this.adjudications = repositories.adjudications();
    }

    /**
     * @param ratings          one per (labeller, item), item keys {@code sampleId/rolloutIndex/position}
     * @param notBlind         latest labels that are not blind (the judge's scores or other labellers'
     *                         labels were shown): left out, or counted when {@code unblindedCounted}
     * @param offScale         latest labels left out because the score is not on the rubric's scale
     * @param otherDimensions  latest labels of dimensions the rubric does not have
     * @param replaced         stored labels that are not the latest of their labeller and item (a later
     *                         label, a correction, replaced them); 0 for an anchor set's labels
     * @param unblindedCounted the labels that are not blind are among the ratings (asked for)
     */
    public record HumanLabels(List<Rating> ratings, int notBlind, int offScale, int otherDimensions,
                              long replaced, boolean unblindedCounted) {

        public HumanLabels(List<Rating> ratings, int notBlind, int offScale, int otherDimensions) {
            this(ratings, notBlind, offScale, otherDimensions, 0, false);
        }

        /** The labels that are not blind and were left out (0 when they were counted). */
        public int unblindedLeftOut() {
            return unblindedCounted ? 0 : notBlind;
        }
    }

    /**
     * Labels that passed the filters, as ratings and as the stored rows they came from (what an
     * anchor set records): {@code rows.get(i)} is the row of {@code labels.ratings().get(i)}.
     */
    public record Usable(HumanLabels labels, List<StoredLabel> rows) {
    }

    public HumanLabels humanLabels(Rubric rubric) {
        return usable(rubric).labels();
    }

    /** The latest blind labels that count for the rubric, with the rows behind them. */
    public Usable usable(Rubric rubric) {
        return usable(rubric, false);
    }

    /**
     * The latest labels that count for the rubric, with the rows behind them.
     *
     * @param includeUnblinded count labels given with the judge or other labellers shown as well
     */
    public Usable usable(Rubric rubric, boolean includeUnblinded) {
        List<StoredLabel> latest = labels.latest();
        Usable usable = filter(rubric, latest, includeUnblinded);
        HumanLabels h = usable.labels();
        long replaced = Math.max(0, labels.count() - latest.size());
        return new Usable(new HumanLabels(h.ratings(), h.notBlind(), h.offScale(), h.otherDimensions(), replaced,
                includeUnblinded), usable.rows());
    }

    /** The ratings frozen in an anchor set; labels a changed rubric can no longer use are left out and counted. */
    public HumanLabels anchorLabels(Rubric rubric, AnchorSet set) {
        return filter(rubric, labels.inAnchorSet(set.id()), false).labels();
    }

    /**
     * The adjudication that counts for each item of the rubric's dimensions, as ratings (rater: the
     * adjudicator, rationale: the reason); scores off the rubric's scale are left out.
     */
    public List<Rating> adjudications(Rubric rubric) {
        ScoreRange scale = Scales.of(rubric);
        Set<String> dimensions = Set.copyOf(rubric.dimensionNames());
        Map<Long, StoredRollout> cache = new HashMap<>();
        List<Rating> out = new ArrayList<>();
        for (Adjudication a : adjudications.latest()) {
            OptionalInt score = Scales.parse(a.score(), scale);
            if (dimensions.contains(a.dimension()) && score.isPresent()) {
                StoredRollout r = cache.computeIfAbsent(a.rolloutId(), id -> rollouts.find(id).orElseThrow());
                out.add(new Rating(ItemKeys.comment(r.sampleId(), r.index(), a.commentPosition()), a.dimension(),
                        a.adjudicator(), score.getAsInt(), a.reason()));
            }
        }
        return out;
    }

    private Usable filter(Rubric rubric, List<StoredLabel> candidates, boolean includeUnblinded) {
        ScoreRange scale = Scales.of(rubric);
        Set<String> dimensions = Set.copyOf(rubric.dimensionNames());
        Map<Long, StoredRollout> cache = new HashMap<>();
        List<Rating> out = new ArrayList<>();
        List<StoredLabel> rows = new ArrayList<>();
        int notBlind = 0;
        int off = 0;
        int other = 0;
        for (StoredLabel l : candidates) {
            if (!dimensions.contains(l.dimension())) {
                other++;
                continue;
            }
            if (!l.blind()) {
                notBlind++;
                if (!includeUnblinded) {
                    continue;
                }
            }
            OptionalInt score = Scales.parse(l.score(), scale);
            if (score.isEmpty()) {
                off++;
                continue;
            }
            StoredRollout r = cache.computeIfAbsent(l.rolloutId(), id -> rollouts.find(id).orElseThrow());
            out.add(new Rating(ItemKeys.comment(r.sampleId(), r.index(), l.commentPosition()), l.dimension(),
                    l.labeller(), score.getAsInt(), l.note()));
            rows.add(l);
        }
        return new Usable(new HumanLabels(out, notBlind, off, other), rows);
    }
}
