package dev.juror.bench;

import dev.juror.rubric.OutputSchema;
import dev.juror.rubric.PromptInputs;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-judge-call cost of the rubric package: rendering a prompt (30 KB contract) and validating a
 * three-comment answer against the cached output schema. Budget: under 2 ms per call together.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RubricJudgeCallBenchmark {

    private Rubric rubric;
    private OutputSchema schema;
    private PromptRenderer renderer;
    private PromptInputs inputs;
    private String answer;

    @Setup
    public void setUp() throws Exception {
        rubric = new RubricYaml().read(Path.of("rubrics/contract-review.yaml"));
        schema = OutputSchema.of(rubric);
        renderer = new PromptRenderer(new SplittableRandom(1));
        String contract = "7.2 The Supplier's liability under this Agreement shall be unlimited. ".repeat(450);
        inputs = PromptInputs.pointwise("Review the contract.", contract, "Cap liability at 12 months' fees. ".repeat(100),
                "{\"comments\": [{\"comment_id\": \"c1\", \"text_excerpt\": \"7.2 The Supplier's liability\"}]}");
        StringBuilder a = new StringBuilder("{\"comments\": [");
        for (int i = 1; i <= 3; i++) {
            a.append(i > 1 ? "," : "").append("{\"comment_id\": \"c").append(i).append("\",")
                    .append("\"TargetDocument_Grounding\": {\"score\": 5, \"justification\": \"Exact quote.\", \"supporting_evidence\": \"7.2\"},")
                    .append("\"Reference_Consistency\": {\"score\": 4, \"justification\": \"Playbook.\"},")
                    .append("\"Actionability\": {\"score\": 4, \"justification\": \"Cap.\"}, \"Comment_Score\": 4.33}");
        }
        answer = a.append("], \"Aggregate_Score\": {\"score\": 4.33, \"total_comments\": 3, \"rationale\": \"ok\"}}").toString();
        if (!schema.validate(answer).isEmpty()) {
            throw new IllegalStateException("benchmark answer is invalid: " + schema.validate(answer));
        }
    }

    @Benchmark
    public RenderedPrompt render() {
        return renderer.render(rubric, inputs);
    }

    @Benchmark
    public Object validate() {
        return schema.validate(answer);
    }
}
