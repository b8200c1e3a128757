package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.lambda.LambdaConfig;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.FewShotExample;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rubric with fixed examples (judge alignment's few-shot candidates) exports self-contained: the prompt
 * bundle's system prompt holds the examples and its rubric.yaml keeps them and the version; the Lambda's
 * configuration carries the same rubric and a system prompt that the Lambda, rendering from that rubric,
 * finds equal (the check RewardRuntime makes at cold start).
 */
class FewShotExportTest {

    private static final String MODEL = "amazon.nova-pro-v1:0";

    @TempDir
    Path dir;

    private static Rubric withExamples() throws Exception {
        Rubric rubric = new RubricYaml().read(Path.of("rubrics", "contract-review.yaml"));
        Map<String, Integer> scores = new LinkedHashMap<>();
        rubric.dimensionNames().forEach(n -> scores.put(n, 2));
        return rubric.withExamples(List.of(new FewShotExample("c7: Clause 12 is unfair. Action: review it.",
                "12. Either party may terminate on 30 days' notice.", scores, "Vague: no wording to insert.")));
    }

    @Test
    void thePromptBundleCarriesTheExamples() throws Exception {
        Rubric rubric = withExamples();
        String yaml = new RubricYaml().write(rubric);
        PromptBundleExporter.export(rubric, yaml, MODEL, false, dir);

        String system = Files.readString(dir.resolve("system-prompt.txt"), StandardCharsets.UTF_8);
        assertThat(system).contains("# Scored examples").contains("c7: Clause 12 is unfair. Action: review it.")
                .contains("Why: Vague: no wording to insert.");
        Rubric exported = new RubricYaml().read(dir.resolve("rubric.yaml"));
        assertThat(exported.examples()).isEqualTo(rubric.examples());
        assertThat(CanonicalForm.version(exported)).isEqualTo(CanonicalForm.version(rubric));
        assertThat(Files.readString(dir.resolve("prompt-settings.json"))).contains(CanonicalForm.version(rubric));
    }

    @Test
    void theLambdaConfigurationCarriesTheExamplesAndItsPromptMatchesTheRubric() throws Exception {
        Rubric rubric = withExamples();
        String yaml = new RubricYaml().write(rubric);
        String system = PromptRenderer.secure().systemPrompt(rubric);
        LambdaConfig config = LambdaConfig.fromJson(
                LambdaConfig.defaults(yaml, CanonicalForm.version(rubric), system, MODEL).toJson());

        Rubric inLambda = new RubricYaml().read(config.rubricYaml(), LambdaConfig.RESOURCE);
        assertThat(inLambda.examples()).hasSize(1);
        assertThat(PromptRenderer.secure().systemPrompt(inLambda)).isEqualTo(config.systemPrompt())
                .contains("<example_1>");
    }
}
