package dev.juror.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.watch.Placement;
import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Reads a training run's records into {@link RunSeries}, step by step (records without a step left out). */
final class RunSeriesReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() { };

    private RunSeriesReader() {
    }

    static RunSeries read(Workspace workspace, TrainingRun run) {
        try (Connection c = workspace.connection()) {
            return new RunSeries(run.name(), run.bundle(), Placement.ofWire(run.placement()), steps(c, run.id()),
                    trainerMetrics(c, run.id()));
        } catch (SQLException e) {
            throw new StoreException("Cannot read training run " + run.name(), e);
        }
    }

    private static List<StepRecords> steps(Connection c, long runId) throws SQLException {
        List<StepRecords> steps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT step, recorded_at, reward, prediction_chars, comments,"
                + " fallback, judge_error, checks, sample_id, prompt_sha256, prediction_sha256, metrics, prediction"
                + " FROM reward_records WHERE run_id = ? AND step IS NOT NULL ORDER BY step, recorded_at, id")) {
            s.setLong(1, runId);
            try (ResultSet rows = s.executeQuery()) {
                StepBuilder step = null;
                while (rows.next()) {
                    int n = rows.getInt(1);
                    if (step == null || step.step != n) {
                        if (step != null) {
                            steps.add(step.build());
                        }
                        step = new StepBuilder(n);
                    }
                    step.add(rows);
                }
                if (step != null) {
                    steps.add(step.build());
                }
            }
        }
        return steps;
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

    /** One step's columns as they are read. */
    private static final class StepBuilder {
        final int step;
        final List<Long> time = new ArrayList<>();
        final List<Double> reward = new ArrayList<>();
        final List<Integer> chars = new ArrayList<>();
        final List<Integer> comments = new ArrayList<>();
        final List<Boolean> fallback = new ArrayList<>();
        final List<Boolean> judgeError = new ArrayList<>();
        final List<List<String>> checks = new ArrayList<>();
        final List<String> sample = new ArrayList<>();
        final List<String> prompt = new ArrayList<>();
        final List<String> predictionHash = new ArrayList<>();
        final List<Map<String, Double>> metrics = new ArrayList<>();
        final List<String> prediction = new ArrayList<>();

        StepBuilder(int step) {
            this.step = step;
        }

        void add(ResultSet rows) throws SQLException {
            time.add(rows.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli());
            reward.add(rows.getDouble(3));
            chars.add(rows.getInt(4));
            comments.add(rows.getInt(5));
            fallback.add(rows.getBoolean(6));
            judgeError.add(rows.getString(7) != null);
            String fired = rows.getString(8);
            checks.add(fired == null || fired.isEmpty() ? List.of() : List.of(fired.split(",")));
            sample.add(rows.getString(9));
            prompt.add(rows.getString(10));
            predictionHash.add(rows.getString(11));
            try {
                metrics.add(JSON.readValue(rows.getString(12), METRICS));
            } catch (java.io.IOException e) {
                throw new SQLException("unreadable metrics of a stored reward record", e);
            }
            prediction.add(rows.getString(13));
        }

        StepRecords build() {
            int n = reward.size();
            Map<String, double[]> columns = new HashMap<>();
            for (int i = 0; i < n; i++) {
                for (Map.Entry<String, Double> m : metrics.get(i).entrySet()) {
                    double[] column = columns.computeIfAbsent(m.getKey(), k -> {
                        double[] empty = new double[n];
                        Arrays.fill(empty, Double.NaN);
                        return empty;
                    });
                    column[i] = m.getValue() == null ? Double.NaN : m.getValue();
                }
            }
            return new StepRecords(step, time.stream().mapToLong(Long::longValue).toArray(),
                    reward.stream().mapToDouble(Double::doubleValue).toArray(),
                    chars.stream().mapToInt(Integer::intValue).toArray(),
                    comments.stream().mapToInt(Integer::intValue).toArray(), booleans(fallback), booleans(judgeError),
                    List.copyOf(checks), sample.toArray(String[]::new), prompt.toArray(String[]::new),
                    predictionHash.toArray(String[]::new), columns, prediction.toArray(String[]::new));
        }

        private static boolean[] booleans(List<Boolean> values) {
            boolean[] out = new boolean[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = values.get(i);
            }
            return out;
        }
    }
}
