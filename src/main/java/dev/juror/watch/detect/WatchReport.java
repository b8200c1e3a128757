package dev.juror.watch.detect;

import dev.juror.watch.Placement;
import java.util.List;

/**
 * What {@code juror watch report} prints ({@code --json}: {@code {"alarms": [...], "steps": [...]}})
 * and the Training screen draws.
 *
 * @param run         the training run's name
 * @param placement   how records without a step were placed (shown with every result)
 * @param steps       one line per step with records, ascending
 * @param checkpoints expert agreement at each checkpoint with labels, by step
 * @param alarms      every alarm, by step then detector
 * @param notes       what the report could not do and why ("score_shift: the bundle's evidence has no
 *                    score distribution"), in plain words
 */
public record WatchReport(String run, Placement placement, List<StepSummary> steps,
                          List<CheckpointAgreement> checkpoints, List<Alarm> alarms, List<String> notes) {

    public boolean alarmed() {
        return !alarms.isEmpty();
    }
}
