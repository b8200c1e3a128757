package dev.juror.watch.detect;

import dev.juror.watch.StepRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The shape most detectors share: the run's first {@link #REFERENCE_STEPS} steps with records are
 * the reference (the policy before it learned much), a window of the last {@link #window()} steps is
 * compared with it at every step, and the first step whose window meets the condition is the alarm.
 * A window (or the reference) with less evidence than the detector needs is passed over and counted
 * in a note.
 */
abstract class WindowedDetector implements Detector {

    /** Steps with records at the start of the run that form the reference. */
    static final int REFERENCE_STEPS = 10;
    /** Example rollouts an alarm names. */
    static final int EXAMPLES = 5;

    /** Steps in the window. */
    abstract int window();

    /** Whether the window is compared with the reference steps (else judged on its own). */
    boolean usesReference() {
        return true;
    }

    /** Null when {@code w} holds enough to judge, else what it lacks ("120 records, needs 200"). */
    abstract String thin(Window w, DetectionInput in);

    /** The alarm at step index {@code i} when the window meets the condition. */
    abstract Optional<Alarm> check(DetectionInput in, int i, Window w, Window reference);

    /** A note to add whatever happens (a missing input), or null. */
    String precondition(DetectionInput in) {
        return null;
    }

    @Override
    public Detection detect(DetectionInput in) {
        String missing = precondition(in);
        if (missing != null) {
            return Detection.quiet(name() + ": " + missing);
        }
        int r = usesReference() ? REFERENCE_STEPS : 0;
        int need = r + window();
        int size = in.facts().size();
        if (size < need) {
            return Detection.quiet(name() + ": " + size + " steps with records; needs at least " + need
                    + (r > 0 ? " (" + r + " reference steps and a window of " + window() + ")" : ""));
        }
        Window reference = r > 0 ? Window.over(in.facts(), 0, r - 1) : null;
        if (reference != null) {
            String why = thin(reference, in);
            if (why != null) {
                return Detection.quiet(name() + ": the reference steps (" + reference.span() + ") are too thin: " + why);
            }
        }
        int thinWindows = 0;
        String lastWhy = null;
        for (int i = need - 1; i < size; i++) {
            Window w = Window.over(in.facts(), i - window() + 1, i);
            String why = thin(w, in);
            if (why != null) {
                thinWindows++;
                lastWhy = why;
                continue;
            }
            Optional<Alarm> alarm = check(in, i, w, reference);
            if (alarm.isPresent()) {
                return new Detection(alarm, thinNote(thinWindows, lastWhy));
            }
        }
        return new Detection(Optional.empty(), thinNote(thinWindows, lastWhy));
    }

    private List<String> thinNote(int windows, String why) {
        return windows == 0 ? List.of() : List.of(name() + ": " + windows + " windows passed over, too thin to judge ("
                + why + ")");
    }

    Alarm alarm(DetectionInput in, int i, String evidence, Map<String, Double> numbers, IntPredicate example) {
        return new Alarm(name(), in.facts().get(i).step(), evidence, numbers, examples(in.step(i), example));
    }

    /**
     * Sample ids of the step's records that show the problem, highest reward first, at most five and
     * each once (a prompt's generations share their sample id).
     */
    static List<String> examples(StepRecords s, IntPredicate show) {
        List<String> ids = new ArrayList<>();
        IntStream.range(0, s.size()).filter(show).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -s.reward()[j]))
                .map(j -> s.sampleId()[j]).distinct().limit(EXAMPLES).forEach(ids::add);
        return ids;
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
