package dev.juror.app.calibration;

import dev.juror.calibration.verdict.Verdict;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard shows, computed off the FX thread: table rows as text, the confusion
 * counts per dimension of the primary run (the first chosen), chart points and the verdict.
 *
 * @param primaryRun the run the verdict, heatmap, scatter and disagreement list are about
 */
public record Dashboard(WorkspaceCalibration.Result result, String primaryRun, Verdict verdict,
                        List<MetricRow> metrics, Map<String, int[][]> confusion, int scaleMin, int scaleMax,
                        List<DisagreementRow> disagreements, List<ConsistencyRow> consistency,
                        List<CrossJudgeRow> crossJudge, List<ModelRow> models, List<TrendPoint> trend,
                        List<String> alerts, List<String> notes) {

    /** One line of the per-dimension table: judge vs humans, or human vs human (the ceiling). */
    public record MetricRow(String dimension, String comparison, String n, String exact, String within1,
                            String kappa, String alpha, String spearman, String mae, String bias, boolean ceiling) {
    }

    /** A disagreement of judge run {@code run} ("run-7") with the humans on one item and dimension. */
    public record DisagreementRow(String itemKey, String dimension, int judgeScore, String humanScores, String gap,
                                  String judgeRationale, String humanNotes, String run) {

        public DisagreementRow(String itemKey, String dimension, int judgeScore, String humanScores, String gap,
                               String judgeRationale, String humanNotes) {
            this(itemKey, dimension, judgeScore, humanScores, gap, judgeRationale, humanNotes, "");
        }
    }

    public record ConsistencyRow(String run, String dimension, int repeats, int items, int unstable, String flipRate,
                                 String meanSd, String alpha) {
    }

    public record CrossJudgeRow(String dimension, String a, String b, int n, String kappa, String exact,
                                String bothWrong, String errorCorrelation) {
    }

    public record ModelRow(String run, String model, int rollouts, String validity, String meanScore, int k,
                           String bestOfK) {
    }

    /**
     * Agreement of one run on one dimension, for the chart over time and rubric versions.
     *
     * @param alert the drift alerts about this run and dimension, empty when none
     */
    public record TrendPoint(String run, String rubricVersion, Instant createdAt, String dimension, double kappa,
                             String alert) {
    }
}
