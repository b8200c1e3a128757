package dev.juror.store;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A named training run the watch imports feed (V15): the bundle id of its first reward record, the
 * calls per step when given, and how its records were last placed on steps.
 */
public record TrainingRun(long id, String name, Optional<String> bundle, OptionalInt callsPerStep,
                          String placement) {
}
