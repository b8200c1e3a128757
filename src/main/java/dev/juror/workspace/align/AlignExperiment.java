package dev.juror.workspace.align;

import dev.juror.align.AlignContext;
import dev.juror.align.AlignInputException;
import dev.juror.align.Candidate;
import dev.juror.align.CandidateCheck;
import dev.juror.align.CandidateScore;
import dev.juror.align.CandidateSource;
import dev.juror.align.Ranking;
import dev.juror.align.Split;
import dev.juror.align.SplitPlanner;
import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.Scales;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgeRunLoader;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.Repositories;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One alignment round (issue #16): split the experts' labels by sample (or take the rubric's stored
 * split), collect candidates from the train split, reject those that do not read or break the output
 * schema, check the budget before any call, judge every candidate on the validation samples, rank by
 * the worst dimension's kappa lower bound, judge the chosen one once on the test samples, and write a
 * new rubric version with its diff and report. The baseline file is never changed.
 */
public final class AlignExperiment {

    /** The round as stored, and its folder. */
    public record Outcome(Experiment experiment, Path folder) {
    }

    private final Workspace workspace;
    private final Repositories repositories;
    private final AlignStore store;
    private final Clock clock;

    public AlignExperiment(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.repositories = Repositories.of(workspace, clock);
        this.store = new AlignStore(workspace.directory());
        this.clock = clock;
    }

    private java.util.function.Consumer<String> progress = line -> { };

    /** Where to say what the round is doing (a line per judge run); nothing by default. */
    public AlignExperiment onProgress(java.util.function.Consumer<String> lines) {
        this.progress = java.util.Objects.requireNonNull(lines, "lines");
        return this;
    }

    public AlignStore store() {
        return store;
    }

    /**
     * @throws AlignInputException before any call: the rubric, the labels, the split, the baseline run
     *                             or the budget do not allow the round (the message says which and why)
     * @throws AlignRunException   a judge run did not finish
     */
    public Outcome run(AlignRequest request) throws InterruptedException {
        Rubric baseline = read(request.baselineYaml(), request.baselineSource());
        String provider = JudgeFactory.normalise(request.provider());
        String model = JudgeFactory.model(provider, request.model(), baseline.judge().modelId());
        AlignData data = new AlignData(repositories, baseline);
        Split split = split(baseline, data, request, true);
        JudgeRun baselineRun = baselineRun(baseline, model, request);
        List<String> notes = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>(split.train());
        placed.addAll(split.validation());
        placed.addAll(split.test());
        long outside = data.items().stream().filter(i -> !placed.contains(i.sampleId())).count();
        if (outside > 0) {
            notes.add(outside + " labelled items are in samples the stored split does not hold (labelled after it was"
                    + " drawn) and were left out of this round");
        }
        if (split.testUses() > 0) {
            notes.add("the test split was judged by " + split.testUses() + " earlier round"
                    + (split.testUses() == 1 ? "" : "s") + " (reused on request): its result is no longer untouched");
        }
        AlignContext context = new AlignContext(request.baselineYaml(),
                data.trainExamples(split.trainSet(), baselineRun), split.seed(), request.proposalModel());
        // Sources that call nothing first; then the whole round is checked against the caps before the
        // first call, each proposal call counted as a call and as one more candidate the size of the baseline.
        List<Candidate> candidates = new ArrayList<>();
        List<CandidateSource> calling = new ArrayList<>();
        for (CandidateSource source : request.sources()) {
            if (source.plannedCalls(context) > 0) {
                calling.add(source);
            } else {
                propose(source, context, candidates, notes);
            }
        }
        long plannedProposals = calling.stream().mapToLong(s -> s.plannedCalls(context)).sum();
        if (plannedProposals > 0) {
            List<String> expected = new ArrayList<>(candidates.stream().map(Candidate::rubricYaml).toList());
            for (long i = 0; i < plannedProposals; i++) {
                expected.add(request.baselineYaml());
            }
            request.budget().check(request.budget().plan(workspace, model, expected, split.validation(), split.test())
                    .withProposalCalls(plannedProposals));
        }
        calling.forEach(source -> propose(source, context, candidates, notes));
        long proposalCalls = 0;
        long proposalIn = 0;
        long proposalOut = 0;
        if (request.proposalModel().orElse(null) instanceof ClientProposalModel asked && asked.calls() > 0) {
            proposalCalls = asked.calls();
            proposalIn = asked.inputTokens();
            proposalOut = asked.outputTokens();
            notes.add(proposalCalls + " calls to the judge model proposed edits (counted in the calls and tokens)");
        }
        Map<String, Experiment.CandidateRecord> records = new LinkedHashMap<>();
        Map<String, Rubric> accepted = new LinkedHashMap<>();
        Map<String, Candidate> byId = new LinkedHashMap<>();
        String baselineVersion = CanonicalForm.version(baseline);
        for (Candidate c : candidates) {
            CandidateCheck.Checked checked = CandidateCheck.check(baseline, c);
            String rejection = checked.rubric().isEmpty() ? checked.rejection()
                    : CanonicalForm.version(checked.rubric().get()).equals(baselineVersion) ? "the same as the baseline"
                    : byId.containsKey(c.id()) ? "a second candidate with id " + c.id() : "";
            if (rejection.isEmpty()) {
                accepted.put(c.id(), checked.rubric().get());
                byId.put(c.id(), c);
            }
            records.put(c.id(), new Experiment.CandidateRecord(c.id(), c.origin(), c.description(), rejection, null,
                    Map.of(), Map.of(), 0, 0, 0));
        }
        if (accepted.isEmpty()) {
            throw new AlignInputException("candidates", "no candidate to judge: " + (candidates.isEmpty()
                    ? "the sources proposed none" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
                    : "every candidate was rejected: " + rejections(records)));
        }
        AlignBudget.Planned planned = request.budget().plan(workspace, model,
                byId.values().stream().map(Candidate::rubricYaml).toList(), split.validation(), split.test());
        request.budget().check(planned.withProposalCalls(proposalCalls), proposalCalls == 0 ? "nothing was sent"
                : "only the " + proposalCalls + " proposal calls were sent; no candidate was judged");

        int id = store.nextId();
        byId.values().forEach(c -> store.writeText(id, baseline.name(), "candidates/" + c.id() + ".yaml", c.rubricYaml()));
        SplitJudge judge = new SplitJudge(workspace, provider, model, request.settings());
        AlignScoring validationScoring = new AlignScoring(baseline, request.bootstrap());
        var validationLabels = data.labelsIn(split.validationSet());
        CandidateScore baselineScore = validationScoring.score("baseline", validationLabels,
                AlignData.restricted(baselineRun, split.validationSet()));
        List<CandidateScore> scores = new ArrayList<>();
        long calls = proposalCalls;
        long in = proposalIn;
        long out = proposalOut;
        for (Candidate c : byId.values()) {
            progress.accept("judging candidate " + c.id() + " on the validation split (" + split.validation().size()
                    + " samples)");
            SplitJudge.Judged judged = judge.judge(c.rubricYaml(), "alignment " + id + " candidate " + c.id(),
                    split.validation());
            calls += judged.calls();
            in += judged.inputTokens();
            out += judged.outputTokens();
            CandidateScore score = validationScoring.score(c.id(), validationLabels, load(judged.runId(), baseline));
            scores.add(score);
            records.put(c.id(), new Experiment.CandidateRecord(c.id(), c.origin(), c.description(), "",
                    judged.runId(), score.kappa(), score.kappaLower(), judged.calls(), judged.inputTokens(),
                    judged.outputTokens()));
        }
        Optional<CandidateScore> chosen = Ranking.chosen(baselineScore, scores);
        List<Experiment.CandidateRecord> all = new ArrayList<>();
        all.add(new Experiment.CandidateRecord("baseline", "baseline", "the rubric as it is (" + baselineRun.id() + ")",
                "", null, baselineScore.kappa(), baselineScore.kappaLower(), 0, 0, 0));
        all.addAll(records.values());
        Experiment experiment;
        if (chosen.isEmpty()) {
            notes.add("no candidate ranked above the baseline on the validation split: the rubric stays as it is and"
                    + " the test split was not judged");
            experiment = new Experiment(id, baseline.name(), baselineVersion, clock.instant().toString(), provider, model,
                    runNumber(baselineRun), split, all, "", null, "", "", List.of(), split.testUses(), calls, in, out,
                    planned.cost().orElse(null), planned.currency(), notes);
        } else {
            Candidate winner = byId.get(chosen.get().candidateId());
            progress.accept("chosen " + winner.id() + "; judging it once on the test split (" + split.test().size()
                    + " samples)");
            SplitJudge.Judged test = judge.judge(winner.rubricYaml(), "alignment " + id + " test " + winner.id(),
                    split.test());
            split = split.usedOnceMore();
            store.saveSplit(baseline.name(), split);
            calls += test.calls();
            in += test.inputTokens();
            out += test.outputTokens();
            Rubric aligned = accepted.get(winner.id());
            List<Experiment.DimensionResult> results = new TestResults(repositories, clock, request.bootstrap())
                    .measure(aligned, test.runId(), load(test.runId(), aligned),
                            AlignData.restricted(baselineRun, split.testSet()), data.labelsIn(split.testSet()));
            String file = baseline.name() + ".aligned.yaml";
            store.writeText(id, baseline.name(), file, winner.rubricYaml());
            store.writeText(id, baseline.name(), baseline.name() + ".diff",
                    dev.juror.align.RubricDiff.of(request.baselineYaml(), winner.rubricYaml()));
            experiment = new Experiment(id, baseline.name(), baselineVersion, clock.instant().toString(), provider, model,
                    runNumber(baselineRun), split, all, winner.id(), test.runId(), CanonicalForm.version(aligned),
                    workspace.directory().relativize(store.folder(id, baseline.name()).resolve(file)).toString(),
                    results, split.testUses(), calls, in, out, planned.cost().orElse(null), planned.currency(), notes);
        }
        store.save(experiment);
        store.writeText(id, baseline.name(), "report.md", AlignReport.markdown(experiment));
        return new Outcome(experiment, store.folder(id, baseline.name()));
    }

    /**
     * What the round would cost, without a judge call and without storing anything: the split (the
     * stored one, or the one the seed would draw), the sources that call nothing, each proposal call
     * counted as in {@link #run}, and the caps checked the same way.
     *
     * @throws AlignInputException the rubric, the labels, the split or the baseline run do not allow the round
     */
    public Estimate estimate(AlignRequest request) {
        Rubric baseline = read(request.baselineYaml(), request.baselineSource());
        String provider = JudgeFactory.normalise(request.provider());
        String model = JudgeFactory.model(provider, request.model(), baseline.judge().modelId());
        AlignData data = new AlignData(repositories, baseline);
        Split split = split(baseline, data, request, false);
        JudgeRun baselineRun = baselineRun(baseline, model, request);
        AlignContext context = new AlignContext(request.baselineYaml(),
                data.trainExamples(split.trainSet(), baselineRun), split.seed(), request.proposalModel());
        List<String> yamls = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long proposalCalls = 0;
        for (CandidateSource source : request.sources()) {
            long planned = source.plannedCalls(context);
            if (planned > 0) {
                proposalCalls += planned;
                for (long i = 0; i < planned; i++) {
                    yamls.add(request.baselineYaml());
                }
            } else {
                List<Candidate> proposed = new ArrayList<>();
                propose(source, context, proposed, notes);
                proposed.stream().filter(c -> CandidateCheck.check(baseline, c).rubric().isPresent())
                        .forEach(c -> yamls.add(c.rubricYaml()));
            }
        }
        AlignBudget.Planned planned = request.budget().plan(workspace, model, yamls, split.validation(), split.test())
                .withProposalCalls(proposalCalls);
        String refusal = "";
        try {
            request.budget().check(planned);
        } catch (AlignInputException e) {
            refusal = e.getMessage();
        }
        return new Estimate(yamls.size(), split.validation().size(), split.test().size(), planned.calls(),
                planned.cost(), planned.currency(), planned.basis(), refusal, notes);
    }

    /**
     * A round's cost before any call.
     *
     * @param candidates candidates to judge (a proposal call counted as one candidate)
     * @param refusal    why the caps refuse the round, or empty
     */
    public record Estimate(int candidates, int validationSamples, int testSamples, long calls,
                           Optional<Double> cost, String currency, String basis, String refusal, List<String> notes) {
    }

    private Split split(Rubric rubric, AlignData data, AlignRequest request, boolean keep) {
        Optional<Split> stored = store.split(rubric.name());
        if (stored.isPresent()) {
            Split s = stored.get();
            if (s.testUses() > 0 && !request.reuseTestSplit()) {
                throw new AlignInputException("test-split", "the test split of rubric " + rubric.name() + " was judged"
                        + " by " + s.testUses() + " earlier round" + (s.testUses() == 1 ? "" : "s") + " (" + AlignStore.FOLDER
                        + "/splits); judging it again makes its result less honest. Pass --reuse-test-split to accept"
                        + " that (the report says how often it was used)");
            }
            return s;
        }
        Split split = SplitPlanner.plan(data.items(), request.splitSeed());
        if (keep) {
            store.saveSplit(rubric.name(), split);
        }
        return split;
    }

    private JudgeRun baselineRun(Rubric rubric, String model, AlignRequest request) {
        String version = CanonicalForm.version(rubric);
        Optional<StoredJudgeRun> found = request.baselineRun().isPresent()
                ? repositories.judgeRuns().find(request.baselineRun().getAsLong())
                : repositories.judgeRuns().list().stream().filter(r -> r.rubricName().equals(rubric.name())
                && r.rubricVersion().equals(version) && r.model().equals(model)
                && r.status() == JudgeRunStatus.FINISHED).findFirst();
        StoredJudgeRun run = found.orElseThrow(() -> new AlignInputException("baseline-run", request.baselineRun()
                .isPresent() ? "judge run " + request.baselineRun().getAsLong() + " is not in the workspace"
                : "no finished judge run of rubric " + rubric.name() + " version " + version + " with model " + model
                + "; judge the baseline first (juror judge --rubric FILE ...) or name a run with --baseline-run"));
        if (!run.rubricName().equals(rubric.name())) {
            throw new AlignInputException("baseline-run", "judge run " + run.id() + " judged rubric " + run.rubricName()
                    + ", not " + rubric.name());
        }
        return load(run.id(), rubric);
    }

    private JudgeRun load(long runId, Rubric rubric) {
        return new JudgeRunLoader(repositories).load(runId, Scales.of(rubric)).run();
    }

    private static long runNumber(JudgeRun run) {
        return JudgeRunLoader.parseId(run.id()).orElse(0);
    }

    private static Rubric read(String yaml, String source) {
        try {
            return new RubricYaml().read(yaml, source);
        } catch (RubricException e) {
            throw new AlignInputException("rubric", String.join("; ", e.lines()));
        }
    }

    private static String rejections(Map<String, Experiment.CandidateRecord> records) {
        return String.join("; ", records.values().stream().map(r -> r.id() + " " + r.rejection()).toList());
    }

    private static void propose(CandidateSource source, AlignContext context, List<Candidate> candidates,
                                List<String> notes) {
        List<Candidate> proposed = source.propose(context);
        if (proposed.isEmpty() && !source.whyNone(context).isBlank()) {
            notes.add(source.origin() + ": " + source.whyNone(context));
        }
        candidates.addAll(proposed);
    }
}
