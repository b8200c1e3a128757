package dev.juror.store;

import java.util.OptionalInt;

/**
 * What a training run holds: its reward records, the steps they cover, and the steps the trainer's
 * metrics cover.
 *
 * @param records        reward records
 * @param firstStep      lowest step of a record (empty without records)
 * @param lastStep       highest step of a record
 * @param recordSteps    distinct steps with records
 * @param metricSteps    distinct steps with trainer metrics
 * @param timedSteps     of those, steps with a time (the ones records can be placed against)
 */
public record TrainingRunStats(long records, OptionalInt firstStep, OptionalInt lastStep, int recordSteps,
                               int metricSteps, int timedSteps) {
}
