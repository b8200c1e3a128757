package dev.juror.app.training;

import dev.juror.watch.StepRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One record in the list under the charts: a step's highest- or lowest-reward records.
 *
 * @param rank       "highest" or "lowest"
 * @param checks     the deterministic checks that fired, comma-separated ("" for none)
 * @param prediction the prediction text, or {@code null} when the Lambda did not log it
 */
public record StepRecordRow(String rank, String sampleId, double reward, int predictionChars, int comments,
                            String checks, boolean fallback, String prediction) {

    public static final String HIGHEST = "highest";
    public static final String LOWEST = "lowest";

    /**
     * The step's {@code each} highest-reward records (highest first), then its {@code each} lowest
     * (lowest first) among the others: a step of fewer than {@code 2 * each} records lists each once.
     */
    public static List<StepRecordRow> of(StepRecords step, int each) {
        Integer[] order = IntStream.range(0, step.size()).boxed().toArray(Integer[]::new);
        // ties keep invocation order, so the same step always lists the same records
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -step.reward()[i]));
        int high = Math.min(each, order.length);
        int low = Math.min(each, order.length - high);
        List<StepRecordRow> rows = new ArrayList<>(high + low);
        for (int k = 0; k < high; k++) {
            rows.add(row(step, order[k], HIGHEST));
        }
        for (int k = 0; k < low; k++) {
            rows.add(row(step, order[order.length - 1 - k], LOWEST));
        }
        return rows;
    }

    private static StepRecordRow row(StepRecords s, int i, String rank) {
        String prediction = s.prediction() == null ? null : s.prediction()[i];
        return new StepRecordRow(rank, s.sampleId()[i], s.reward()[i], s.predictionChars()[i], s.comments()[i],
                String.join(", ", s.checks().get(i)), s.fallback()[i], prediction);
    }
}
