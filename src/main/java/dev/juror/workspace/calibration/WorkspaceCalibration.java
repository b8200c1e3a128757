package dev.juror.workspace.calibration;

import dev.juror.calibration.CalibrationEngine;
import dev.juror.calibration.CalibrationInput;
import dev.juror.calibration.CalibrationReport;
import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.Scales;
import dev.juror.calibration.drift.DriftAlert;
import dev.juror.calibration.drift.DriftMonitor;
import dev.juror.calibration.drift.DriftReport;
import dev.juror.calibration.drift.DriftSettings;
import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.report.ReportHtml;
import dev.juror.calibration.report.ReportJson;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.verdict.RegressionEvidence;
import dev.juror.calibration.verdict.Verdict;
import dev.juror.calibration.verdict.VerdictRules;
import dev.juror.calibration.views.IssueRecall;
import dev.juror.calibration.views.ModelComparison;
import dev.juror.workspace.ExpertIssues;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.store.AnchorSet;
import dev.juror.store.CalibrationRepository;
import dev.juror.store.JudgeRunLoader;
import dev.juror.store.Repositories;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.StoredLabel;
import dev.juror.store.Workspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A rubric's calibration from a workspace: its humans' labels and the chosen judge runs through the
 * calibration engine, model comparison and (two or more runs) drift; deciding, storing and rendering
 * the verdict. Shared by the {@code calibrate}/{@code verdict} commands and the workbench's dashboard,
 * so both show the same numbers. Bad input (an unknown run or anchor set, one of another rubric) is
 * an {@link IllegalArgumentException} whose message names it. Built over an open workspace; the clock
 * dates the verdicts and drift alerts it stores.
 */
public final class WorkspaceCalibration {

    private final Repositories repositories;
    private final Clock clock;

    /**
     * @param runs   the judge runs as loaded, in the order asked for
     * @param models per run id, the model comparison rows
     * @param drift  null with fewer than two runs
     * @param notes  what was left out and why, for the reader
     * @param labelSources per labeller, where the labels that count came from (desk, or which pack import)
     * @param reference    what the judge was measured against
     * @param missedIssues per run, its scores against the recall of the issues experts recorded as missed
     *                     (empty when no expert recorded one)
     */
    public record Result(Rubric rubric, String version, CalibrationReport report,
                         CalibrationDataLoader.HumanLabels labels, List<JudgeRun> runs,
                         Map<String, List<ModelComparison.ModelRow>> models, DriftReport drift, List<String> notes,
                         List<ReportHtml.LabelSource> labelSources, Reference reference,
                         List<IssueRecall.Report> missedIssues) {

        /** The self-contained HTML report: calibration, the given verdicts, model comparison and drift. */
        public String html(List<Verdict> verdicts) {
            return ReportHtml.render(report, verdicts, labelSources, models, drift);
        }
    }

    /** Over {@code workspace}, dating what it stores by the system clock (UTC). */
    public WorkspaceCalibration(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    public WorkspaceCalibration(Workspace workspace, Clock clock) {
        this(Repositories.of(Objects.requireNonNull(workspace, "workspace"), clock), clock);
    }

    public WorkspaceCalibration(Repositories repositories, Clock clock) {
        this.repositories = Objects.requireNonNull(repositories, "repositories");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Calibrates with drift measured on the current labels. */
    public Result run(Rubric rubric, List<Long> runIds, BootstrapConfig config, int k) {
        return run(rubric, runIds, config, k, null);
    }

    /** As {@link #run(Rubric, List, BootstrapConfig, int, String, boolean)}, refusing runs with unresolved failures. */
    public Result run(Rubric rubric, List<Long> runIds, BootstrapConfig config, int k, String anchorSet) {
        return run(rubric, runIds, config, k, anchorSet, false);
    }

    /**
     * Calibrates; drift is measured on the frozen anchor set {@code anchorSet} when one is named, so
     * labels added since it was frozen do not move it. Agreement always uses the current labels.
     *
     * @param anchorSet the name of an anchor set frozen for this rubric, or null for the current labels
     * @param allowFailedResults accept runs with more service failures than their threshold allows
     *                           (their failed results have no scores and are left out, said in a note);
     *                           false refuses such a run with an {@link UnresolvedFailuresException}
     */
    public Result run(Rubric rubric, List<Long> runIds, BootstrapConfig config, int k, String anchorSet,
                      boolean allowFailedResults) {
        return run(rubric, runIds, config, k, anchorSet, allowFailedResults, LabelChoice.defaults());
    }

    /**
     * As above, with the labels {@code choice} names: labels given with the judge's scores or other
     * labellers' labels shown count only when it says so (counted in a note either way), and the judge
     * is measured against its reference (each labeller, their consensus, or adjudicated scores).
     */
    public Result run(Rubric rubric, List<Long> runIds, BootstrapConfig config, int k, String anchorSet,
                      boolean allowFailedResults, LabelChoice choice) {
        String version = CanonicalForm.version(rubric);
        // Checked first: a wrong set name should not cost the whole calibration before it is refused.
        AnchorSets.Loaded anchors = anchorSet == null ? null : new AnchorSets(repositories).load(anchorSet, rubric);
        CalibrationDataLoader.Usable usable = new CalibrationDataLoader(repositories).usable(rubric,
                choice.includeUnblinded());
        CalibrationDataLoader.HumanLabels labels = usable.labels();
        JudgeRunLoader loader = new JudgeRunLoader(repositories);
        List<JudgeRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, List<ModelComparison.ModelRow>> models = new LinkedHashMap<>();
        Map<String, ExpertIssues.Coverage> coverage = MissedIssueRecall.byRolloutKey(repositories);
        List<IssueRecall.Report> missed = new ArrayList<>();
        for (long id : runIds) {
            StoredJudgeRun stored = loader.find(id).orElseThrow(() -> new IllegalArgumentException(
                    JudgeRunLoader.PREFIX + id + ": no such judge run in " + repositories.workspace().directory()));
            if (!stored.rubricName().equals(rubric.name())) {
                throw new IllegalArgumentException(JudgeRunLoader.PREFIX + id + " judged rubric "
                        + stored.rubricName() + ", not " + rubric.name());
            }
            if (stored.hasUnresolvedFailures() && !allowFailedResults) {
                throw new UnresolvedFailuresException(stored);
            }
            if (stored.serviceFailures() > 0) {
                notes.add(JudgeRunLoader.PREFIX + id + ": " + stored.serviceFailures() + " results the judge service did"
                        + " not answer (api_error, timeout) have no scores and were left out"
                        + (stored.hasUnresolvedFailures() ? " (over the run's threshold, accepted on request)"
                        : " (within the run's threshold of " + stored.maxFailures().code() + ")"));
            }
            JudgeRunLoader.Loaded loaded = loader.load(id, Scales.of(rubric));
            if (loaded.offScale() > 0) {
                notes.add(loaded.run().id() + ": " + loaded.offScale() + " scores off the rubric's scale were left out");
            }
            if (!loaded.run().rubricVersion().equals(version)) {
                notes.add(loaded.run().id() + " was made with rubric version " + loaded.run().rubricVersion()
                        + "; the file is version " + version);
            }
            runs.add(loaded.run());
            List<ModelComparison.RolloutOutcome> outcomes = loader.outcomes(id, rubric);
            models.put(loaded.run().id(), ModelComparison.compare(outcomes, rubric.scale().min(), k, config));
            if (!coverage.isEmpty()) {
                missed.add(MissedIssueRecall.report(loaded.run().id(), rubric, outcomes, coverage));
            }
        }
        missed.forEach(m -> notes.add(MissedIssueRecall.note(m)));
        // Every stored label is accounted for: counted, or left out with the reason.
        if (labels.replaced() > 0) {
            notes.add(labels.replaced() + " earlier labels were replaced by a later label of the same labeller on the"
                    + " same item (a correction) and do not count; only the latest counts");
        }
        if (labels.notBlind() > 0) {
            notes.add(unblindedNote(labels));
        }
        if (labels.offScale() > 0) {
            notes.add(labels.offScale() + " labels with a score off the rubric's scale were left out");
        }
        if (labels.otherDimensions() > 0) {
            notes.add(labels.otherDimensions() + " labels of dimensions this rubric does not have were left out");
        }
        if (anchors != null) {
            notes.addAll(anchorNotes(anchors, runs.size()));
        }
        CalibrationReport report = calibrate(rubric, version, labels, runs, config, choice.reference(), notes);
        List<Rating> anchorLabels = anchors == null ? labels.ratings() : anchors.labels().ratings();
        DriftReport drift = runs.size() < 2 ? null
                : new DriftMonitor(Scales.of(rubric), config, DriftSettings.defaults())
                .analyse(runs, anchorLabels, rubric.dimensionNames(), null);
        return new Result(rubric, version, report, labels, List.copyOf(runs), models, drift, notes,
                sources(usable.rows()), choice.reference(), List.copyOf(missed));
    }

    /** The engine's report with the judge measured against the reference; the human ceiling on each labeller. */
    private CalibrationReport calibrate(Rubric rubric, String version, CalibrationDataLoader.HumanLabels labels,
                                        List<JudgeRun> runs, BootstrapConfig config, Reference reference,
                                        List<String> notes) {
        CalibrationEngine engine = new CalibrationEngine(config);
        if (reference == Reference.EACH) {
            return engine.calibrate(new CalibrationInput(rubric, version, labels.ratings(), runs));
        }
        CalibrationReport each = engine.calibrate(new CalibrationInput(rubric, version, labels.ratings(), List.of()));
        ReferenceLabels ref = ReferenceLabels.of(reference, labels.ratings(),
                new CalibrationDataLoader(repositories).adjudications(rubric));
        notes.add(ref.note());
        CalibrationReport judged = engine.calibrate(new CalibrationInput(rubric, version, ref.ratings(), runs));
        return ReferenceLabels.withCeilingOf(judged, each);
    }

    /** What became of the labels that are not blind, in the words the report and the dashboard use. */
    public static String unblindedNote(CalibrationDataLoader.HumanLabels labels) {
        String which = labels.notBlind() + (labels.notBlind() == 1 ? " label was" : " labels were")
                + " not given blind (the judge's scores or other labellers' labels were shown)";
        return labels.unblindedCounted() ? which + "; they are counted, as asked"
                : which + " and were left out; count them with --include-unblinded";
    }

    /** The labels that count, counted by labeller and origin (labellers by name, then sources in first-seen order). */
    static List<ReportHtml.LabelSource> sources(List<StoredLabel> rows) {
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        for (StoredLabel l : rows) {
            counts.computeIfAbsent(l.labeller(), k -> new LinkedHashMap<>()).merge(l.originText(), 1, Integer::sum);
        }
        List<ReportHtml.LabelSource> out = new ArrayList<>();
        counts.forEach((who, bySource) -> bySource.forEach((source, n) -> out.add(new ReportHtml.LabelSource(who, source, n))));
        return out;
    }

    private static List<String> anchorNotes(AnchorSets.Loaded anchors, int runs) {
        AnchorSet set = anchors.set();
        CalibrationDataLoader.HumanLabels frozen = anchors.labels();
        List<String> notes = new ArrayList<>();
        notes.add((runs < 2 ? "anchor set " + set.name() + " not used: drift needs two or more judge runs"
                : "drift measured against anchor set " + set.name())
                + " (frozen " + set.frozenOn() + ", " + anchors.items() + " items, " + anchors.labellers().size()
                + (anchors.labellers().size() == 1 ? " labeller)" : " labellers)"));
        int unusable = frozen.offScale() + frozen.otherDimensions() + frozen.notBlind();
        if (unusable > 0) {
            notes.add("anchor set " + set.name() + ": " + unusable + " of its " + set.labels()
                    + " labels were left out: " + (frozen.offScale() + frozen.otherDimensions())
                    + " do not fit this version of the rubric (dimension or scale changed), " + frozen.notBlind()
                    + " were not given blind");
        }
        return notes;
    }

    /** The judge run named {@code 7} or {@code run-7}, as the reports name runs; empty when there is none. */
    public Optional<StoredJudgeRun> findRun(String text) {
        OptionalLong id = JudgeRunLoader.parseId(text);
        return id.isEmpty() ? Optional.empty() : repositories.judgeRuns().find(id.getAsLong());
    }

    /** Model comparison of the runs again with another k of best-of-k (cheap: no calibration). */
    public Map<String, List<ModelComparison.ModelRow>> models(Rubric rubric, List<Long> runIds, BootstrapConfig config,
                                                              int k) {
        JudgeRunLoader loader = new JudgeRunLoader(repositories);
        Map<String, List<ModelComparison.ModelRow>> models = new LinkedHashMap<>();
        for (long id : runIds) {
            models.put(JudgeRunLoader.PREFIX + id, ModelComparison.compare(loader.outcomes(id, rubric),
                    rubric.scale().min(), k, config));
        }
        return models;
    }

    /** The verdict for one run of the result, with the latest regression suite result as evidence; dated now. */
    public Verdict decide(Result r, String runId) {
        String model = r.report().runs().stream().filter(run -> run.id().equals(runId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(runId + " is not in the calibration"))
                .judgeModel();
        Optional<RegressionEvidence> regression = repositories.calibration().latestRegression(r.version(), model)
                .map(s -> new RegressionEvidence(s.suiteName(), s.rubricVersion(), s.judgeModel(), s.cases(), s.failed()));
        return VerdictRules.decide(r.rubric(), r.version(), r.report(), runId, regression, clock);
    }

    /** Stores the verdict (append-only); returns its id. */
    public long record(Verdict verdict) {
        return repositories.calibration().saveVerdict(new CalibrationRepository.StoredVerdict(0,
                verdict.rubric(), verdict.rubricVersion(), verdict.judgeModel(), verdict.run(), verdict.status().name(),
                ReportJson.compact(verdict.conditions()), verdict.createdAt()));
    }

    /** Stores alerts not stored before (same kind, subject and message), so repeated runs do not duplicate them. */
    public void recordAlerts(String rubric, List<DriftAlert> alerts) {
        CalibrationRepository repo = repositories.calibration();
        var known = repo.alerts(rubric).stream().map(a -> a.kind() + "|" + a.subject() + "|" + a.message()).toList();
        for (DriftAlert a : alerts) {
            if (!known.contains(a.kind() + "|" + a.subject() + "|" + a.message())) {
                repo.saveAlert(new CalibrationRepository.StoredAlert(0, rubric, a.kind(), a.severity().name(),
                        a.subject(), a.measured(), a.threshold(), a.message(), clock.instant()));
            }
        }
    }
}
