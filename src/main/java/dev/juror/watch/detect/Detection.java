package dev.juror.watch.detect;

import java.util.List;
import java.util.Optional;

/**
 * What one detector found: its first alarm (a detector fires once per run, at the step its
 * condition first held), and notes on what it could not judge.
 */
public record Detection(Optional<Alarm> alarm, List<String> notes) {

    static Detection quiet(String note) {
        return new Detection(Optional.empty(), List.of(note));
    }

    static Detection none() {
        return new Detection(Optional.empty(), List.of());
    }
}
