package dev.juror.rubric;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A value computed once per rubric (system prompt, version, compiled schema). Equal rubrics share an
 * entry; the last rubric asked for is also remembered by identity, because a {@link Rubric} is a
 * record whose {@code hashCode} walks every text and dimension, and a judge asks for the same rubric
 * instance on every call (in the reward Lambda, thousands of times per event). Thread-safe.
 */
final class RubricMemo<V> {

    private record Last<V>(Rubric rubric, V value) {
    }

    private final ConcurrentHashMap<Rubric, V> values = new ConcurrentHashMap<>();
    private final Function<Rubric, V> compute;
    private volatile Last<V> last;

    RubricMemo(Function<Rubric, V> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    V get(Rubric rubric) {
        Last<V> seen = last;
        if (seen != null && seen.rubric() == rubric) {
            return seen.value();
        }
        V value = values.computeIfAbsent(rubric, compute);
        last = new Last<>(rubric, value);
        return value;
    }

    int size() {
        return values.size();
    }
}
