package dev.juror.judge;

/**
 * Admits judge calls. Every attempt holds a permit while it is on the wire (not while it backs off)
 * and reports how it went, so an adaptive limiter can learn the endpoint's capacity.
 */
public interface ConcurrencyLimiter {

    /** Blocks until a call may start. */
    Permit acquire() throws InterruptedException;

    /** The number of concurrent calls currently allowed. */
    int currentLimit();

    /** Calls holding a permit now. */
    int inFlight();

    /** One admitted call; exactly one of the methods must be called, once. */
    interface Permit {
        /** The call got an answer (also an unusable one such as max_tokens): the endpoint coped. */
        void success();

        /** The endpoint pushed back (429, or a congestion timeout): slow down. */
        void dropped();

        /** Neither (validation error, cancelled): gives the permit back without learning. */
        void ignore();
    }
}
