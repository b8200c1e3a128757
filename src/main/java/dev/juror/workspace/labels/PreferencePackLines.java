package dev.juror.workspace.labels;

import dev.juror.rubric.Preference;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.Scale;
import dev.juror.store.LabelImport;
import dev.juror.store.ShownOrder;
import dev.juror.store.StoredPreference;
import dev.juror.store.StoredRollout;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Preferences (pairwise rubrics) in label packs: the line a stored preference becomes, the rules a
 * preference line must keep, and the preference a line becomes in this workspace. Kept apart from
 * {@link LabelPacks} so labels of one rollout read as they always did.
 */
final class PreferencePackLines {

    private PreferencePackLines() {
    }

    /** The pack line of a stored preference, with both rollouts named by sample, index and prediction hash. */
    static LabelPackLine line(StoredPreference p, StoredRollout a, StoredRollout b) {
        LabelImport from = p.imported();
        return new LabelPackLine(p.uid(), p.labeller(), a.sampleId(), a.index(), a.predictionHash(), -1, "",
                p.dimension(), p.preference().json(), p.note(), p.secondsSpent(), p.rubricVersion(), p.judgeHidden(),
                p.blind(), p.seen(), false, p.madeAt().toString(), p.origin(),
                from == null ? null : from.packSha256(), from == null ? null : from.importedBy(),
                from == null ? null : from.importedAt().toString(), b.index(), b.predictionHash(), p.shown().name());
    }

    /**
     * The pairing rules: a preference line names a second rollout with its hash and the order shown,
     * is response-level, and is on a pairwise dimension; a label line is on a pointwise one. Null when fine.
     */
    static String shape(LabelPackLine l, List<Rubric> rubrics) {
        boolean pairwiseDimension = rubrics.stream().flatMap(r -> r.dimension(l.dimension()).stream())
                .anyMatch(d -> d.scale() instanceof Scale.PreferenceScale);
        if (!l.preference()) {
            if (l.predictionBHash() != null || l.shownOrder() != null) {
                return "prediction_b_hash or shown_order is given without rollout_b_index; a preference names its"
                        + " second rollout with rollout_b_index";
            }
            return pairwiseDimension && rubrics.stream().flatMap(r -> r.dimension(l.dimension()).stream())
                    .allMatch(d -> d.scale() instanceof Scale.PreferenceScale)
                    ? "dimension '" + l.dimension() + "' is pairwise: a preference needs rollout_b_index,"
                    + " prediction_b_hash and shown_order" : null;
        }
        if (l.rolloutBIndex() < 0) {
            return "rollout_b_index " + l.rolloutBIndex() + " is negative";
        }
        if (l.rolloutBIndex().equals(l.rolloutIndex())) {
            return "rollout_b_index is rollout_index (" + l.rolloutIndex() + "); a preference compares two rollouts";
        }
        if (l.predictionBHash() == null || l.predictionBHash().isBlank()) {
            return "field 'prediction_b_hash' is missing or empty";
        }
        if (l.predictionBHash().length() > LabelPackRules.MAX_HASH) {
            return "prediction_b_hash is " + l.predictionBHash().length() + " characters; at most "
                    + LabelPackRules.MAX_HASH + " are allowed (a SHA-256 in hex)";
        }
        if (!"AB".equals(l.shownOrder()) && !"BA".equals(l.shownOrder())) {
            return "shown_order '" + l.shownOrder() + "' is not AB (the first rollout on the left) or BA (swapped)";
        }
        if (l.commentPosition() != -1) {
            return "comment_position is " + l.commentPosition() + "; a preference is about whole responses (-1)";
        }
        if (!pairwiseDimension) {
            return "dimension '" + l.dimension() + "' is not pairwise in the given rubric; a preference (rollout_b_index)"
                    + " needs a pairwise rubric's dimension";
        }
        return null;
    }

    /**
     * The preference a checked line becomes here, or the reason it is not imported (its second
     * rollout is missing or holds another prediction).
     *
     * @param rollouts finds a rollout by sample id and index
     */
    static Optional<StoredPreference> candidate(LabelPackLine l, StoredRollout a,
                                                BiFunction<String, Integer, Optional<StoredRollout>> rollouts,
                                                Instant now, String origin, boolean blind, String seen,
                                                StringBuilder problem) {
        Optional<StoredRollout> b = rollouts.apply(l.sampleId(), l.rolloutBIndex());
        if (b.isEmpty()) {
            problem.append("sample ").append(l.sampleId()).append(" has no rollout ").append(l.rolloutBIndex())
                    .append(" here; not imported");
            return Optional.empty();
        }
        if (!b.get().predictionHash().equals(l.predictionBHash())) {
            problem.append("rollout ").append(l.rolloutBIndex()).append(" of sample ").append(l.sampleId())
                    .append(" holds a different prediction here; not imported");
            return Optional.empty();
        }
        double seconds = l.seconds() == null || !(l.seconds() >= 0) || l.seconds().isInfinite() ? 0 : l.seconds();
        return Optional.of(new StoredPreference(0, l.uid(), l.labeller(), a.id(), b.get().id(),
                ShownOrder.parse(l.shownOrder()), l.dimension(), Preference.parse(l.score()),
                l.note() == null ? "" : l.note(), seconds, l.rubricVersion(), l.judgeHidden(), blind, seen, now, origin,
                Instant.parse(l.createdAt()), null));
    }
}
