package dev.juror.store.blocks;

import dev.juror.watch.RewardRecord;
import dev.juror.watch.StepPlacer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reward records in memory, column by column, as an import gathers them (new records, and stored
 * blocks decoded to be rewritten) and as one block is encoded from or decoded into. Every field of
 * {@link RewardRecord} but the bundle (one per run) is kept; metrics sparsely (name index and value
 * per entry), checks joined by {@link #CHECK_SEPARATOR}.
 */
public final class RecordColumns {

    /** Joins a record's check ids in one text value (check ids are identifiers; none holds it). */
    public static final char CHECK_SEPARATOR = '\u001F';
    public static final int FALLBACK = 1;
    public static final int STEP_FROM_RECORD = 2;
    public static final int JUDGE_ERROR = 4;

    int size;
    long[] key;
    long[] seq;
    long[] timeMicros;
    long[] latencyMs;
    double[] reward;
    int[] predictionChars;
    int[] comments;
    int[] inputTokens;
    int[] outputTokens;
    int[] step;
    byte[] flags;
    String[] sampleId;
    String[] promptSha256;
    String[] predictionSha256;
    String[] rubricVersion;
    String[] checks;
    String[] judgeError;
    String[] source;
    String[] prediction;
    /** Metrics: entries {@code metricStart[i] .. metricStart[i+1]} of record i. */
    int[] metricStart;
    int[] metricName;
    double[] metricValue;
    int metricEntries;
    final List<String> metricNames = new ArrayList<>();
    private final Map<String, Integer> metricIndex = new HashMap<>();

    public RecordColumns(int capacity) {
        int c = Math.max(capacity, 16);
        key = new long[c];
        seq = new long[c];
        timeMicros = new long[c];
        latencyMs = new long[c];
        reward = new double[c];
        predictionChars = new int[c];
        comments = new int[c];
        inputTokens = new int[c];
        outputTokens = new int[c];
        step = new int[c];
        flags = new byte[c];
        sampleId = new String[c];
        promptSha256 = new String[c];
        predictionSha256 = new String[c];
        rubricVersion = new String[c];
        checks = new String[c];
        judgeError = new String[c];
        source = new String[c];
        prediction = new String[c];
        metricStart = new int[c + 1];
        metricName = new int[2 * c];
        metricValue = new double[2 * c];
    }

    public int size() {
        return size;
    }

    public long key(int i) {
        return key[i];
    }

    public long seq(int i) {
        return seq[i];
    }

    public long timeMicros(int i) {
        return timeMicros[i];
    }

    public boolean stepFromRecord(int i) {
        return (flags[i] & STEP_FROM_RECORD) != 0;
    }

    /** The record's own step, or -1 (to be placed). */
    public int step(int i) {
        return step[i];
    }

    /** Adds a record read from a file; {@code step} its own step or -1. */
    public void add(RewardRecord r, long recordKey, long importPosition) {
        int i = grow();
        key[i] = recordKey;
        seq[i] = importPosition;
        timeMicros[i] = StepPlacer.micros(r.timestamp());
        latencyMs[i] = r.latencyMs();
        reward[i] = r.reward();
        predictionChars[i] = r.predictionChars();
        comments[i] = r.comments();
        inputTokens[i] = r.inputTokens();
        outputTokens[i] = r.outputTokens();
        step[i] = r.step().orElse(-1);
        flags[i] = (byte) ((r.fallback() ? FALLBACK : 0) | (r.step().isPresent() ? STEP_FROM_RECORD : 0)
                | (r.judgeError().isPresent() ? JUDGE_ERROR : 0));
        // A run of a million records keeps these until its blocks are written: a value equal to the
        // previous record's (a prompt's generations, the rubric version, no checks) is kept once.
        sampleId[i] = sameAsBefore(sampleId, i, r.sampleId());
        promptSha256[i] = sameAsBefore(promptSha256, i, r.promptSha256());
        predictionSha256[i] = r.predictionSha256();
        rubricVersion[i] = sameAsBefore(rubricVersion, i, r.rubricVersion());
        checks[i] = r.checks().isEmpty() ? "" : sameAsBefore(checks, i, String.join(String.valueOf(CHECK_SEPARATOR),
                r.checks()));
        judgeError[i] = r.judgeError().orElse(null);
        source[i] = r.source();
        prediction[i] = r.prediction().orElse(null);
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
            addMetric(m.getKey(), m.getValue());
        }
        metricStart[i + 1] = metricEntries;
        size++;
    }

    private static String sameAsBefore(String[] column, int i, String value) {
        return i > 0 && value.equals(column[i - 1]) ? column[i - 1] : value;
    }

    /** Copies record {@code i} of {@code from}, placed on {@code newStep}. */
    public void add(RecordColumns from, int i, int newStep) {
        int j = grow();
        key[j] = from.key[i];
        seq[j] = from.seq[i];
        timeMicros[j] = from.timeMicros[i];
        latencyMs[j] = from.latencyMs[i];
        reward[j] = from.reward[i];
        predictionChars[j] = from.predictionChars[i];
        comments[j] = from.comments[i];
        inputTokens[j] = from.inputTokens[i];
        outputTokens[j] = from.outputTokens[i];
        step[j] = newStep;
        flags[j] = from.flags[i];
        sampleId[j] = from.sampleId[i];
        promptSha256[j] = from.promptSha256[i];
        predictionSha256[j] = from.predictionSha256[i];
        rubricVersion[j] = from.rubricVersion[i];
        checks[j] = from.checks[i];
        judgeError[j] = from.judgeError[i];
        source[j] = from.source[i];
        prediction[j] = from.prediction[i];
        for (int e = from.metricStart[i]; e < from.metricStart[i + 1]; e++) {
            addMetric(from.metricNames.get(from.metricName[e]), from.metricValue[e]);
        }
        metricStart[j + 1] = metricEntries;
        size++;
    }

    void addMetric(String name, double value) {
        if (metricEntries == metricName.length) {
            metricName = Arrays.copyOf(metricName, metricEntries * 2);
            metricValue = Arrays.copyOf(metricValue, metricEntries * 2);
        }
        Integer index = metricIndex.get(name);
        if (index == null) {
            index = metricNames.size();
            metricIndex.put(name, index);
            metricNames.add(name);
        }
        metricName[metricEntries] = index;
        metricValue[metricEntries] = value;
        metricEntries++;
    }

    /** Ends record {@code i}'s metrics (decoding adds them with {@link #addMetric} after the record's other fields). */
    void endMetrics(int i) {
        metricStart[i + 1] = metricEntries;
    }

    private int grow() {
        if (size == key.length) {
            int c = size * 2;
            key = Arrays.copyOf(key, c);
            seq = Arrays.copyOf(seq, c);
            timeMicros = Arrays.copyOf(timeMicros, c);
            latencyMs = Arrays.copyOf(latencyMs, c);
            reward = Arrays.copyOf(reward, c);
            predictionChars = Arrays.copyOf(predictionChars, c);
            comments = Arrays.copyOf(comments, c);
            inputTokens = Arrays.copyOf(inputTokens, c);
            outputTokens = Arrays.copyOf(outputTokens, c);
            step = Arrays.copyOf(step, c);
            flags = Arrays.copyOf(flags, c);
            sampleId = Arrays.copyOf(sampleId, c);
            promptSha256 = Arrays.copyOf(promptSha256, c);
            predictionSha256 = Arrays.copyOf(predictionSha256, c);
            rubricVersion = Arrays.copyOf(rubricVersion, c);
            checks = Arrays.copyOf(checks, c);
            judgeError = Arrays.copyOf(judgeError, c);
            source = Arrays.copyOf(source, c);
            prediction = Arrays.copyOf(prediction, c);
            metricStart = Arrays.copyOf(metricStart, c + 1);
        }
        return size;
    }
}
