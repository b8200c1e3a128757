package dev.juror.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rubric shipped in rubrics/ loads, validates, derives a schema and renders. */
class ShippedRubricsTest {

    @Test
    void theThreeShippedRubricsAreValidAndUsable() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestRubrics.SHIPPED)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("contract-review.yaml", "boolean-checklist.yaml", "pairwise-preference.yaml");
        for (Path file : files) {
            Rubric r = new RubricYaml().read(file);
            assertThat(r.name()).as(file.toString()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
            assertThat(CanonicalForm.version(r)).matches("[0-9a-f]{12}");
            assertThat(r.judge().temperature()).isZero();
            assertThat(r.judge().modelId()).isNotBlank();
            OutputSchema schema = OutputSchema.of(r);
            assertThat(schema.validate("{}")).isNotEmpty();
            PromptInputs inputs = r.mode() == Mode.PAIRWISE
                    ? PromptInputs.pairwise("s", "t", "r", "a", "b")
                    : PromptInputs.pointwise("s", "t", "r", "p");
            RenderedPrompt p = new PromptRenderer(new SplittableRandom(1)).render(r, inputs);
            assertThat(p.system()).contains(r.dimensions().get(0).name());
        }
    }

    @Test
    void contractReviewMatchesTheArticle() throws Exception {
        Rubric r = TestRubrics.shipped("contract-review.yaml");
        assertThat(r.scale()).isEqualTo(new Scale.IntegerScale(1, 5));
        assertThat(r.dimensions()).allSatisfy(d -> assertThat(d.weight()).isEqualTo(1.0));
        // Comment_Score = mean of the three dimensions (the article's example: 5, 4, 4 -> 4.33).
        assertThat(r.commentScore(java.util.Map.of("TargetDocument_Grounding", 5.0, "Reference_Consistency", 4.0,
                "Actionability", 4.0))).isCloseTo(4.333, org.assertj.core.data.Offset.offset(0.001));
        assertThat(OutputSchema.of(r).validate(OutputSchemaTest.ARTICLE_ANSWER)).isEmpty();
    }
}
