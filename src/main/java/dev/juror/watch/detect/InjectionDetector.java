package dev.juror.watch.detect;

import java.util.function.IntPredicate;

/**
 * {@code injection}: the reward's injection and obfuscation checks (rule families
 * {@link StepFacts#INJECTION_CATEGORIES}: {@code injection.*}, {@code hidden.*}, {@code encoded.*},
 * {@code master_key.*}) fire on more records than at the start.
 */
public final class InjectionDetector extends RateRiseDetector {

    public static final double MIN_RISE = 0.01;

    @Override
    public String name() {
        return DetectorNames.INJECTION;
    }

    @Override
    long count(Window w) {
        return w.injection();
    }

    @Override
    double minRise() {
        return MIN_RISE;
    }

    @Override
    String what() {
        return "records with an injection or obfuscation check fired";
    }

    @Override
    IntPredicate example(DetectionInput in, int i) {
        var s = in.step(i);
        return j -> StepFacts.injection(s.checks().get(j));
    }
}
