package dev.juror.batch;

/** The states of a Bedrock model invocation job, in the service's words. */
public enum JobStatus {
    SUBMITTED("Submitted"),
    VALIDATING("Validating"),
    SCHEDULED("Scheduled"),
    IN_PROGRESS("InProgress"),
    STOPPING("Stopping"),
    COMPLETED("Completed"),
    PARTIALLY_COMPLETED("PartiallyCompleted"),
    FAILED("Failed"),
    STOPPED("Stopped"),
    EXPIRED("Expired");

    private final String wire;

    JobStatus(String wire) {
        this.wire = wire;
    }

    /** The status as the service writes it ({@code InProgress}). */
    public String wire() {
        return wire;
    }

    /** The job will not change any more: its output (if any) can be read. */
    public boolean ended() {
        return switch (this) {
            case COMPLETED, PARTIALLY_COMPLETED, FAILED, STOPPED, EXPIRED -> true;
            default -> false;
        };
    }

    /**
     * @throws IllegalArgumentException for a status this version does not know
     */
    public static JobStatus fromWire(String text) {
        for (JobStatus status : values()) {
            if (status.wire.equalsIgnoreCase(text) || status.name().equalsIgnoreCase(text.replace(' ', '_'))) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown batch job status \"" + text + "\"");
    }

    @Override
    public String toString() {
        return wire;
    }
}
