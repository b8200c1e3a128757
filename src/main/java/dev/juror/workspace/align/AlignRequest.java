package dev.juror.workspace.align;

import dev.juror.align.CandidateSource;
import dev.juror.align.ProposalModel;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.judge.run.JudgeSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One alignment round to run.
 *
 * @param baselineYaml   the rubric file's text (never changed: the result is a new file)
 * @param baselineSource its file name, for messages
 * @param model          the judge model; blank for the rubric's {@code judge.model_id}
 * @param baselineRun    the finished run of the baseline to compare with; empty for the newest finished
 *                       run of the baseline's version with this model
 * @param splitSeed      seeds a new split (a stored split of the rubric is used as stored)
 * @param sources        where candidates come from (few-shot, proposed, typed)
 * @param proposalModel  the model sources may ask for proposed edits; empty when proposals are off
 * @param budget         the caps checked before any call
 * @param reuseTestSplit judge a test split an earlier round judged already (said in the report)
 * @param bootstrap      the intervals' resamples and seed, as {@code juror calibrate} takes them
 */
public record AlignRequest(String baselineYaml, String baselineSource, String provider, String model,
                           JudgeSettings settings, OptionalLong baselineRun, long splitSeed,
                           List<CandidateSource> sources, Optional<ProposalModel> proposalModel, AlignBudget budget,
                           boolean reuseTestSplit, BootstrapConfig bootstrap) {

    public AlignRequest {
        Objects.requireNonNull(baselineYaml, "baselineYaml");
        Objects.requireNonNull(settings, "settings");
        model = model == null ? "" : model;
        sources = List.copyOf(sources);
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(bootstrap, "bootstrap");
    }

    /** The caps: at most {@code maxCalls} judge calls and, when given, at most {@code maxCost}. */
    public static AlignBudget budget(long maxCalls, java.util.OptionalDouble maxCost) {
        return new AlignBudget(maxCalls, maxCost);
    }
}
