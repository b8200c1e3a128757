package dev.juror.workspace;

import dev.juror.export.BudgetPlan;
import dev.juror.export.EventSize;
import dev.juror.export.ExportGate;
import dev.juror.export.ExportRefusedException;
import dev.juror.export.ExportSample;
import dev.juror.export.GateVerdict;
import dev.juror.export.JudgeUsage;
import dev.juror.export.JudgeUsageMeter;
import dev.juror.export.LambdaBundleExporter;
import dev.juror.export.LambdaBundleRequest;
import dev.juror.export.LambdaJars;
import dev.juror.export.PriceTableException;
import dev.juror.export.PriceTables;
import dev.juror.export.PromptBundleExporter;
import dev.juror.export.SampleSources;
import dev.juror.export.TokenEstimate;
import dev.juror.export.TrainingDataExporter;
import dev.juror.export.VerdictSource;
import dev.juror.export.WorkspaceVerdictSource;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.store.Repositories;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The export use case, the one path from an {@link ExportRequest} to files for {@code juror export}
 * and the workbench's export screen: the verdict gate (or the UNVALIDATED override), the samples,
 * the reward budget, and the prompt-bundle, training-data or Lambda exporter. Whatever the request
 * leaves out is an {@link ExportDefaults} value, so both callers write the same bundle.
 */
public final class ExportService {

    private final Clock clock;
    private final EvidenceWriter evidence;

    /**
     * @param clock    stamps the entries of the Lambda zip and the bundle's manifest
     * @param evidence writes the prompt and Lambda bundles' {@code evidence/}; use
     *                 {@code workspace.evidence.ExportServices.withEvidence(clock)} for the real one
     */
    public ExportService(Clock clock, EvidenceWriter evidence) {
        this.clock = clock;
        this.evidence = java.util.Objects.requireNonNull(evidence, "evidence");
    }

    /** The verdict the gate goes by: the workspace's newest for this rubric version and judge model. */
    public GateVerdict verdict(ExportWorkspace workspace, String rubricVersion, String model) {
        return verdicts(workspace).verdict(rubricVersion, model);
    }

    /**
     * What the budget planner needs besides the user's settings: judge usage (measured, else estimated
     * on the first sample), the price table and the event size of every sample.
     *
     * @param samplesFile samples to measure instead of the workspace's
     * @param pricesFile  a price table instead of the workspace's {@code prices.yaml}
     * @throws ExportInputException for an unreadable samples file or price table
     */
    public BudgetContext budgetContext(ExportWorkspace workspace, Rubric rubric, String model,
                                       Optional<Path> samplesFile, Optional<Path> pricesFile) {
        Samples samples = samples(workspace, samplesFile, 1);
        return context(workspace, rubric, model, samples, pricesFile);
    }

    /**
     * Writes the export.
     *
     * @throws ExportRefusedException when the judge is not VALIDATED and the request does not allow it
     * @throws ExportInputException   for bad input: a samples or price file, a setting, no samples
     * @throws IOException            when the files cannot be written (or the Lambda jars are missing)
     */
    public ExportOutcome export(ExportRequest request, ExportWorkspace workspace) throws IOException {
        return switch (request.kind()) {
            case PROMPT_BUNDLE -> promptBundle(request, workspace);
            case TRAINING_DATA -> trainingData(request, workspace);
            case LAMBDA_PACKAGE -> lambdaPackage(request, workspace);
        };
    }

    private ExportOutcome promptBundle(ExportRequest r, ExportWorkspace workspace) throws IOException {
        Rubric rubric = r.rubric().orElseThrow();
        boolean mark = gate(r, workspace, rubric);
        List<Path> files = PromptBundleExporter.export(rubric, r.rubricYaml(), r.model(), mark, r.out());
        files = new BundleSeal(clock, evidence).seal(r, workspace, rubric, mark ? Optional.of(verdict(workspace,
                CanonicalForm.version(rubric), r.model())) : Optional.empty(), files);
        return new ExportOutcome(r.kind(), files, mark, 0, Optional.empty(), Optional.empty());
    }

    private ExportOutcome trainingData(ExportRequest r, ExportWorkspace workspace) throws IOException {
        List<ExportSample> rows = samples(workspace, r.samplesFile(), r.trainingLimit()).rows();
        if (rows.isEmpty()) {
            throw new ExportInputException(ExportInputException.Problem.NO_SAMPLES, "no samples to export", null);
        }
        if (r.expertIssuesAsReference()) {
            dev.juror.store.Workspace open = workspace.workspace().filter(w -> r.samplesFile().isEmpty()).orElseThrow(() ->
                    new ExportInputException(ExportInputException.Problem.SETTINGS, "--reference-answer expert-issues"
                            + " reads the issues experts recorded in a workspace; give --workspace, not --samples", null));
            rows = ExpertIssueAnswers.apply(rows, new ExpertIssues(open));
        }
        int written = TrainingDataExporter.export(rows, r.out());
        return new ExportOutcome(r.kind(), List.of(r.out()), false, written, Optional.empty(), Optional.empty());
    }

    private ExportOutcome lambdaPackage(ExportRequest r, ExportWorkspace workspace) throws IOException {
        Rubric rubric = r.rubric().orElseThrow();
        boolean mark = gate(r, workspace, rubric);
        Samples samples = samples(workspace, r.samplesFile(), ExportDefaults.EVENT_SAMPLES);
        BudgetContext context = context(workspace, rubric, r.model(), samples, r.budget().pricesFile());
        ExportRequest.LambdaSettings l = r.lambda();
        BudgetPlan budget;
        LambdaBundleRequest bundle;
        try {
            budget = r.budget().plan(rubric, r.model(), context);
            // Provisioned environments beyond the trainer's limit would never be used.
            bundle = new LambdaBundleRequest(rubric, r.rubricYaml(), r.model(), l.functionName(),
                    budget.handlerConcurrency(), l.region(), l.account(), l.memoryMb(), l.provisioned().isEmpty(),
                    l.provisioned().orElse(budget.lambdaConcurrencyLimit()), l.envelope(), budget, samples.rows(), mark,
                    l.batchFolder());
        } catch (IllegalArgumentException e) {
            throw new ExportInputException(ExportInputException.Problem.SETTINGS, e.getMessage(), e);
        }
        List<Path> files = new LambdaBundleExporter(LambdaJars.locate(), clock).export(bundle, r.out());
        files = new BundleSeal(clock, evidence).seal(r, workspace, rubric, mark ? Optional.of(verdict(workspace,
                CanonicalForm.version(rubric), r.model())) : Optional.empty(), files);
        return new ExportOutcome(r.kind(), files, mark, samples.rows().size(), Optional.of(budget),
                context.prices().created() ? Optional.of(context.prices().table().source()) : Optional.empty());
    }

    /** @return true when the export must be marked UNVALIDATED */
    private static boolean gate(ExportRequest r, ExportWorkspace workspace, Rubric rubric) {
        return ExportGate.check(verdicts(workspace), r.kind().what(), CanonicalForm.version(rubric), r.model(),
                r.allowUnvalidated());
    }

    private static VerdictSource verdicts(ExportWorkspace workspace) {
        return workspace.workspace().<VerdictSource>map(w -> new WorkspaceVerdictSource(Repositories.of(w).calibration()))
                .orElse(VerdictSource.none());
    }

    /** Samples for an export and the event size of all of them (a file is read whole, as it is measured whole). */
    private record Samples(List<ExportSample> rows, EventSize eventSize) {
    }

    private static Samples samples(ExportWorkspace workspace, Optional<Path> file, int limit) {
        if (file.isPresent()) {
            List<ExportSample> rows;
            try {
                rows = SampleSources.fromFile(file.get());
            } catch (IOException e) {
                throw new ExportInputException(ExportInputException.Problem.SAMPLES_FILE, e.getMessage(), e);
            }
            return new Samples(rows, EventSize.of(rows));
        }
        return workspace.workspace()
                .map(w -> new Samples(SampleSources.fromWorkspace(w, limit), SampleSources.eventSize(w)))
                .orElse(new Samples(List.of(), EventSize.UNMEASURED));
    }

    private static BudgetContext context(ExportWorkspace workspace, Rubric rubric, String model, Samples samples,
                                         Optional<Path> pricesFile) {
        String version = CanonicalForm.version(rubric);
        JudgeUsage usage = workspace.workspace()
                .flatMap(w -> JudgeUsageMeter.measure(Repositories.of(w).judgeRuns(), Repositories.of(w).judgeResults(), version,
                        model))
                .orElseGet(() -> TokenEstimate.of(rubric, samples.rows()));
        PriceTables.Loaded prices;
        try {
            prices = pricesFile.isPresent() ? PriceTables.fromFile(pricesFile.get())
                    : PriceTables.forWorkspace(workspace.directory());
        } catch (PriceTableException e) {
            throw new ExportInputException(pricesFile.isPresent() ? ExportInputException.Problem.PRICES_FILE
                    : ExportInputException.Problem.SETTINGS, e.getMessage(), e);
        }
        return new BudgetContext(usage, prices, samples.eventSize());
    }
}
