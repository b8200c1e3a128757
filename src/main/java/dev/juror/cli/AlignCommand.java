package dev.juror.cli;

import dev.juror.align.AlignInputException;
import dev.juror.align.CandidateSource;
import dev.juror.align.TypedEdits;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.store.Workspace;
import dev.juror.workspace.align.AlignExperiment;
import dev.juror.workspace.align.AlignRequest;
import dev.juror.workspace.align.AlignRunException;
import dev.juror.workspace.align.ClientProposalModel;
import dev.juror.workspace.align.Experiment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code juror align --rubric FILE --provider P [--model M] [--edit FILE]...}: one alignment round
 * (docs/alignment.md); {@code juror align list}: the rounds so far.
 */
@Command(name = "align", mixinStandardHelpOptions = true,
        description = {"Improve a rubric against the experts' labels: candidates proposed from the train split,",
                "chosen on the validation split, measured once on the test split; writes a new rubric version",
                "(file, diff, report) under alignment/ and never changes the rubric file."},
        subcommands = AlignListCommand.class)
public final class AlignCommand implements Callable<Integer> {

    /** Judge calls a round may make unless --max-calls says otherwise. */
    static final long DEFAULT_MAX_CALLS = 1000;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--rubric", paramLabel = "FILE", description = "The rubric to align (left as it is).")
    Path rubricFile;

    @Option(names = "--provider", paramLabel = "NAME", description = "bedrock, openai, replay or heuristic.")
    String provider;

    @Option(names = "--model", paramLabel = "ID", description = "Judge model (default: the rubric's judge.model_id).")
    String model;

    @Option(names = "--region", paramLabel = "R", description = "AWS region.")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "Named AWS profile.")
    String profile;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Bedrock Runtime endpoint override.")
    String endpoint;

    @Option(names = "--base-url", paramLabel = "URL", description = "OpenAI-compatible server.")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key (openai).")
    String apiKeyEnv;

    @Option(names = "--concurrency", paramLabel = "N", description = "Most calls at a time.")
    Integer concurrency;

    @Option(names = "--edit", paramLabel = "FILE", description = "An edited copy of the rubric to try as a candidate (repeatable).")
    List<Path> edits = new ArrayList<>();

    @Option(names = "--baseline-run", paramLabel = "RUN_ID",
            description = "The baseline's finished judge run (default: the newest of this version and model).")
    Long baselineRun;

    @Option(names = "--split-seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of a new split (a rubric's stored split is reused as stored; default 1).")
    long splitSeed;

    @Option(names = "--max-calls", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_CALLS,
            description = "Most judge calls the round may make; refused before any call (default ${DEFAULT-VALUE}).")
    long maxCalls;

    @Option(names = "--max-cost", paramLabel = "AMOUNT",
            description = "Most estimated cost (price table's currency); refused before any call.")
    Double maxCost;

    @Option(names = "--no-few-shot", description = "Propose no few-shot candidate (fixed examples from the train split).")
    boolean noFewShot;

    @Option(names = "--no-proposals", description = "Ask the judge model for no edits (two calls, counted in --max-calls).")
    boolean noProposals;

    @Option(names = "--reuse-test-split", description = "Judge a test split an earlier round judged (the report says how often).")
    boolean reuseTestSplit;

    @Mixin
    BootstrapOptions bootstrap;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rubricFile == null || provider == null) {
            throw new UserInputException("give --rubric FILE and --provider bedrock|openai|replay|heuristic"
                    + " (or juror align list)");
        }
        if (maxCalls < 1) {
            throw new UserInputException("--max-calls must be 1 or more, was " + maxCalls);
        }
        if (maxCost != null && !(maxCost >= 0)) {
            throw new UserInputException("--max-cost must be 0 or more, was " + maxCost);
        }
        String text = RubricFiles.readText(rubricFile, "--rubric");
        List<TypedEdits.Edit> typed = new ArrayList<>();
        for (Path edit : edits) {
            typed.add(new TypedEdits.Edit(edit.getFileName().toString(), RubricFiles.readText(edit, "--edit")));
        }
        List<CandidateSource> sources = new ArrayList<>(AlignSources.defaults(!noFewShot, !noProposals));
        sources.add(new TypedEdits(typed));
        JudgeSettings settings = new JudgeSettings(Optional.ofNullable(region), Optional.ofNullable(profile),
                Optional.ofNullable(endpoint), Optional.ofNullable(baseUrl), Optional.ofNullable(apiKeyEnv),
                Optional.ofNullable(concurrency), false);
        AlignExperiment.Outcome outcome;
        try (Workspace opened = workspace.open();
             ClientProposalModel proposals = proposalModel(settings, text)) {
            AlignRequest request = new AlignRequest(text, rubricFile.toString(), provider, model, settings,
                    baselineRun == null ? OptionalLong.empty() : OptionalLong.of(baselineRun), splitSeed, sources,
                    Optional.ofNullable(proposals), AlignRequest.budget(maxCalls, maxCost == null
                    ? OptionalDouble.empty() : OptionalDouble.of(maxCost)), reuseTestSplit, bootstrap.config());
            PrintWriter err = spec.commandLine().getErr();
            outcome = new AlignExperiment(opened, Clock.systemUTC()).onProgress(line -> {
                err.println("juror: " + line);
                err.flush();
            }).run(request);
        } catch (AlignInputException e) {
            throw new UserInputException(option(e.setting()) + e.getMessage(), e);
        } catch (JudgeSetupException e) {
            throw CliJudgeFactory.asOption(e);
        } catch (AlignRunException e) {
            spec.commandLine().getErr().println("juror: " + e.getMessage());
            return JudgeCommand.RUN_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        Experiment e = outcome.experiment();
        out.println("alignment " + e.id() + " of " + e.rubric() + ": " + e.candidates().size() + " candidates (baseline"
                + " included), " + e.calls() + " judge calls");
        out.println(e.chosen().isEmpty() ? "no candidate beat the baseline on validation; no new version"
                : "chosen " + e.chosen() + ", new version " + e.newVersion() + ": " + e.rubricFile());
        out.println("report: " + outcome.folder().resolve("report.md"));
        out.flush();
        return CliRunner.OK;
    }

    /** The judge model for proposed edits when the provider calls one (bedrock, openai); else null. */
    private ClientProposalModel proposalModel(JudgeSettings settings, String rubricText) {
        String p = JudgeFactory.normalise(provider);
        if (!JudgeFactory.isLive(p) || noProposals) {
            return null;
        }
        String modelId = model;
        if (modelId == null || modelId.isBlank()) {
            try {
                modelId = new dev.juror.rubric.RubricYaml().read(rubricText, rubricFile.toString()).judge().modelId();
            } catch (dev.juror.rubric.RubricException e) {
                throw new UserInputException("--rubric: " + String.join("; ", e.lines()), e);
            }
        }
        return new ClientProposalModel(p, JudgeFactory.model(p, modelId, modelId), settings);
    }

    private static String option(String setting) {
        return switch (setting) {
            case "budget" -> "";
            case "test-split" -> "--reuse-test-split: ";
            case "baseline-run" -> "--baseline-run: ";
            case "rubric" -> "--rubric: ";
            default -> "";
        };
    }
}
