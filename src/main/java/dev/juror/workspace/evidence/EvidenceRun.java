package dev.juror.workspace.evidence;

import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.verdict.Verdict;
import dev.juror.rubric.Mode;
import dev.juror.rubric.Rubric;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.JudgeRunLoader;
import dev.juror.store.Repositories;
import dev.juror.store.StoredJudgeRun;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The calibration a bundle's evidence shows: the judge run of the verdict the export gate went by
 * (or, with no verdict, the newest run of this rubric version and judge model), calibrated by
 * {@link WorkspaceCalibration} with the command line's defaults (2,000 resamples, seed 1, k = 2),
 * and its verdict decided again, not stored. Nothing here recomputes a statistic by hand.
 */
final class EvidenceRun {

    /** Bootstrap settings of {@code juror calibrate} / {@code juror verdict} without options. */
    static final BootstrapConfig BOOTSTRAP = BootstrapConfig.defaults(1);

    /**
     * @param recorded   the verdict the gate went by, when one is recorded
     * @param run        the calibrated run, when there is one
     * @param result     the calibration (empty with {@code missing} saying why)
     * @param recomputed the verdict decided again at export on the current labels
     * @param missing    why there is no calibration ("" when there is)
     */
    record Outcome(Optional<CalibrationRepository.StoredVerdict> recorded, Optional<StoredJudgeRun> run,
                   Optional<WorkspaceCalibration.Result> result, Optional<Verdict> recomputed, String missing) {
    }

    private EvidenceRun() {
    }

    static Outcome of(Repositories repositories, Clock clock, Rubric rubric, String version, String model) {
        Optional<CalibrationRepository.StoredVerdict> recorded = repositories.calibration().latestVerdict(version, model);
        if (rubric.mode() == Mode.PAIRWISE) {
            return missing(recorded, Optional.empty(), "the rubric is pairwise; verdicts and this evidence are for"
                    + " pointwise rubrics (juror calibrate measures pairwise rubrics)");
        }
        Optional<StoredJudgeRun> run = recorded.isPresent() ? byRef(repositories, recorded.get().run())
                : newest(repositories.judgeRuns().list(), version, model);
        if (run.isEmpty()) {
            return missing(recorded, run, recorded.isPresent()
                    ? "the verdict's judge run " + recorded.get().run() + " is no longer in the workspace"
                    : "no judge run of rubric version " + version + " with judge " + model
                    + " in the workspace: judge the samples with this model, label them, then juror verdict");
        }
        try {
            WorkspaceCalibration calibration = new WorkspaceCalibration(repositories, clock);
            WorkspaceCalibration.Result result = calibration.run(rubric, List.of(run.get().id()), BOOTSTRAP, 2, null, true);
            Verdict verdict = calibration.decide(result, result.report().runs().get(0).id());
            return new Outcome(recorded, run, Optional.of(result), Optional.of(verdict), "");
        } catch (RuntimeException e) {
            // Whatever stops the calibration (no labels, a run of another rubric) is said, not thrown:
            // an UNVALIDATED export must still be written.
            return missing(recorded, run, "the calibration of " + JudgeRunLoader.PREFIX + run.get().id()
                    + " could not be computed: " + e.getMessage());
        }
    }

    private static Outcome missing(Optional<CalibrationRepository.StoredVerdict> recorded, Optional<StoredJudgeRun> run,
                                   String why) {
        return new Outcome(recorded, run, Optional.empty(), Optional.empty(), why);
    }

    private static Optional<StoredJudgeRun> byRef(Repositories repositories, String ref) {
        OptionalLong id = JudgeRunLoader.parseId(ref);
        return id.isEmpty() ? Optional.empty() : repositories.judgeRuns().find(id.getAsLong());
    }

    private static Optional<StoredJudgeRun> newest(List<StoredJudgeRun> runs, String version, String model) {
        return runs.stream().filter(r -> r.rubricVersion().equals(version) && r.model().equals(model))
                .max(Comparator.comparing(StoredJudgeRun::createdAt).thenComparingLong(StoredJudgeRun::id));
    }
}
