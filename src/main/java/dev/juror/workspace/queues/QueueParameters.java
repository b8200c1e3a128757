package dev.juror.workspace.queues;

/**
 * The strategies' own parameters.
 *
 * @param bands      the stratified strategy's score bands
 * @param checkpoint the checkpoint strategy's one checkpoint, or {@code ""} for each checkpoint in turn
 * @param runId      the judge run read, for messages (0 when none)
 */
record QueueParameters(ScoreBands bands, String checkpoint, long runId) {
}
