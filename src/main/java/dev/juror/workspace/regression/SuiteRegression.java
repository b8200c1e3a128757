package dev.juror.workspace.regression;

import dev.juror.calibration.regression.Expectation;
import dev.juror.calibration.regression.RegressionSuite;
import dev.juror.calibration.regression.RolloutRef;
import dev.juror.calibration.regression.RolloutScorer;
import dev.juror.calibration.regression.SuiteResult;
import dev.juror.calibration.regression.SuiteRunner;
import dev.juror.calibration.report.ReportJson;
import dev.juror.judge.Judge;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.Repositories;
import dev.juror.store.Workspace;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Runs a regression suite against a rubric version on a workspace's rollouts and stores the result
 * for the verdict: what {@code juror regress} and the workbench's Regression screen both do.
 */
public final class SuiteRegression {

    /** Called after each rollout is scored; may throw (a {@code CancellationException}) to stop the run. */
    @FunctionalInterface
    public interface Progress {
        void scored(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /** The suite's result and how its rollouts were scored. */
    public record Outcome(SuiteResult result, int replayed, int judgedLive) {
    }

    private final Repositories repositories;
    private final Clock clock;

    public SuiteRegression(Workspace workspace, Clock clock) {
        this(Repositories.of(workspace, clock), clock);
    }

    public SuiteRegression(Repositories repositories, Clock clock) {
        this.repositories = repositories;
        this.clock = clock;
    }

    /**
     * @param live   the judge that scores rollouts without a recorded answer
     * @param replay the replay judge of the same model, or null when {@code live} is itself a replay (or heuristic)
     * @throws IllegalArgumentException when the suite was written for another rubric
     */
    public Outcome run(RegressionSuite suite, Rubric rubric, Judge live, Judge replay, String judgeModel,
                       Progress progress) {
        if (!suite.rubric().equals(rubric.name())) {
            throw new IllegalArgumentException("the suite is for rubric '" + suite.rubric() + "', not '" + rubric.name()
                    + "'");
        }
        String version = CanonicalForm.version(rubric);
        WorkspaceRolloutScorer scorer = new WorkspaceRolloutScorer(repositories, rubric, live, replay,
                repositories.recordings());
        int total = rolloutsOf(suite).size();
        int[] done = {0};
        RolloutScorer counting = ref -> {
            var scored = scorer.score(ref);
            progress.scored(++done[0], total);
            return scored;
        };
        SuiteResult result = new SuiteRunner(clock).run(suite, version, judgeModel, counting);
        repositories.calibration().saveRegression(new CalibrationRepository.StoredRegression(0, suite.name(),
                suite.hash(), version, result.judgeModel(), result.cases().size(), result.failedCases(),
                ReportJson.compact(result), result.createdAt()));
        return new Outcome(result, scorer.replayed(), scorer.judgedLive());
    }

    /** Every rollout the suite scores: the cases' own and those they must outscore. */
    public static Set<RolloutRef> rolloutsOf(RegressionSuite suite) {
        Set<RolloutRef> refs = new LinkedHashSet<>();
        for (RegressionSuite.SuiteCase c : suite.cases()) {
            refs.add(c.rollout());
            for (Expectation e : c.expectations()) {
                if (e instanceof Expectation.Outscores o) {
                    refs.add(o.other());
                }
            }
        }
        return refs;
    }
}
