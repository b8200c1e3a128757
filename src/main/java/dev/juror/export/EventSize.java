package dev.juror.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Objects;

/**
 * How many bytes one sample takes in the reward Lambda's event, measured by serialising the
 * workspace's samples exactly as the trainer sends them ({@link NovaRows#eventSample}: the training
 * row with the whole contract, reference and system prompt, plus the assistant turn), one per
 * rollout, plus the comma between array elements. A synchronous invoke carries at most 6 MB, so
 * this figure bounds how many samples one invocation may hold ({@link BudgetPlan#lambdaBatchSize()}).
 *
 * @param maxBytesPerSample the largest event sample, in bytes (UTF-8)
 * @param largestSampleId   the id of the sample it belongs to
 * @param samplesMeasured   how many samples were measured; 0 = nothing to measure
 */
public record EventSize(long maxBytesPerSample, String largestSampleId, int samplesMeasured) {

    /** No samples were available: the batch size cannot be checked against the payload limit. */
    public static final EventSize UNMEASURED = new EventSize(0, "", 0);

    public EventSize {
        Objects.requireNonNull(largestSampleId, "largestSampleId");
        if (maxBytesPerSample < 0 || samplesMeasured < 0) {
            throw new IllegalArgumentException("event size and sample count must not be negative");
        }
    }

    public boolean measured() {
        return samplesMeasured > 0;
    }

    public static EventSize of(Iterable<ExportSample> samples) {
        Meter meter = new Meter();
        samples.forEach(meter::add);
        return meter.result();
    }

    /** Measures samples one at a time, so a large workspace need not be held in memory. */
    public static final class Meter {
        private long max;
        private String largest = "";
        private int count;

        public void add(ExportSample sample) {
            // A sample without rollouts yet is measured with an empty answer: its documents alone.
            ExportSample s = sample.predictions().isEmpty() ? new ExportSample(sample.id(), sample.systemPrompt(),
                    sample.target(), sample.reference(), sample.referenceAnswer(), List.of("")) : sample;
            for (int i = 0; i < s.predictions().size(); i++) {
                long bytes = bytes(s, i) + 1; // the comma between array elements
                if (bytes > max) {
                    max = bytes;
                    largest = s.id();
                }
            }
            count++;
        }

        public EventSize result() {
            return count == 0 ? UNMEASURED : new EventSize(max, largest, count);
        }

        private static long bytes(ExportSample s, int rollout) {
            try {
                return NovaRows.JSON.writeValueAsBytes(NovaRows.eventSample(s, rollout, false)).length;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise sample " + s.id(), e);
            }
        }
    }
}
