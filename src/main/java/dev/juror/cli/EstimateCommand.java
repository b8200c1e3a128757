package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.export.JudgeRunCost;
import dev.juror.export.PriceTableException;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.rubric.RubricException;
import dev.juror.store.Workspace;
import dev.juror.workspace.judging.JudgeRunEstimate;
import dev.juror.workspace.judging.JudgeRunEstimate.Estimate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror estimate}: what a judge run would cost on demand and as a Bedrock batch job, before running it. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate a judge run before starting it: the calls juror judge would make with these options, "
                + "tokens per call, and the on-demand and Bedrock batch cost side by side from the price table.")
public final class EstimateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--rubric", required = true, paramLabel = "FILE", description = "The rubric YAML file.")
    Path rubricFile;

    @Option(names = "--model", paramLabel = "ID", description = "Judge model or inference profile id "
            + "(default: the rubric's judge.model_id).")
    String model;

    @Option(names = "--samples", paramLabel = "ID", split = ",", description = "Only the rollouts of these samples "
            + "(default: all).")
    List<String> sampleIds = List.of();

    @Option(names = "--repeats", paramLabel = "K", defaultValue = "1", description = "Judge each rollout K times "
            + "(default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--max-pairs-per-sample", paramLabel = "N", description = "Pairwise rubrics: as for juror judge.")
    Integer maxPairsPerSample;

    @Option(names = "--prices", paramLabel = "FILE", description = "Price table to use instead of the workspace's "
            + "prices.yaml (written from the shipped example table when missing).")
    Path prices;

    @Option(names = "--json", description = "Print the estimate as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String text = RubricFiles.readText(rubricFile, "--rubric");
        Estimate e;
        try (Workspace opened = workspace.open()) {
            e = new JudgeRunEstimate(opened).estimate(new JudgeRunEstimate.Request(text, rubricFile.toString(), model,
                    sampleIds, repeats, maxPairsPerSample == null ? OptionalInt.empty() : OptionalInt.of(maxPairsPerSample),
                    Optional.ofNullable(prices)));
        } catch (RubricException ex) {
            throw new UserInputException(String.join("; ", ex.lines()), ex);
        } catch (JudgeSetupException ex) {
            throw new UserInputException(switch (ex.setting()) {
                case "samples" -> "--samples: " + ex.detail() + "; see juror stats for what the workspace holds";
                case "selection" -> "no rollouts to judge in workspace " + workspace.directory()
                        + "; import samples first (juror import FILE)";
                case "pairs" -> rubricFile + " is pairwise: pairs " + ex.detail();
                default -> "--" + ex.setting() + " " + ex.detail();
            }, ex);
        } catch (PriceTableException ex) {
            throw new UserInputException(prices != null ? "--prices " + ex.getMessage() : ex.getMessage(), ex);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (e.pricesCreated()) {
            ExportSupport.reportPricesCreated(Optional.of(e.pricesSource()), err);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(e)));
        } else {
            print(e, out);
        }
        out.flush();
        return CliRunner.OK;
    }

    private static void print(Estimate e, PrintWriter out) {
        out.println("rubric " + e.rubricName() + " version " + e.rubricVersion() + ", judge " + e.model());
        out.println("calls: " + e.calls() + " (" + e.items() + " prompts x " + e.repeats() + " repeat"
                + (e.repeats() == 1 ? "" : "s") + ")");
        out.println(String.format(Locale.ROOT, "tokens per call: input ~%,.0f (longest %,d), output %s%,.0f",
                e.inputTokensPerCall(), e.maxInputTokens(), e.outputMeasured() ? "~" : "at most ",
                e.outputTokensPerCall()));
        out.println("  (" + e.tokensBasis() + ")");
        String label = e.cost().examplePrices() ? " (EXAMPLE prices)" : "";
        out.println("on demand: " + money(e.cost().onDemand(), e.currency()) + label);
        out.println("batch:     " + money(e.cost().batch(), e.currency()) + label);
        out.println(e.batchMinimumLine());
        out.println("prices: " + e.pricesSource());
        if (e.leftOutWithoutComments() > 0) {
            out.println("left out: " + e.leftOutWithoutComments() + " rollouts without comments to grade");
        }
        if (e.leftOutSingleRollout() > 0) {
            out.println("left out: " + e.leftOutSingleRollout() + " samples with a single rollout");
        }
    }

    private static String money(JudgeRunCost.Amount amount, String currency) {
        return switch (amount) {
            case JudgeRunCost.Amount.Known k -> String.format(Locale.ROOT, "%,.2f %s (%.6f per call)", k.total(),
                    currency, k.perCall());
            case JudgeRunCost.Amount.Unknown u -> u.reason();
        };
    }

    private static ObjectNode json(Estimate e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rubric", e.rubricName()).put("rubric_version", e.rubricVersion()).put("model", e.model());
        o.put("items", e.items()).put("repeats", e.repeats()).put("calls", e.calls());
        ObjectNode tokens = o.putObject("tokens_per_call");
        tokens.put("input", e.inputTokensPerCall()).put("input_max", e.maxInputTokens())
                .put("input_source", "estimated").put("output", e.outputTokensPerCall())
                .put("output_source", e.outputMeasured() ? "measured" : "max_tokens").put("basis", e.tokensBasis());
        ObjectNode cost = o.putObject("cost");
        cost.put("currency", e.currency()).put("example_prices", e.cost().examplePrices())
                .put("prices", e.pricesSource());
        amount(cost.putObject("on_demand"), e.cost().onDemand());
        amount(cost.putObject("batch"), e.cost().batch());
        o.putObject("batch").put("minimum_records", JudgeRunCost.BATCH_MINIMUM_RECORDS)
                .put("records", e.calls()).put("meets_minimum", e.cost().meetsBatchMinimum());
        o.putObject("left_out").put("rollouts_without_comments", e.leftOutWithoutComments())
                .put("samples_with_one_rollout", e.leftOutSingleRollout());
        return o;
    }

    private static void amount(ObjectNode node, JudgeRunCost.Amount amount) {
        switch (amount) {
            case JudgeRunCost.Amount.Known k -> node.put("known", true).put("per_call", k.perCall())
                    .put("total", k.total());
            case JudgeRunCost.Amount.Unknown u -> node.put("known", false).put("reason", u.reason());
        }
    }
}
