package dev.juror.store;

import dev.juror.store.blocks.MetricMatrix;
import dev.juror.store.blocks.Packed;
import dev.juror.store.blocks.RecordColumns;
import dev.juror.store.blocks.TextColumn;
import dev.juror.watch.Placement;
import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a training run's reward blocks into {@link RunSeries}, step by step: only the columns the
 * series holds are fetched and decoded (not keys, import order, tokens, latency, sources), and with
 * {@link SeriesColumns#WITHOUT_TEXTS} not the per-record texts either.
 */
final class RunSeriesReader {

    private static final String COLUMNS = "SELECT step, records, recorded_at, rewards, prediction_chars, comments,"
            + " flags, checks, prompt_sha256, metrics, sample_ids, prediction_sha256, predictions FROM reward_blocks";
    /** The same columns but the three per-record texts (NULL in their place, so the column numbers hold). */
    private static final String LEAN_COLUMNS = "SELECT step, records, recorded_at, rewards, prediction_chars, comments,"
            + " flags, checks, prompt_sha256, metrics, NULL, NULL, NULL FROM reward_blocks";
    private static final String WHERE_RUN = " WHERE run_id = ? ORDER BY step, block_index";
    private static final String SELECT_RUN = COLUMNS + WHERE_RUN;
    private static final String SELECT_RUN_LEAN = LEAN_COLUMNS + WHERE_RUN;
    private static final String SELECT_STEP = COLUMNS + " WHERE run_id = ? AND step = ? ORDER BY block_index";

    private RunSeriesReader() {
    }

    static RunSeries read(Workspace workspace, TrainingRun run, SeriesColumns columns) {
        try (Connection c = workspace.connection();
             PreparedStatement s = c.prepareStatement(columns == SeriesColumns.ALL ? SELECT_RUN : SELECT_RUN_LEAN)) {
            s.setLong(1, run.id());
            List<StepRecords> steps = steps(s);
            return new RunSeries(run.name(), run.bundle(), Placement.ofWire(run.placement()), steps,
                    trainerMetrics(c, run.id()));
        } catch (SQLException e) {
            throw new StoreException("Cannot read training run " + run.name(), e);
        }
    }

    /** One step's records; an empty step when the run has none on it. */
    static StepRecords step(Workspace workspace, TrainingRun run, int step) {
        try (Connection c = workspace.connection();
             PreparedStatement s = c.prepareStatement(SELECT_STEP)) {
            s.setLong(1, run.id());
            s.setInt(2, step);
            List<StepRecords> steps = steps(s);
            return steps.isEmpty() ? join(step, List.of()) : steps.getFirst();
        } catch (SQLException e) {
            throw new StoreException("Cannot read step " + step + " of training run " + run.name(), e);
        }
    }

    /** One block's columns as fetched, not yet decoded. */
    private record Raw(int step, int records, byte[][] columns) {
    }

    /**
     * Fetches the blocks, then decodes them on two threads (the calling one and the common pool): a
     * million records are ~500 blocks of independent work, and decoding is most of a read.
     */
    private static List<StepRecords> steps(PreparedStatement s) throws SQLException {
        List<Raw> raw = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                byte[][] columns = new byte[11][];
                for (int k = 0; k < columns.length; k++) {
                    columns[k] = rows.getBytes(3 + k);
                }
                raw.add(new Raw(rows.getInt(1), rows.getInt(2), columns));
            }
        }
        Map<String, List<String>> checkLists = new ConcurrentHashMap<>();
        List<StepRecords> blocks = raw.parallelStream().map(b -> block(b, checkLists)).toList();
        List<StepRecords> steps = new ArrayList<>();
        List<StepRecords> parts = new ArrayList<>();
        for (StepRecords part : blocks) {
            if (!parts.isEmpty() && parts.getFirst().step() != part.step()) {
                steps.add(join(parts.getFirst().step(), parts));
                parts.clear();
            }
            parts.add(part);
        }
        if (!parts.isEmpty()) {
            steps.add(join(parts.getFirst().step(), parts));
        }
        return steps;
    }

    /** One block's columns, decoded (column k of {@code raw} is result column 3 + k). */
    private static StepRecords block(Raw raw, Map<String, List<String>> checkLists) {
        int n = raw.records();
        byte[][] c = raw.columns();
        long[] micros = Packed.longs(c[0], n);
        long[] millis = new long[n];
        for (int i = 0; i < n; i++) {
            millis[i] = Math.floorDiv(micros[i], 1_000L);
        }
        byte[] flags = Packed.flags(c[4], n);
        boolean[] fallback = new boolean[n];
        boolean[] judgeError = new boolean[n];
        for (int i = 0; i < n; i++) {
            fallback[i] = (flags[i] & RecordColumns.FALLBACK) != 0;
            judgeError[i] = (flags[i] & RecordColumns.JUDGE_ERROR) != 0;
        }
        String[] joined = TextColumn.decode(c[5], n);
        List<List<String>> checks = new ArrayList<>(n);
        for (String j : joined) {
            checks.add(checkLists.computeIfAbsent(j, RunSeriesReader::checkList));
        }
        return new StepRecords(raw.step(), millis, Packed.doubles(c[1], n), Packed.ints(c[2], n), Packed.ints(c[3], n),
                fallback, judgeError, checks, texts(c[8], n), TextColumn.decode(c[6], n), texts(c[9], n),
                MetricMatrix.decode(c[7], n), texts(c[10], n));
    }

    /** A text column, or nulls where it was not read (a lean read) or is absent (no predictions logged). */
    private static String[] texts(byte[] column, int n) {
        return column == null ? new String[n] : TextColumn.decode(column, n);
    }

    private static List<String> checkList(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(String.valueOf(RecordColumns.CHECK_SEPARATOR), -1));
    }

    /** The blocks of one step as one {@link StepRecords} (most steps are one block: returned as it is). */
    private static StepRecords join(int step, List<StepRecords> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        int n = parts.stream().mapToInt(StepRecords::size).sum();
        long[] time = new long[n];
        double[] reward = new double[n];
        int[] chars = new int[n];
        int[] comments = new int[n];
        boolean[] fallback = new boolean[n];
        boolean[] judgeError = new boolean[n];
        List<List<String>> checks = new ArrayList<>(n);
        String[] sample = new String[n];
        String[] prompt = new String[n];
        String[] predictionHash = new String[n];
        String[] prediction = new String[n];
        Map<String, double[]> metrics = new LinkedHashMap<>();
        int at = 0;
        for (StepRecords p : parts) {
            int k = p.size();
            System.arraycopy(p.timestampMillis(), 0, time, at, k);
            System.arraycopy(p.reward(), 0, reward, at, k);
            System.arraycopy(p.predictionChars(), 0, chars, at, k);
            System.arraycopy(p.comments(), 0, comments, at, k);
            System.arraycopy(p.fallback(), 0, fallback, at, k);
            System.arraycopy(p.judgeError(), 0, judgeError, at, k);
            checks.addAll(p.checks());
            System.arraycopy(p.sampleId(), 0, sample, at, k);
            System.arraycopy(p.promptSha256(), 0, prompt, at, k);
            System.arraycopy(p.predictionSha256(), 0, predictionHash, at, k);
            System.arraycopy(p.prediction(), 0, prediction, at, k);
            for (Map.Entry<String, double[]> m : p.metrics().entrySet()) {
                double[] column = metrics.computeIfAbsent(m.getKey(), name -> {
                    double[] empty = new double[n];
                    Arrays.fill(empty, Double.NaN);
                    return empty;
                });
                System.arraycopy(m.getValue(), 0, column, at, k);
            }
            at += k;
        }
        return new StepRecords(step, time, reward, chars, comments, fallback, judgeError, List.copyOf(checks), sample,
                prompt, predictionHash, metrics, prediction);
    }

    private static NavigableMap<Integer, Map<String, Double>> trainerMetrics(Connection c, long runId)
            throws SQLException {
        NavigableMap<Integer, Map<String, Double>> metrics = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT step, name, step_value FROM step_metrics"
                + " WHERE run_id = ? ORDER BY step, name")) {
            s.setLong(1, runId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    metrics.computeIfAbsent(rows.getInt(1), k -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getDouble(3));
                }
            }
        }
        return metrics;
    }
}
