package dev.juror.store.blocks;

/**
 * Records of one step to and from a stored block: each field its own packed column ({@link Packed},
 * {@link TextColumn}, {@link MetricMatrix}), so a reader decodes only the columns it needs.
 */
public final class BlockCodec {

    /** Records per block at most: one step of a 2,048-rollout batch is one block. */
    public static final int BLOCK_RECORDS = 2_048;

    private BlockCodec() {
    }

    /** Every record of {@code c} (all on {@code step}, in invocation order) as one block. */
    public static EncodedBlock encode(RecordColumns c, int step) {
        int n = c.size;
        if (n == 0) {
            throw new IllegalArgumentException("a block holds at least one record");
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        boolean predictions = false;
        for (int i = 0; i < n; i++) {
            first = Math.min(first, c.timeMicros[i]);
            last = Math.max(last, c.timeMicros[i]);
            predictions |= c.prediction[i] != null;
        }
        return new EncodedBlock(step, n, first, last, Packed.longs(c.key, n), Packed.longs(c.seq, n),
                Packed.longs(c.timeMicros, n), Packed.flagColumn(c.flags, n), Packed.doubles(c.reward, n),
                Packed.ints(c.predictionChars, n), Packed.ints(c.comments, n), Packed.longs(c.latencyMs, n),
                Packed.ints(c.inputTokens, n), Packed.ints(c.outputTokens, n), TextColumn.encode(c.sampleId, n),
                TextColumn.encode(c.promptSha256, n), TextColumn.encode(c.predictionSha256, n),
                TextColumn.encode(c.rubricVersion, n), TextColumn.encode(c.checks, n),
                TextColumn.encode(c.judgeError, n), TextColumn.encode(c.source, n), MetricMatrix.encode(c),
                predictions ? TextColumn.encode(c.prediction, n) : null);
    }

    /** Every field of the block's records, to be placed and written again. */
    public static RecordColumns decode(EncodedBlock b) {
        int n = b.records();
        RecordColumns c = new RecordColumns(n);
        c.size = n;
        c.key = Packed.longs(b.keys(), n);
        c.seq = Packed.longs(b.seqs(), n);
        c.timeMicros = Packed.longs(b.times(), n);
        c.flags = Packed.flags(b.flags(), n);
        c.reward = Packed.doubles(b.rewards(), n);
        c.predictionChars = Packed.ints(b.predictionChars(), n);
        c.comments = Packed.ints(b.comments(), n);
        c.latencyMs = Packed.longs(b.latencyMs(), n);
        c.inputTokens = Packed.ints(b.inputTokens(), n);
        c.outputTokens = Packed.ints(b.outputTokens(), n);
        c.sampleId = TextColumn.decode(b.sampleIds(), n);
        c.promptSha256 = TextColumn.decode(b.promptSha256(), n);
        c.predictionSha256 = TextColumn.decode(b.predictionSha256(), n);
        c.rubricVersion = TextColumn.decode(b.rubricVersions(), n);
        c.checks = TextColumn.decode(b.checks(), n);
        c.judgeError = TextColumn.decode(b.judgeErrors(), n);
        c.source = TextColumn.decode(b.sources(), n);
        c.prediction = b.predictions() == null ? new String[n] : TextColumn.decode(b.predictions(), n);
        c.step = new int[n];
        java.util.Arrays.fill(c.step, b.step());
        c.metricStart = new int[n + 1];
        MetricMatrix.decodeInto(b.metrics(), c, 0);
        return c;
    }
}
