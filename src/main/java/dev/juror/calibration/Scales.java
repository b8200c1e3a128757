package dev.juror.calibration;

import dev.juror.calibration.stats.ScoreRange;
import dev.juror.rubric.Rubric;
import java.util.OptionalInt;

/** Maps a rubric's scale and its label texts to the integer scores the statistics use. */
public final class Scales {

    private Scales() {
    }

    public static ScoreRange of(Rubric rubric) {
        return switch (rubric.scale()) {
            case dev.juror.rubric.Scale.IntegerScale s -> new ScoreRange(s.low(), s.high());
            case dev.juror.rubric.Scale.BooleanScale b -> ScoreRange.binary();
            case dev.juror.rubric.Scale.PreferenceScale p ->
                    throw new IllegalArgumentException("a preference scale has no integer scores");
        };
    }

    /** A stored label's score text ({@code "4"}, {@code "pass"}, {@code "fail"}) as an integer, if it is one. */
    public static OptionalInt parse(String text, ScoreRange scale) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("pass")) {
            return OptionalInt.of(scale.max());
        }
        if (t.equalsIgnoreCase("fail")) {
            return OptionalInt.of(scale.min());
        }
        try {
            double v = Double.parseDouble(t);
            if (v != Math.rint(v) || !scale.contains((int) v)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of((int) v);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
