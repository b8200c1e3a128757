package dev.juror.store;

import dev.juror.judge.run.RolloutPair;
import java.util.List;
import java.util.Objects;

/**
 * A judge run to create.
 *
 * @param rubricYaml   the rubric file's text, kept so the run can be resumed after the file changed
 * @param settingsJson provider settings as JSON (region, endpoint, concurrency, ...; never credentials)
 * @param selection    what the user selected, for display ({@code all}, {@code samples a,b})
 * @param rolloutIds   the rollouts the run judges, in order (pairwise: every rollout of its pairs)
 * @param pairs        a pairwise run's pairs, kept so a resume judges exactly these; empty for pointwise
 */
public record NewJudgeRun(String rubricName, String rubricVersion, String rubricYaml, String provider, String model,
                          String settingsJson, int repeats, String selection, List<Long> rolloutIds,
                          List<RolloutPair> pairs) {

    public NewJudgeRun {
        Objects.requireNonNull(rubricName, "rubricName");
        Objects.requireNonNull(rubricVersion, "rubricVersion");
        Objects.requireNonNull(rubricYaml, "rubricYaml");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        settingsJson = settingsJson == null ? "{}" : settingsJson;
        selection = selection == null ? "" : selection;
        rolloutIds = List.copyOf(rolloutIds);
        pairs = List.copyOf(pairs);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1");
        }
    }

    /** A pointwise run. */
    public NewJudgeRun(String rubricName, String rubricVersion, String rubricYaml, String provider, String model,
                       String settingsJson, int repeats, String selection, List<Long> rolloutIds) {
        this(rubricName, rubricVersion, rubricYaml, provider, model, settingsJson, repeats, selection, rolloutIds,
                List.of());
    }
}
