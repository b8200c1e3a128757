package dev.juror.watch;

import java.util.List;
import java.util.Map;

/**
 * The reward records of one training step, column by column: index {@code i} of every array is one
 * record, in invocation order (timestamp, then import order). Columns, not a list of records, because
 * a run holds a million of them and every detector reads a few columns of whole steps.
 *
 * @param step            the step (the record's own or where it was placed)
 * @param timestampMillis when the Lambda wrote the record (epoch milliseconds)
 * @param reward          the reward returned to the trainer
 * @param predictionChars characters of the prediction
 * @param comments        comments in the prediction
 * @param fallback        the reward was the neutral value (judge or reward failed)
 * @param judgeError      the record named a judge error
 * @param checks          ids of the deterministic checks that fired, per record (empty list: none)
 * @param sampleId        the sample's id (as in the RFT dataset)
 * @param promptSha256    hash of the prompt messages: records with the same one are one prompt's generations
 * @param predictionSha256 hash of the prediction text
 * @param metrics         the records' metrics by name ({@code judge_score}, {@code dim.<dimension>}, ...),
 *                        one value per record, {@code NaN} where a record did not have it
 * @param prediction      the prediction text where it was logged, else {@code null}
 */
public record StepRecords(int step, long[] timestampMillis, double[] reward, int[] predictionChars, int[] comments,
                          boolean[] fallback, boolean[] judgeError, List<List<String>> checks, String[] sampleId,
                          String[] promptSha256, String[] predictionSha256, Map<String, double[]> metrics,
                          String[] prediction) {

    /** Records in this step. */
    public int size() {
        return reward.length;
    }

    /** One metric's column, or {@code null} when no record of the step had it. */
    public double[] metric(String name) {
        return metrics.get(name);
    }
}
