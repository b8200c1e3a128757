package dev.juror.watch.detect;

import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WatchReport} of a run's records alone: one {@link StepSummary} per step and no detector,
 * so no alarm, no checkpoint agreement and no score shift. The Training screen uses it until the
 * detectors' report builder replaces it (same shape: {@code WatchReport report(RunSeries)}).
 */
public final class RecordsOnlyReport {

    /** Said with every report of this class, so nobody reads "no alarm" as "nothing wrong". */
    public static final String NOTE = "The detectors did not run on this report: it shows the reward records only,"
            + " with no alarms and no score shift.";

    public WatchReport report(RunSeries series) {
        List<StepSummary> steps = new ArrayList<>(series.steps().size());
        for (StepRecords s : series.steps()) {
            if (s.size() > 0) {
                steps.add(summary(s));
            }
        }
        return new WatchReport(series.run(), series.placement(), steps, List.of(), List.of(), List.of(NOTE));
    }

    /** The step's means, extremes and rates; score shift unknown ({@code NaN}) without a baseline. */
    public static StepSummary summary(StepRecords s) {
        int n = s.size();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double chars = 0;
        double comments = 0;
        int fallbacks = 0;
        for (int i = 0; i < n; i++) {
            double r = s.reward()[i];
            sum += r;
            min = Math.min(min, r);
            max = Math.max(max, r);
            chars += s.predictionChars()[i];
            comments += s.comments()[i];
            if (s.fallback()[i]) {
                fallbacks++;
            }
        }
        return new StepSummary(s.step(), n, sum / n, min, max, chars / n, comments / n, (double) fallbacks / n,
                Double.NaN);
    }
}
