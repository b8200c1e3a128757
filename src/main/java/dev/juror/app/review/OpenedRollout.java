package dev.juror.app.review;

import dev.juror.store.StoredRollout;
import java.util.List;

/**
 * A rollout ready to show: its sample's documents and every item with its excerpt located. Built
 * off the FX thread.
 */
public record OpenedRollout(QueueEntry entry, String target, String reference, StoredRollout rollout,
                            List<ReviewItem> items) {

    public OpenedRollout {
        items = List.copyOf(items);
    }

    public boolean parsed() {
        return rollout.isParsed();
    }
}
