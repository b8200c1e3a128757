package dev.juror.workspace.judging;

import dev.juror.judge.run.FailureThreshold;
import dev.juror.judge.run.JudgeSettings;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What to run.
 *
 * @param rubricText   the rubric YAML (stored with the run)
 * @param rubricSource where it came from, for messages (a file name)
 * @param model        the judge model; blank for the rubric's {@code judge.model_id}
 * @param sampleIds    the samples whose rollouts to judge; empty for all
 * @param maxPairsPerSample pairwise rubrics only: at most this many pairs per sample; empty for
 *                          {@link JudgeRunLauncher#DEFAULT_MAX_PAIRS_PER_SAMPLE}
 * @param maxFailures  service failures the run may hold and still finish ({@link FailureThreshold#NONE}: none)
 * @param batch        on demand ({@link BatchRequest#ONLINE}), or as a Bedrock batch inference job
 */
public record NewRun(String rubricText, String rubricSource, String provider, String model, List<String> sampleIds,
                     int repeats, JudgeSettings settings, OptionalInt maxPairsPerSample,
                     FailureThreshold maxFailures, BatchRequest batch) {
    public NewRun {
        Objects.requireNonNull(rubricText, "rubricText");
        Objects.requireNonNull(rubricSource, "rubricSource");
        sampleIds = List.copyOf(sampleIds);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(maxPairsPerSample, "maxPairsPerSample (use OptionalInt.empty())");
        Objects.requireNonNull(maxFailures, "maxFailures (use FailureThreshold.NONE)");
        Objects.requireNonNull(batch, "batch (use BatchRequest.ONLINE)");
    }

    /** A run judged on demand. */
    public NewRun(String rubricText, String rubricSource, String provider, String model, List<String> sampleIds,
                  int repeats, JudgeSettings settings, OptionalInt maxPairsPerSample, FailureThreshold maxFailures) {
        this(rubricText, rubricSource, provider, model, sampleIds, repeats, settings, maxPairsPerSample, maxFailures,
                BatchRequest.ONLINE);
    }

    /** A run that fails on any service failure. */
    public NewRun(String rubricText, String rubricSource, String provider, String model, List<String> sampleIds,
                  int repeats, JudgeSettings settings, OptionalInt maxPairsPerSample) {
        this(rubricText, rubricSource, provider, model, sampleIds, repeats, settings, maxPairsPerSample,
                FailureThreshold.NONE);
    }

    /** A run with the default number of pairs per sample (which only pairwise rubrics use). */
    public NewRun(String rubricText, String rubricSource, String provider, String model, List<String> sampleIds,
                  int repeats, JudgeSettings settings) {
        this(rubricText, rubricSource, provider, model, sampleIds, repeats, settings, OptionalInt.empty());
    }
}
