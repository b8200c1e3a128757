package dev.juror.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofMinutes(1));

    @Test
    void ceilingDoublesUntilTheCap() {
        assertThat(policy.backoffCeiling(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffCeiling(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoffCeiling(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffCeiling(40)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffCeiling(1000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void fullJitterScalesTheWholeWindow() {
        assertThat(policy.backoff(2, 0.0, Optional.empty())).isEqualTo(Duration.ZERO);
        assertThat(policy.backoff(2, 0.5, Optional.empty())).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(2, 0.999, Optional.empty())).isLessThan(Duration.ofMillis(400))
                .isGreaterThan(Duration.ofMillis(399));
    }

    @Test
    void retryAfterIsALowerBound() {
        assertThat(policy.backoff(0, 0.5, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.backoff(3, 0.5, Optional.of(Duration.ofMillis(10)))).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("below baseDelay");
        assertThatThrownBy(() -> policy.backoff(0, 1.0, Optional.empty())).hasMessageContaining("[0, 1)");
    }
}
