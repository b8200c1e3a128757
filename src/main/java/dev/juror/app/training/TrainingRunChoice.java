package dev.juror.app.training;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * A training run as the run box lists it.
 *
 * @param records   reward records it holds
 * @param firstStep lowest step with a record (empty without records)
 * @param lastStep  highest step with a record
 * @param placement how records without a step of their own were placed ({@code record}, {@code timestamp}, ...)
 */
public record TrainingRunChoice(String name, long records, OptionalInt firstStep, OptionalInt lastStep,
                                String placement) {

    @Override
    public String toString() {
        String steps = firstStep.isPresent()
                ? " · steps " + firstStep.getAsInt() + "–" + lastStep.orElse(firstStep.getAsInt()) : "";
        return name + " · " + String.format(Locale.ROOT, "%,d", records) + " records" + steps;
    }
}
