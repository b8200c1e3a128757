package dev.juror.watch.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code judge_failures}: rewards that are the neutral fallback or name a judge error. Window of
 * {@link #WINDOW} steps, judged on its own (a judge failing from the first step is as bad): the share
 * of such records at least {@link #RATE} and at least {@link #MIN_FAILED} of them.
 */
public final class JudgeFailuresDetector extends WindowedDetector {

    public static final int WINDOW = 5;
    public static final double RATE = 0.05;
    public static final int MIN_FAILED = 20;
    public static final int MIN_RECORDS = 200;

    @Override
    public String name() {
        return DetectorNames.JUDGE_FAILURES;
    }

    @Override
    int window() {
        return WINDOW;
    }

    @Override
    boolean usesReference() {
        return false;
    }

    @Override
    String thin(Window w, DetectionInput in) {
        return w.n() < MIN_RECORDS ? w.n() + " records, needs " + MIN_RECORDS : null;
    }

    @Override
    Optional<Alarm> check(DetectionInput in, int i, Window w, Window ref) {
        double rate = w.rate(w.failed());
        if (rate < RATE || w.failed() < MIN_FAILED) {
            return Optional.empty();
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("failure_rate", rate);
        numbers.put("rate_threshold", RATE);
        numbers.put("fallback_rate", w.rate(w.fallback()));
        numbers.put("judge_error_rate", w.rate(w.judgeErrors()));
        var s = in.step(i);
        return Optional.of(alarm(in, i, f("%.1f %% of %d records over %s got the neutral fallback or a judge error"
                        + " (%d fallbacks, %d judge errors; threshold %.0f %%)", 100 * rate, w.n(), w.span(), w.fallback(),
                w.judgeErrors(), 100 * RATE), numbers, j -> s.fallback()[j] || s.judgeError()[j]));
    }
}
