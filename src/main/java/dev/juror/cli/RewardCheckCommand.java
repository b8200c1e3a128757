package dev.juror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.reward.CompositeReward;
import dev.juror.reward.RewardConfig;
import dev.juror.reward.RewardConfigException;
import dev.juror.reward.RewardInput;
import dev.juror.reward.RewardMetric;
import dev.juror.reward.RewardOutcome;
import dev.juror.rubric.Rubric;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code juror reward check}: the deterministic part of the composite reward (no judge call):
 * which rules fired, which are flagged for review, whether the reward is floored, and the metrics.
 * Exit 0 whatever the verdict (the verdict is the answer); 2 for unreadable files or a bad rubric.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Run the deterministic reward checks (format, grounding, length, language, safety, "
                + "injection) of a rubric on one prediction, without calling the judge.")
public final class RewardCheckCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--rubric", required = true, paramLabel = "FILE", description = "rubric YAML (its checks section)")
    Path rubricFile;

    @Option(names = "--prediction", required = true, paramLabel = "FILE", description = "the policy's output (UTF-8)")
    Path predictionFile;

    @Option(names = "--target", paramLabel = "FILE", description = "the target document, for excerpt grounding")
    Path targetFile;

    @Option(names = "--reference", paramLabel = "FILE", description = "the reference document")
    Path referenceFile;

    @Option(names = "--reference-answer", paramLabel = "FILE",
            description = "the sample's reference_answer as JSON (CUAD clauses or expert comments)")
    Path referenceAnswerFile;

    @Option(names = "--json", description = "print {floored, flags, metrics, judge, detail} as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Rubric> rubric = RubricFiles.load(rubricFile, spec.commandLine().getErr());
        if (rubric.isEmpty()) {
            return CliRunner.BAD_INPUT;
        }
        RewardConfig config;
        try {
            config = RewardConfig.fromRubric(rubric.get());
        } catch (RewardConfigException e) {
            throw new UserInputException(rubricFile + ": " + e.getMessage(), e);
        }
        String prediction = RubricFiles.readText(predictionFile, "--prediction");
        String target = targetFile == null ? "" : RubricFiles.readText(targetFile, "--target");
        String reference = referenceFile == null ? "" : RubricFiles.readText(referenceFile, "--reference");
        String answer = referenceAnswerFile == null ? "" : RubricFiles.readText(referenceAnswerFile, "--reference-answer");
        RewardInput input = new RewardInput("", target, reference, answer, prediction, referenceFile == null);
        RewardOutcome outcome = new CompositeReward(config, (i, k) -> {
            throw new IllegalStateException("reward check never calls the judge");
        }).checksOnly(input);
        if (json) {
            out.println(JSON.writeValueAsString(toJson(outcome)));
        } else {
            out.println(outcome.floored() ? "FLOORED: reward 0 (" + outcome.detail() + ")"
                    : CompositeReward.NOT_ASKED.equals(outcome.judgeStatus()) ? "PASSED: the judge would be asked"
                    : "DECIDED without the judge: reward " + outcome.reward() + " (" + outcome.detail() + ")");
            if (!outcome.flags().isEmpty()) {
                out.println("flagged for review: " + String.join(", ", outcome.flags()));
            }
            for (RewardMetric m : outcome.metrics()) {
                out.println("  " + m.name() + " = " + format(m.value()));
            }
        }
        out.flush();
        return CliRunner.OK;
    }

    private static ObjectNode toJson(RewardOutcome outcome) {
        ObjectNode node = JSON.createObjectNode();
        node.put("floored", outcome.floored());
        node.putPOJO("flags", outcome.flags());
        ObjectNode metrics = node.putObject("metrics");
        outcome.metrics().forEach(m -> metrics.put(m.name(), m.value()));
        node.put("judge", outcome.judgeStatus());
        if (!CompositeReward.NOT_ASKED.equals(outcome.judgeStatus())) {
            node.put("reward", outcome.reward());
        }
        node.put("detail", outcome.detail());
        return node;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 10_000) / 10_000.0);
    }
}
