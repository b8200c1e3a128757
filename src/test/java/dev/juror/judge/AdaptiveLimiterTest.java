package dev.juror.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {

    @Test
    void slowStartAddsOnePerSuccessUntilTheFirstDrop() throws InterruptedException {
        AdaptiveLimiter limiter = new AdaptiveLimiter(4, 1, 100, 0.9);
        roundTrip(limiter, 4, 0);
        assertThat(limiter.currentLimit()).isEqualTo(8);
        roundTrip(limiter, 8, 0);
        assertThat(limiter.currentLimit()).isEqualTo(16);
    }

    @Test
    void aDropMultipliesTheLimitOncePerWindow() throws InterruptedException {
        AdaptiveLimiter limiter = new AdaptiveLimiter(20, 1, 100, 0.5);
        List<ConcurrencyLimiter.Permit> window = acquire(limiter, 20);
        for (ConcurrencyLimiter.Permit permit : window.subList(0, 5)) {
            permit.dropped();
        }
        // five drops of one window: a single halving
        assertThat(limiter.currentLimit()).isEqualTo(10);
        assertThat(limiter.drops()).isEqualTo(5);
        assertThat(limiter.decreases()).isEqualTo(1);
        window.subList(5, 20).forEach(ConcurrencyLimiter.Permit::ignore);

        // a permit admitted after the decrease may decrease again
        acquire(limiter, 1).get(0).dropped();
        assertThat(limiter.currentLimit()).isEqualTo(5);
    }

    @Test
    void afterADropGrowthIsAdditive() throws InterruptedException {
        AdaptiveLimiter limiter = new AdaptiveLimiter(10, 1, 100, 0.5);
        acquire(limiter, 1).get(0).dropped();
        assertThat(limiter.currentLimit()).isEqualTo(5);
        for (int round = 0; round < 3; round++) {
            roundTrip(limiter, limiter.currentLimit(), 0);
        }
        // about +1 per round trip of a full window, not doubling
        assertThat(limiter.currentLimit()).isBetween(7, 8);
    }

    @Test
    void staysWithinFloorAndCap() throws InterruptedException {
        AdaptiveLimiter limiter = new AdaptiveLimiter(2, 2, 6, 0.5);
        for (int i = 0; i < 5; i++) {
            acquire(limiter, 1).get(0).dropped();
        }
        assertThat(limiter.currentLimit()).isEqualTo(2);
        for (int i = 0; i < 100; i++) {
            roundTrip(limiter, limiter.currentLimit(), 0);
        }
        assertThat(limiter.currentLimit()).isEqualTo(6);
    }

    @Test
    void doesNotGrowWhileMostlyIdle() throws InterruptedException {
        AdaptiveLimiter limiter = new AdaptiveLimiter(10, 1, 100, 0.9);
        for (int i = 0; i < 50; i++) {
            acquire(limiter, 1).get(0).success();
        }
        assertThat(limiter.currentLimit()).isEqualTo(10);
    }

    @Test
    void convergesToTheAdmittedConcurrency() throws InterruptedException {
        int capacity = 32;
        AdaptiveLimiter limiter = AdaptiveLimiter.withMaxLimit(128);
        long admittedLate = 0;
        int lateRounds = 0;
        for (int round = 0; round < 200; round++) {
            int window = limiter.currentLimit();
            int admitted = Math.min(window, capacity);
            roundTrip(limiter, admitted, window - admitted);
            if (round >= 100) {
                admittedLate += admitted;
                lateRounds++;
                assertThat(limiter.currentLimit()).as("round %d", round).isBetween(26, 40);
            }
        }
        // the endpoint is used at >= 90% of its capacity on average once converged
        assertThat((double) admittedLate / lateRounds).isGreaterThanOrEqualTo(0.9 * capacity);
    }

    @Test
    void blocksAtTheLimitAndAdmitsOnRelease() throws InterruptedException {
        AdaptiveLimiter limiter = new AdaptiveLimiter(1, 1, 1, 0.5);
        ConcurrencyLimiter.Permit first = limiter.acquire();
        CountDownLatch admitted = new CountDownLatch(1);
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                limiter.acquire().ignore();
                admitted.countDown();
            } catch (InterruptedException ignored) {
                // test fails below
            }
        });
        assertThat(admitted.await(100, TimeUnit.MILLISECONDS)).isFalse();
        first.success();
        assertThat(admitted.await(5, TimeUnit.SECONDS)).isTrue();
        waiter.join();
    }

    @Test
    void aPermitIsReleasedOnce() throws InterruptedException {
        AdaptiveLimiter limiter = new AdaptiveLimiter(1, 1, 1, 0.5);
        ConcurrencyLimiter.Permit permit = limiter.acquire();
        permit.success();
        assertThatThrownBy(permit::success).isInstanceOf(IllegalStateException.class);
        assertThat(limiter.inFlight()).isZero();
    }

    /** Acquires {@code ok + dropped} permits at once, then releases them: successes first, then drops. */
    private static void roundTrip(AdaptiveLimiter limiter, int ok, int dropped) throws InterruptedException {
        List<ConcurrencyLimiter.Permit> permits = acquire(limiter, ok + dropped);
        for (int i = 0; i < permits.size(); i++) {
            if (i < ok) {
                permits.get(i).success();
            } else {
                permits.get(i).dropped();
            }
        }
    }

    private static List<ConcurrencyLimiter.Permit> acquire(AdaptiveLimiter limiter, int n) throws InterruptedException {
        List<ConcurrencyLimiter.Permit> permits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            permits.add(limiter.acquire());
        }
        return permits;
    }
}
