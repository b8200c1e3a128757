package dev.juror.testing.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * How a job of the loopback Bedrock batch stub behaves, fixed when the job is created (a test that
 * changes the stub's settings afterwards does not change a running job).
 *
 * @param recordsPerSecond 0 for "at once"
 * @param failMessage      null, or the message of a job that ends Failed after its start delay
 */
record BatchBehaviour(BiFunction<String, JsonNode, BatchAnswer> answer, java.util.function.Predicate<String> omitted,
                      Duration startDelay, double recordsPerSecond, String failMessage, long shuffleSeed) {
}
