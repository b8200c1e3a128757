package dev.juror.store.blocks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records' metrics of a block: the names used in it, then per name one double per record, NaN
 * where the record did not have it (the shape {@code StepRecords.metrics} reads, so reading is a copy).
 * JSON has no NaN, so NaN never stands for a value a record had.
 */
public final class MetricMatrix {

    private MetricMatrix() {
    }

    static byte[] encode(RecordColumns c) {
        int n = c.size;
        int[] column = new int[c.metricNames.size()];
        Arrays.fill(column, -1);
        List<double[]> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int e = c.metricStart[i]; e < c.metricStart[i + 1]; e++) {
                int name = c.metricName[e];
                if (column[name] < 0) {
                    column[name] = values.size();
                    double[] empty = new double[n];
                    Arrays.fill(empty, Double.NaN);
                    values.add(empty);
                    names.add(c.metricNames.get(name));
                }
                values.get(column[name])[i] = c.metricValue[e];
            }
        }
        ByteSink out = new ByteSink(16 + names.size() * (8 * n + 24));
        out.writeVarLong(names.size());
        for (String name : names) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            out.writeVarLong(utf8.length);
            out.writeBytes(utf8, 0, utf8.length);
        }
        for (double[] v : values) {
            for (int i = 0; i < n; i++) {
                out.writeDouble(v[i]);
            }
        }
        return out.toByteArray();
    }

    /** Name -> one value per record (NaN: absent), in the order the names were first met. */
    public static Map<String, double[]> decode(byte[] column, int n) {
        ByteSource in = new ByteSource(column);
        int m = in.readVarInt();
        String[] names = new String[m];
        for (int k = 0; k < m; k++) {
            int length = in.readVarInt();
            names[k] = new String(in.array(), in.skip(length), length, StandardCharsets.UTF_8);
        }
        Map<String, double[]> metrics = new LinkedHashMap<>();
        java.nio.DoubleBuffer values = java.nio.ByteBuffer.wrap(column, in.skip(8 * n * m), 8 * n * m)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        for (String name : names) {
            double[] v = new double[n];
            values.get(v);
            metrics.put(name, v);
        }
        return metrics;
    }

    static void decodeInto(byte[] column, RecordColumns c, int first) {
        Map<String, double[]> metrics = decode(column, c.size - first);
        for (int i = first; i < c.size; i++) {
            for (Map.Entry<String, double[]> m : metrics.entrySet()) {
                double v = m.getValue()[i - first];
                if (!Double.isNaN(v)) {
                    c.addMetric(m.getKey(), v);
                }
            }
            c.endMetrics(i);
        }
    }
}
