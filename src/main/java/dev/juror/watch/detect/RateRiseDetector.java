package dev.juror.watch.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A share of records that should stay where it was at the start (injection checks firing, copied
 * predictions): alarm when the window's share is at least {@code minRise} above the reference steps'
 * and a two-proportion z test says so with z at least {@link #Z}.
 */
abstract class RateRiseDetector extends WindowedDetector {

    public static final int WINDOW = 5;
    public static final double Z = 5.0;
    public static final int MIN_RECORDS = 200;

    abstract long count(Window w);

    abstract double minRise();

    /** "records whose injection checks fired" */
    abstract String what();

    abstract IntPredicate example(DetectionInput in, int i);

    @Override
    int window() {
        return WINDOW;
    }

    @Override
    String thin(Window w, DetectionInput in) {
        return w.n() < MIN_RECORDS ? w.n() + " records, needs " + MIN_RECORDS : null;
    }

    @Override
    Optional<Alarm> check(DetectionInput in, int i, Window w, Window ref) {
        double rate = w.rate(count(w));
        double before = ref.rate(count(ref));
        double z = Window.z(count(w), w.n(), count(ref), ref.n());
        if (rate - before < minRise() || z < Z) {
            return Optional.empty();
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("rate", rate);
        numbers.put("reference_rate", before);
        numbers.put("rise_threshold", minRise());
        numbers.put("z", z);
        numbers.put("z_threshold", Z);
        return Optional.of(alarm(in, i, f("%s: %.1f %% of %d records over %s against %.1f %% in the reference %s"
                + " (z = %.1f)", what(), 100 * rate, w.n(), w.span(), 100 * before, ref.span(), z), numbers,
                example(in, i)));
    }
}
