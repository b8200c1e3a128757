package dev.juror.app.review;

import dev.juror.rubric.Scale;
import java.util.Optional;

/** Which level a digit key picks on a scale: the digit itself on integer scales, 1 = pass and 0 = fail on boolean ones. */
public final class ScoreKeys {

    private ScoreKeys() {
    }

    public static Optional<String> levelFor(Scale scale, int digit) {
        return switch (scale) {
            case Scale.IntegerScale range -> digit >= range.low() && digit <= range.high()
                    ? Optional.of(Integer.toString(digit)) : Optional.empty();
            case Scale.BooleanScale bool -> digit == 1 ? Optional.of(Scale.BooleanScale.PASS)
                    : digit == 0 ? Optional.of(Scale.BooleanScale.FAIL) : Optional.empty();
            case Scale.PreferenceScale preference -> Optional.empty();
        };
    }

    /** What to type for a level, as shown beside it. */
    public static String keyHint(Scale scale, String level) {
        return switch (scale) {
            case Scale.BooleanScale bool -> Scale.BooleanScale.PASS.equals(level) ? "1" : "0";
            default -> level;
        };
    }
}
