package dev.juror.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.judge.output.ResultStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingJudgeCallerTest {

    private static final JudgeTask TASK = new JudgeTask("t1",
            JudgeRequest.of("t1", "amazon.nova-pro-v1:0", "sys", "prefix", "suffix", 0.0, 100));
    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofMinutes(1));

    private final FakeClock clock = new FakeClock();

    private RetryingJudgeCaller caller(JudgeClient client, RetryPolicy policy) {
        return new RetryingJudgeCaller(client, policy, new FixedLimiter(4), clock, () -> 0.5);
    }

    @Test
    void retriesThrottlingWithFullJitterBackoff() {
        ScriptedClient client = new ScriptedClient().thenFail(FailureKind.THROTTLED, FailureKind.THROTTLED,
                FailureKind.SERVER_ERROR);

        JudgeOutcome outcome = caller(client, POLICY).call(TASK);

        assertThat(outcome).isInstanceOf(JudgeOutcome.Succeeded.class);
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(outcome.throttledAttempts()).isEqualTo(2);
        // jitter 0.5 of windows 100, 200, 400 ms
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(outcome.elapsed()).isEqualTo(Duration.ofMillis(350));
    }

    @Test
    void everyRetryableKindIsRetried() {
        for (FailureKind kind : List.of(FailureKind.THROTTLED, FailureKind.SERVER_ERROR, FailureKind.MODEL_TIMEOUT,
                FailureKind.CLIENT_TIMEOUT, FailureKind.CONNECTION_ERROR, FailureKind.MODEL_NOT_READY)) {
            ScriptedClient client = new ScriptedClient().thenFail(kind);
            assertThat(caller(client, POLICY).call(TASK)).as(kind.name()).isInstanceOf(JudgeOutcome.Succeeded.class);
            assertThat(client.calls()).as(kind.name()).isEqualTo(2);
        }
    }

    @Test
    void validationAccessAndOutputFailuresAreNotRetried() {
        for (FailureKind kind : List.of(FailureKind.VALIDATION_ERROR, FailureKind.ACCESS_DENIED,
                FailureKind.MALFORMED_RESPONSE, FailureKind.MAX_TOKENS, FailureKind.REFUSED, FailureKind.UNEXPECTED_STOP)) {
            ScriptedClient client = new ScriptedClient().thenFail(kind);
            JudgeOutcome outcome = caller(client, POLICY).call(TASK);
            assertThat(outcome).as(kind.name()).isInstanceOf(JudgeOutcome.Failed.class);
            assertThat(((JudgeOutcome.Failed) outcome).failure().kind()).isEqualTo(kind);
            assertThat(outcome.recordedStatus()).contains(kind.resultStatus());
            assertThat(client.calls()).as(kind.name()).isEqualTo(1);
        }
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttempts() {
        ScriptedClient client = new ScriptedClient().thenFail(FailureKind.THROTTLED, FailureKind.THROTTLED,
                FailureKind.THROTTLED, FailureKind.THROTTLED, FailureKind.THROTTLED, FailureKind.THROTTLED);

        JudgeOutcome outcome = caller(client, POLICY.withMaxAttempts(3)).call(TASK);

        assertThat(outcome).isInstanceOf(JudgeOutcome.Failed.class);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.throttledAttempts()).isEqualTo(3);
        assertThat(outcome.recordedStatus()).contains(ResultStatus.API_ERROR);
        assertThat(clock.sleeps()).hasSize(2);
    }

    @Test
    void givesUpWhenTheNextAttemptWouldExceedTheTotalTime() {
        RetryPolicy tight = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(3));
        ScriptedClient client = new ScriptedClient().thenFail(FailureKind.SERVER_ERROR, FailureKind.SERVER_ERROR,
                FailureKind.SERVER_ERROR, FailureKind.SERVER_ERROR);

        JudgeOutcome outcome = caller(client, tight).call(TASK);

        // sleeps 0.5 s, 1 s; the third (2 s) would end at 3.5 s > 3 s
        assertThat(outcome).isInstanceOf(JudgeOutcome.Failed.class);
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(outcome.attempts()).isEqualTo(3);
    }

    @Test
    void honoursRetryAfter() {
        ScriptedClient client = new ScriptedClient().thenThrow(new JudgeCallException(FailureKind.THROTTLED,
                "rate_limit", 429, "slow down", Duration.ofSeconds(4), null, null));

        assertThat(caller(client, POLICY).call(TASK)).isInstanceOf(JudgeOutcome.Succeeded.class);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void keepsTheUnusableAnswerOfAStopFailure() {
        JudgeResponse truncated = new JudgeResponse("{\"score\": ", "max_tokens", new TokenUsage(50, 100, 0, 0),
                Duration.ofMillis(3));
        ScriptedClient client = new ScriptedClient().thenThrow(JudgeCallException.stopped(FailureKind.MAX_TOKENS, truncated));

        JudgeOutcome outcome = caller(client, POLICY).call(TASK);

        assertThat(outcome.recordedStatus()).contains(ResultStatus.PARSE_ERROR);
        assertThat(((JudgeOutcome.Failed) outcome).failure().partialResponse()).contains(truncated);
        assertThat(outcome.usage()).isEqualTo(new TokenUsage(50, 100, 0, 0));
    }

    @Test
    void reportsEveryFailedAttemptToTheObserver() {
        ScriptedClient client = new ScriptedClient().thenFail(FailureKind.THROTTLED, FailureKind.VALIDATION_ERROR);
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger final_ = new AtomicInteger();

        caller(client, POLICY).call(TASK, (task, failure, willRetry) -> (willRetry ? retried : final_).incrementAndGet(),
                () -> false);

        assertThat(retried).hasValue(1);
        assertThat(final_).hasValue(1);
    }

    @Test
    void cancelledBeforeTheFirstAttemptMakesNoCall() {
        ScriptedClient client = new ScriptedClient();

        JudgeOutcome outcome = caller(client, POLICY).call(TASK, RetryingJudgeCaller.AttemptObserver.NONE, () -> true);

        assertThat(outcome).isInstanceOf(JudgeOutcome.Cancelled.class);
        assertThat(outcome.recordedStatus()).isEmpty();
        assertThat(client.calls()).isZero();
    }

    @Test
    void throttlingShrinksTheAdaptiveLimit() {
        AdaptiveLimiter limiter = new AdaptiveLimiter(10, 1, 20, 0.5);
        ScriptedClient client = new ScriptedClient().thenFail(FailureKind.THROTTLED);

        new RetryingJudgeCaller(client, POLICY, limiter, clock, () -> 0.0).call(TASK);

        assertThat(limiter.decreases()).isEqualTo(1);
        assertThat(limiter.inFlight()).isZero();
    }
}
