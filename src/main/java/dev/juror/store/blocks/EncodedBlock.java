package dev.juror.store.blocks;

/**
 * One stored block of reward records (a row of {@code reward_blocks}): up to
 * {@link BlockCodec#BLOCK_RECORDS} records of one step in invocation order, each field a packed column.
 * {@code predictions} is null when no record of the block logged its prediction.
 */
public record EncodedBlock(int step, int records, long firstMicros, long lastMicros, byte[] keys, byte[] seqs,
                           byte[] times, byte[] flags, byte[] rewards, byte[] predictionChars, byte[] comments,
                           byte[] latencyMs, byte[] inputTokens, byte[] outputTokens, byte[] sampleIds,
                           byte[] promptSha256, byte[] predictionSha256, byte[] rubricVersions, byte[] checks,
                           byte[] judgeErrors, byte[] sources, byte[] metrics, byte[] predictions) {
}
