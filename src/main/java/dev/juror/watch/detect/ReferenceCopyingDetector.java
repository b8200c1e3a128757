package dev.juror.watch.detect;

import java.util.function.IntPredicate;

/**
 * {@code reference_copying}: the share of records that copy the Reference instead of reviewing the
 * contract rising. A record counts when an excerpt of it was found in the Reference document and not
 * in the contract (the reward's {@value StepFacts#EXCERPTS_IN_REFERENCE} metric, which the grounding
 * check computes from the texts), or when its prediction is word for word another prompt's at the
 * same step, at least {@link StepFacts#COPY_MIN_CHARS} characters long: the playbook pasted into every
 * answer (the record carries the prediction's hash, not its text).
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
        return "records that quote the Reference in an excerpt or repeat another prompt's prediction word for word";
    }

    @Override
    IntPredicate example(DetectionInput in, int i) {
        boolean[] copied = StepFacts.copiedMask(in.step(i));
        return j -> copied[j];
    }
}
