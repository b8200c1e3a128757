package dev.juror.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StepPlacerTest {

    private static final Instant T = Instant.parse("2026-12-08T03:00:00Z");

    private static long at(int seconds) {
        return StepPlacer.micros(T.plusSeconds(seconds));
    }

    @Test
    void byTimestampARecordBelongsToTheFirstStepThatEndedAtOrAfterIt() {
        NavigableMap<Integer, Instant> ends = new TreeMap<>();
        ends.put(1, T.plusSeconds(100));
        ends.put(2, T.plusSeconds(200));
        int[] steps = StepPlacer.byTimestamp(new long[] {at(5), at(100), at(101), at(199), at(250)}, ends);
        assertThat(steps).containsExactly(1, 1, 2, 2, 3);
    }

    @Test
    void stepTimesOutOfOrderAreRefused() {
        NavigableMap<Integer, Instant> ends = new TreeMap<>();
        ends.put(1, T.plusSeconds(200));
        ends.put(2, T.plusSeconds(100));
        assertThatThrownBy(() -> StepPlacer.byTimestamp(new long[] {at(1)}, ends))
                .isInstanceOf(WatchInputException.class).hasMessageContaining("steps out of order")
                .hasMessageContaining("step 2");
    }

    @Test
    void byOrderFillsEachStepWithItsCalls() {
        assertThat(StepPlacer.byOrder(0, 4)).isEqualTo(1);
        assertThat(StepPlacer.byOrder(3, 4)).isEqualTo(1);
        assertThat(StepPlacer.byOrder(4, 4)).isEqualTo(2);
    }

    @Test
    void theMethodIsChosenByWhatTheRunHas() {
        NavigableMap<Integer, Instant> none = new TreeMap<>();
        assertThat(StepPlacer.choose(none, OptionalInt.empty(), 0)).isEqualTo(Placement.RECORD);
        assertThat(StepPlacer.choose(none, OptionalInt.of(8), 5)).isEqualTo(Placement.INVOCATION_ORDER);
        assertThat(StepPlacer.choose(new TreeMap<>(java.util.Map.of(1, T)), OptionalInt.of(8), 5))
                .isEqualTo(Placement.TIMESTAMP);
        assertThatThrownBy(() -> StepPlacer.choose(none, OptionalInt.empty(), 5))
                .hasMessageContaining("--calls-per-step");
    }
}
