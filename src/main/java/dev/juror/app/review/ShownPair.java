package dev.juror.app.review;

import dev.juror.rubric.Preference;
import dev.juror.store.ShownOrder;
import dev.juror.store.StoredRollout;
import dev.juror.workspace.Preferences.PairToLabel;

/**
 * A pair as the labeller sees it: which rollout is on the left (shown as A) and which on the right
 * (B), by the order drawn for it. Maps a choice as seen to the pair's stored naming and back.
 */
public record ShownPair(PairToLabel pair, ShownOrder order, StoredRollout left, StoredRollout right) {

    static ShownPair of(PairToLabel pair, ShownOrder order, StoredRollout first, StoredRollout second) {
        return order == ShownOrder.AB ? new ShownPair(pair, order, first, second) : new ShownPair(pair, order, second, first);
    }

    /** A choice as seen (A = left) in the pair's naming (A = its first rollout); the same map turns it back. */
    public Preference toStored(Preference seen) {
        if (order == ShownOrder.AB || seen == Preference.TIE) {
            return seen;
        }
        return seen == Preference.A ? Preference.B : Preference.A;
    }

    public Preference toShown(Preference stored) {
        return toStored(stored);
    }
}
