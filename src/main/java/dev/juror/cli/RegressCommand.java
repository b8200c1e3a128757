package dev.juror.cli;

import dev.juror.calibration.regression.RegressionSuite;
import dev.juror.calibration.regression.SuiteException;
import dev.juror.calibration.regression.SuiteResult;
import dev.juror.calibration.regression.SuiteYaml;
import dev.juror.calibration.report.ReportJson;
import dev.juror.judge.Judge;
import dev.juror.judge.ReplaySource;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import dev.juror.workspace.regression.SuiteRegression;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code juror regress --suite FILE --rubric FILE --provider P}: re-scores the suite's rollouts
 * (replaying recorded answers of this rubric version and model, judging live otherwise), checks
 * every expectation, stores the result for the verdict. Exit code 0 when every case passes, 3 when
 * one fails, 2 on bad input.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = {"Run a judge regression suite against a rubric version and store the result.",
                "Recorded answers of this rubric version and judge model are replayed; the rest is judged live.",
                "Exit code: 0 all cases pass, 3 a case fails, 2 bad input."})
public final class RegressCommand implements Callable<Integer> {

    public static final int SUITE_FAILED = 3;

    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "The suite YAML file.")
    Path suiteFile;

    @Option(names = "--rubric", required = true, paramLabel = "FILE", description = "The rubric YAML file.")
    Path rubricFile;

    @Option(names = "--provider", required = true, paramLabel = "NAME", description = "bedrock, openai, replay or heuristic.")
    String provider;

    @Option(names = "--model", paramLabel = "ID", description = "Judge model id (default: the rubric's judge.model_id).")
    String model;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (bedrock).")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "Named AWS profile (bedrock).")
    String profile;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Bedrock Runtime endpoint override.")
    String endpoint;

    @Option(names = "--base-url", paramLabel = "URL", description = "OpenAI-compatible server (openai).")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key (openai).")
    String apiKeyEnv;

    @Option(names = "--allow-insecure-http",
            description = "Allow sending the API key or AWS signature over plain http:// to another host.")
    boolean allowInsecureHttp;

    @Option(names = "--json", description = "Print the suite result as JSON.")
    boolean json;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(suiteFile)) {
            throw new UserInputException("--suite " + suiteFile + ": no such file");
        }
        RegressionSuite suite;
        try {
            suite = new SuiteYaml().read(suiteFile);
        } catch (SuiteException e) {
            e.problems().forEach(p -> spec.commandLine().getErr().println("juror: " + suiteFile + ": " + p));
            throw new UserInputException(suiteFile + ": " + e.problems().size() + " problem(s) in the suite (listed above)");
        }
        Rubric rubric = CalibrationSetup.rubric(rubricFile, spec.commandLine().getErr());
        if (!suite.rubric().equals(rubric.name())) {
            throw new UserInputException(suiteFile + ": the suite is for rubric '" + suite.rubric() + "', not '"
                    + rubric.name() + "'");
        }
        String p = CliJudgeFactory.normalise(provider);
        String version = CanonicalForm.version(rubric);
        SuiteRegression.Outcome outcome;
        try (Workspace opened = workspace.open()) {
            ReplaySource recordings = new WorkspaceLookups(opened).recordedAnswers();
            String judgeModel = JudgeFactory.model(p, model, rubric.judge().modelId());
            JudgeSettings settings = new JudgeSettings(Optional.ofNullable(region), Optional.ofNullable(profile),
                    Optional.ofNullable(endpoint), Optional.ofNullable(baseUrl), Optional.ofNullable(apiKeyEnv),
                    Optional.empty(), allowInsecureHttp);
            try (Judge live = CliJudgeFactory.judge(p, judgeModel, settings, recordings);
                 Judge replay = JudgeFactory.replayFirst(p, judgeModel, recordings)) {
                outcome = new SuiteRegression(opened, Clock.systemUTC()).run(suite, rubric, live, replay, judgeModel,
                        SuiteRegression.Progress.NONE);
            }
        }
        SuiteResult result = outcome.result();
        if (json) {
            out.println(ReportJson.write(result));
        } else {
            out.println((result.passed() ? "PASSED" : "FAILED") + ": suite " + suite.name() + " on " + rubric.name()
                    + " version " + version + " with " + result.judgeModel() + ": "
                    + (result.cases().size() - result.failedCases()) + " of " + result.cases().size()
                    + " cases passed (" + outcome.replayed() + " rollouts replayed, " + outcome.judgedLive() + " judged live)");
            for (SuiteResult.CaseResult c : result.cases()) {
                out.println("  " + (c.passed() ? "pass " : "FAIL ") + c.id() + " (" + c.rollout() + ")");
                for (SuiteResult.Check check : c.checks()) {
                    if (!check.passed()) {
                        out.println("      " + check.expectation() + ": " + check.found());
                    }
                }
            }
        }
        out.flush();
        return result.passed() ? CliRunner.OK : SUITE_FAILED;
    }
}
