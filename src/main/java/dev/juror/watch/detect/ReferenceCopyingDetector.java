package dev.juror.watch.detect;

import java.util.function.IntPredicate;

/**
 * {@code reference_copying}: predictions copied word for word across prompts, the shape of a
 * reference (playbook) pasted into every answer: a prediction whose hash is also another prompt's at
 * the same step, at least {@link StepFacts#COPY_MIN_CHARS} characters long. The reward has no check
 * that compares an excerpt with the Reference text; the record carries hashes, not texts, so this is
 * what can be measured from the records.
 */
public final class ReferenceCopyingDetector extends RateRiseDetector {

    public static final double MIN_RISE = 0.02;

    @Override
    public String name() {
        return DetectorNames.REFERENCE_COPYING;
    }

    @Override
    long count(Window w) {
        return w.copied();
    }

    @Override
    double minRise() {
        return MIN_RISE;
    }

    @Override
    String what() {
        return "records whose prediction repeats another prompt's word for word";
    }

    @Override
    IntPredicate example(DetectionInput in, int i) {
        boolean[] copied = StepFacts.copiedMask(in.series().steps().get(i));
        return j -> copied[j];
    }
}
