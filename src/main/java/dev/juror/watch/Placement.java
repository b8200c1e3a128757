package dev.juror.watch;

/** How the records of a run got their steps; stored with the run and shown with every result. */
public enum Placement {
    /** Every record carried its own {@code step}. */
    RECORD("record"),
    /** By the record's timestamp against the end times of the trainer's steps (imported metrics). */
    TIMESTAMP("timestamp"),
    /** By invocation order (timestamp, then import order) and the calls per step. */
    INVOCATION_ORDER("invocation_order");

    private final String wire;

    Placement(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Placement ofWire(String wire) {
        for (Placement p : values()) {
            if (p.wire.equals(wire)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown placement: " + wire);
    }
}
