package dev.juror.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

    @Test
    void aBurstOfValuesReachesTheUiThreadAFewTimesAndEndsWithTheLastValue() throws Exception {
        List<Integer> shown = new CopyOnWriteArrayList<>();
        CountDownLatch last = new CountDownLatch(1);
        Executor ui = Runnable::run; // stands in for Platform.runLater
        ProgressThrottle<Integer> throttle = new ProgressThrottle<>(ui, Duration.ofMillis(100), value -> {
            shown.add(value);
            if (value == 9_999) {
                last.countDown();
            }
        });
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            throttle.offer(i);
        }
        assertThat(last.await(5, TimeUnit.SECONDS)).as("the last value is always shown").isTrue();
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // One post at once and one per 100 ms after that, however many values were offered.
        assertThat(shown.size()).isLessThanOrEqualTo(2 + (int) (elapsedMs / 100));
        assertThat(shown).isSorted().endsWith(9_999);
    }

    @Test
    void valuesFarApartAreEachShown() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        ProgressThrottle<String> throttle = new ProgressThrottle<>(Runnable::run, Duration.ofMillis(20), shown::add);
        throttle.offer("a");
        Thread.sleep(60);
        throttle.offer("b");
        Thread.sleep(60);
        assertThat(shown).containsExactly("a", "b");
    }
}
