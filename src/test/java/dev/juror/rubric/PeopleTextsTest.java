package dev.juror.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The people-only texts of a dimension ({@code display_name}, {@code people_question}): read,
 * written back, shown at the desk, and invisible to the judge (prompt, output schema, version).
 */
class PeopleTextsTest {

    private static final String WITH_TEXTS = TestRubrics.MINIMAL.replace("""
              - name: Accuracy
                question: Is the answer correct?
            """, """
              - name: Accuracy
                display_name: The answer is right
                question: Is the answer correct?
                people_question: >
                  Would you sign off on this answer
                  as it stands?
            """);

    private static String judgeSees(Rubric rubric) {
        RenderedPrompt p = new PromptRenderer(new SplittableRandom(5)).render(rubric,
                PromptInputs.pointwise("policy", "target", "reference", "prediction"));
        return p.system() + p.userPrefix() + p.userSuffix();
    }

    @Test
    void areReadAndWrittenBackAndEqualAfterARoundTrip() throws Exception {
        Rubric rubric = TestRubrics.read(WITH_TEXTS);
        Dimension accuracy = rubric.dimensions().get(0);
        assertThat(accuracy.displayName()).isEqualTo("The answer is right");
        assertThat(accuracy.peopleQuestion()).isEqualTo("Would you sign off on this answer as it stands?");
        assertThat(accuracy.shownName()).isEqualTo("The answer is right");
        assertThat(accuracy.shownQuestion()).isEqualTo("Would you sign off on this answer as it stands?");

        RubricYaml yaml = new RubricYaml();
        String written = yaml.write(rubric);
        assertThat(written).contains("display_name: The answer is right")
                .contains("people_question: Would you sign off on this answer as it stands?");
        assertThat(yaml.read(written, "w.yaml")).isEqualTo(rubric);
    }

    @Test
    void withoutThemTheKeyAndTheJudgesQuestionAreShownAndNothingIsWritten() throws Exception {
        Rubric plain = TestRubrics.read(TestRubrics.MINIMAL);
        Dimension accuracy = plain.dimensions().get(0);
        assertThat(accuracy.displayName()).isEmpty();
        assertThat(accuracy.shownName()).isEqualTo("Accuracy");
        assertThat(accuracy.shownQuestion()).isEqualTo("Is the answer correct?");
        assertThat(new RubricYaml().write(plain)).doesNotContain("display_name").doesNotContain("people_question");
    }

    @Test
    void changeNeitherThePromptNorTheJudgesJsonKeysNorTheVersion() throws Exception {
        Rubric plain = TestRubrics.read(TestRubrics.MINIMAL);
        Rubric withTexts = TestRubrics.read(WITH_TEXTS);
        assertThat(withTexts).isNotEqualTo(plain);
        assertThat(judgeSees(withTexts)).isEqualTo(judgeSees(plain))
                .doesNotContain("The answer is right").doesNotContain("sign off");
        assertThat(OutputSchema.of(withTexts).schema()).isEqualTo(OutputSchema.of(plain).schema());
        assertThat(CanonicalForm.json(withTexts)).isEqualTo(CanonicalForm.json(plain));
        assertThat(CanonicalForm.version(withTexts)).isEqualTo(CanonicalForm.version(plain));
    }

    @Test
    void theShippedRubricsNameEveryDimensionForPeopleAndKeepTheirVersions() throws Exception {
        for (String file : List.of("contract-review.yaml", "boolean-checklist.yaml", "pairwise-preference.yaml")) {
            Rubric shipped = TestRubrics.shipped(file);
            assertThat(shipped.dimensions()).as(file).allSatisfy(d -> {
                assertThat(d.displayName()).isNotEmpty().doesNotContain("_");
                assertThat(d.peopleQuestion()).isNotEmpty().doesNotContain("_").doesNotContain("TargetDocument");
            });
        }
        // The version recorded with every label and judge score of the seeded workspaces.
        assertThat(CanonicalForm.version(TestRubrics.shipped("contract-review.yaml"))).isEqualTo("1081aa34ffd6");
        assertThat(TestRubrics.shipped("contract-review.yaml").dimensions().get(0).shownName())
                .isEqualTo("Accurate quote, real issue");
    }

    @Test
    void aDisplayNameOnTwoLinesOrNotTextIsRefusedWithItsPath() {
        String twoLines = TestRubrics.MINIMAL.replace("    question: Is it clear?\n",
                "    question: Is it clear?\n    display_name: |\n      Clear\n      answer\n");
        assertThatThrownBy(() -> TestRubrics.read(twoLines)).isInstanceOf(RubricException.class)
                .satisfies(e -> assertThat(((RubricException) e).problems()).extracting(Problem::path)
                        .containsExactly("dimensions[1].display_name"));
        String notText = TestRubrics.MINIMAL.replace("    question: Is it clear?\n",
                "    question: Is it clear?\n    people_question: [a, b]\n");
        assertThatThrownBy(() -> TestRubrics.read(notText)).isInstanceOf(RubricException.class)
                .satisfies(e -> assertThat(((RubricException) e).problems()).extracting(Problem::path)
                        .containsExactly("dimensions[1].people_question"));
    }
}
