package dev.juror.app.review;

import dev.juror.store.StoredQueue;

/** What the Queue box offers: a filter over every rollout, a stored review queue, or making a new one. */
public sealed interface QueueChoice {

    /** A filter ({@link QueueFilter}) over the workspace's rollouts. */
    record Filter(QueueFilter filter) implements QueueChoice {
        @Override
        public String toString() {
            return filter.toString();
        }
    }

    /** A stored queue: the rollouts it gives the current labeller. */
    record Stored(StoredQueue queue) implements QueueChoice {
        @Override
        public String toString() {
            return "Queue: " + queue.name();
        }
    }

    /** The last entry: opens the New queue dialog ({@link QueueBox}); never stays chosen. */
    record NewQueue() implements QueueChoice {
        @Override
        public String toString() {
            return "New queue\u2026";
        }
    }
}
