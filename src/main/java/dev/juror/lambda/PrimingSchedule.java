package dev.juror.lambda;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * When {@link RewardPriming} runs. With SnapStart (the exported template's default) Lambda runs the
 * init phase once per published version, calls the {@code org.crac} hooks and snapshots the JVM;
 * priming then runs in {@link #beforeCheckpoint}, so every execution environment restored from the
 * snapshot starts with compiled code. Without SnapStart (provisioned concurrency, on-demand, local
 * invoke) it runs in the handler's constructor, the init phase, before the first event.
 *
 * <p>{@code juror.reward.priming=off} (system property) or {@code JUROR_REWARD_PRIMING=off}
 * (environment) switches priming off. {@link #afterRestore} has nothing to do: priming used its own
 * client, closed before the snapshot, so the handler's client holds no connection that the restore
 * could have broken. The handler keeps this object: the CRaC context may hold resources weakly.
 */
final class PrimingSchedule implements Resource {

    static final String SWITCH_PROPERTY = "juror.reward.priming";
    static final String SWITCH_ENV = "JUROR_REWARD_PRIMING";
    /** Set by Lambda: {@code snap-start} while initialising for a snapshot, else {@code on-demand} or {@code provisioned-concurrency}. */
    static final String INIT_TYPE_ENV = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /** Where priming runs. */
    enum When { OFF, INIT, BEFORE_CHECKPOINT }

    private final RewardPriming priming;
    private final When when;

    private PrimingSchedule(RewardPriming priming, When when) {
        this.priming = priming;
        this.when = when;
    }

    /** From the switch and Lambda's initialisation type. */
    static When when(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String value = properties.apply(SWITCH_PROPERTY);
        if (value == null || value.isBlank()) {
            value = environment.apply(SWITCH_ENV);
        }
        if (value != null && value.trim().toLowerCase(Locale.ROOT).matches("off|false|0|no")) {
            return When.OFF;
        }
        return "snap-start".equals(environment.apply(INIT_TYPE_ENV)) ? When.BEFORE_CHECKPOINT : When.INIT;
    }

    /** The priming of {@code runtime} for {@code when}: a longer time limit before a snapshot than in init. */
    static RewardPriming priming(RewardRuntime runtime, When when) {
        return when == When.BEFORE_CHECKPOINT
                ? new RewardPriming(runtime, RewardPriming.SNAPSHOT_REQUESTS, RewardPriming.SNAPSHOT_TIME_LIMIT)
                : new RewardPriming(runtime, RewardPriming.INIT_REQUESTS, RewardPriming.INIT_TIME_LIMIT);
    }

    /** Primes now or registers the SnapStart hook; never throws. */
    static PrimingSchedule start(RewardPriming priming, When when) {
        PrimingSchedule schedule = new PrimingSchedule(priming, when);
        switch (when) {
            case OFF -> { }
            case INIT -> priming.runQuietly();
            case BEFORE_CHECKPOINT -> {
                try {
                    Core.getGlobalContext().register(schedule);
                } catch (RuntimeException | LinkageError e) {
                    System.err.println("juror-reward: cannot register the SnapStart hook (" + e + "); priming in init");
                    priming.runQuietly();
                }
            }
            default -> throw new IllegalStateException(when.name());
        }
        return schedule;
    }

    When when() {
        return when;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        priming.runQuietly();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to re-create: see the class comment.
    }
}
