package dev.juror.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricYamlTest {

    private static RubricException refused(String yaml) {
        try {
            TestRubrics.read(yaml);
        } catch (RubricException e) {
            return e;
        }
        throw new AssertionError("rubric was accepted:\n" + yaml);
    }

    private static List<String> paths(RubricException e) {
        return e.problems().stream().map(Problem::path).toList();
    }

    @Test
    void minimalRubricGetsEveryDefault() throws Exception {
        Rubric r = TestRubrics.minimal();
        assertThat(r.unit()).isEqualTo(Unit.RESPONSE);
        assertThat(r.mode()).isEqualTo(Mode.POINTWISE);
        assertThat(r.dimensions()).extracting(Dimension::weight).containsExactly(1.0, 1.0);
        assertThat(r.dimensions()).extracting(Dimension::dealBreaker).containsExactly(false, false);
        assertThat(r.aggregation()).isEqualTo(Aggregation.DEFAULT);
        assertThat(r.judge().temperature()).isZero();
        assertThat(r.judge().maxTokens()).isEqualTo(JudgeModelSettings.DEFAULT_MAX_TOKENS);
        assertThat(r.judge().topP()).isEmpty();
        assertThat(r.validation()).isEqualTo(ValidationThresholds.DEFAULT);
        assertThat(r.checks()).isEqualTo(Checks.DEFAULT);
        assertThat(r.checks().neutralReward()).isEqualTo(0.5);
        assertThat(r.scale()).isEqualTo(new Scale.IntegerScale(1, 3));
        assertThat(r.dimensions().get(0).levels().keySet()).containsExactly("3", "2", "1");
    }

    @Test
    void readsTheContractReviewRubricWithAllLevelsWrittenOut() throws Exception {
        Rubric r = TestRubrics.shipped("contract-review.yaml");
        assertThat(r.unit()).isEqualTo(Unit.COMMENT);
        assertThat(r.dimensionNames())
                .containsExactly("TargetDocument_Grounding", "Reference_Consistency", "Actionability");
        for (Dimension d : r.dimensions()) {
            assertThat(d.levels().keySet()).containsExactly("5", "4", "3", "2", "1");
            assertThat(d.levels().values()).allSatisfy(text -> assertThat(text).hasSizeGreaterThan(40));
            assertThat(d.levels().values()).doesNotHaveDuplicates();
        }
        Dimension grounding = r.dimension("TargetDocument_Grounding").orElseThrow();
        assertThat(grounding.dealBreaker()).isTrue();
        assertThat(grounding.mandatoryRules().get(0)).contains("quotes the Reference").contains("score 1");
        assertThat(r.checks().injection().actionFor("html_comment")).isEqualTo(InjectionAction.FLAG);
        assertThat(r.checks().injection().actionFor("anything_else")).isEqualTo(InjectionAction.FLOOR);
        assertThat(r.checks().length().maxChars()).hasValue(40000);
    }

    @Test
    void writingThenReadingGivesAnEqualRubric() throws Exception {
        RubricYaml yaml = new RubricYaml();
        for (String file : List.of("contract-review.yaml", "boolean-checklist.yaml", "pairwise-preference.yaml")) {
            Rubric r = TestRubrics.shipped(file);
            String written = yaml.write(r);
            assertThat(yaml.read(written, file)).as(file).isEqualTo(r);
        }
        Rubric withTopP = TestRubrics.read(TestRubrics.MINIMAL + "  top_p: 0.9\n");
        assertThat(yaml.read(yaml.write(withTopP), "x")).isEqualTo(withTopP);
    }

    @Test
    void writesToAFileAndReadsItBack(@TempDir Path dir) throws Exception {
        Rubric r = TestRubrics.shipped("boolean-checklist.yaml");
        Path file = dir.resolve("copy.yaml");
        new RubricYaml().write(r, file);
        assertThat(new RubricYaml().read(file)).isEqualTo(r);
    }

    @Test
    void unknownKeyIsRefusedWithItsPathAndTheNearestKnownKey() {
        RubricException e = refused(TestRubrics.MINIMAL + "  max_token: 100\n");
        assertThat(paths(e)).containsExactly("judge.max_token");
        assertThat(e.getMessage()).contains("test.yaml").contains("unknown key").contains("did you mean 'max_tokens'");
    }

    @Test
    void missingLevelIsNamedByItsPath() {
        RubricException e = refused(TestRubrics.MINIMAL.replace("      2: Partly correct.\n", ""));
        assertThat(paths(e)).containsExactly("dimensions[0].levels.2");
        assertThat(e.getMessage()).contains("missing description for level 2").contains("3, 2, 1");
    }

    @Test
    void levelOutsideTheScaleIsRefused() {
        RubricException e = refused(TestRubrics.MINIMAL.replace("      1: Unclear.\n", "      1: Unclear.\n      4: Extra.\n"));
        assertThat(paths(e)).containsExactly("dimensions[1].levels.4");
        assertThat(e.getMessage()).contains("not a level of scale 1-3");
    }

    @Test
    void booleanScaleNeedsPassAndFail() {
        String yaml = """
                name: b
                objective: o
                dimensions:
                  - name: Ok
                    question: q
                    scale: boolean
                    levels:
                      pass: fine
                judge:
                  model_id: m
                """;
        RubricException e = refused(yaml);
        assertThat(paths(e)).containsExactly("dimensions[0].levels.fail");
    }

    @Test
    void duplicateDimensionNamesAreRefused() {
        RubricException e = refused(TestRubrics.MINIMAL.replace("name: Clarity", "name: Accuracy"));
        assertThat(paths(e)).containsExactly("dimensions[1].name");
        assertThat(e.getMessage()).contains("duplicate dimension name 'Accuracy'").contains("dimensions[0]");
    }

    @Test
    void emptyOrMissingDimensionListIsRefused() {
        assertThat(paths(refused("name: x\nobjective: o\ndimensions: []\njudge:\n  model_id: m\n")))
                .containsExactly("dimensions");
        assertThat(paths(refused("name: x\nobjective: o\njudge:\n  model_id: m\n"))).containsExactly("dimensions");
    }

    @Test
    void weightMustBePositive() {
        for (String weight : List.of("0", "-1", "abc")) {
            RubricException e = refused(TestRubrics.MINIMAL.replace("    scale: 1-3\n    levels:\n      3: Clear.",
                    "    scale: 1-3\n    weight: " + weight + "\n    levels:\n      3: Clear."));
            assertThat(paths(e)).as(weight).containsExactly("dimensions[1].weight");
        }
    }

    @Test
    void badEnumValuesListTheAllowedOnes() {
        RubricException e = refused(TestRubrics.MINIMAL + "unit: paragraph\nmode: ranking\n");
        assertThat(paths(e)).containsExactly("unit", "mode");
        assertThat(e.getMessage()).contains("comment, response").contains("pointwise, pairwise");
    }

    @Test
    void reversedOrBadScalesAreRefused() {
        assertThat(refused(TestRubrics.MINIMAL.replace("scale: 1-3\n    levels:\n      3: Fully", "scale: 3-1\n    levels:\n      3: Fully"))
                .getMessage()).contains("dimensions[0].scale").contains("min 3 >= max 1");
        assertThat(refused(TestRubrics.MINIMAL.replace("scale: 1-3\n    levels:\n      3: Fully", "scale: stars\n    levels:\n      3: Fully"))
                .getMessage()).contains("dimensions[0].scale").contains("not recognised");
    }

    @Test
    void minCharsAboveMaxCharsIsRefused() {
        RubricException e = refused(TestRubrics.MINIMAL + "checks:\n  length:\n    min_chars: 500\n    max_chars: 100\n");
        assertThat(paths(e)).containsExactly("checks.length.min_chars");
        assertThat(e.getMessage()).contains("greater than max_chars 100");
    }

    @Test
    void maxCommentsIsReadWrittenBackAndLeavesOtherRubricsVersionsAlone() throws Exception {
        Rubric plain = TestRubrics.read(TestRubrics.MINIMAL);
        assertThat(plain.checks().length().maxComments()).isEmpty();
        Rubric limited = TestRubrics.read(TestRubrics.MINIMAL + "checks:\n  length:\n    max_comments: 12\n");
        assertThat(limited.checks().length().maxComments()).hasValue(12);
        assertThat(new RubricYaml().read(new RubricYaml().write(limited), "w.yaml")).isEqualTo(limited);
        assertThat(CanonicalForm.version(limited)).isNotEqualTo(CanonicalForm.version(plain));
        // Absent from the canonical form when unset: a rubric without it keeps its version.
        assertThat(new RubricYaml().write(plain)).doesNotContain("max_comments");
        RubricException e = refused(TestRubrics.MINIMAL + "checks:\n  length:\n    max_comments: 0\n");
        assertThat(paths(e)).containsExactly("checks.length.max_comments");
    }

    @Test
    void outOfRangeNumbersAreRefused() {
        RubricException e = refused(TestRubrics.MINIMAL + "  temperature: 1.5\n  max_tokens: 0\n"
                + "checks:\n  neutral_reward: 2\n  injection:\n    default_action: explode\n");
        assertThat(paths(e)).containsExactlyInAnyOrder("judge.temperature", "judge.max_tokens",
                "checks.neutral_reward", "checks.injection.default_action");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        String yaml = TestRubrics.MINIMAL
                .replace("      2: Partly correct.\n", "")
                .replace("name: Clarity", "name: Accuracy")
                .replace("objective: Grade the answer.\n", "")
                + "  colour: blue\n";
        RubricException e = refused(yaml);
        assertThat(paths(e)).containsExactlyInAnyOrder("objective", "dimensions[0].levels.2", "dimensions[1].name",
                "judge.colour");
        assertThat(e.lines()).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("test.yaml: "));
    }

    @Test
    void allDimensionsShareOneScale() {
        String yaml = TestRubrics.MINIMAL.replace("""
                    scale: 1-3
                    levels:
                      3: Clear.
                      2: Somewhat clear.
                      1: Unclear.
                """, """
                    scale: boolean
                    levels:
                      pass: Clear.
                      fail: Unclear.
                """);
        RubricException e = refused(yaml);
        assertThat(paths(e)).containsExactly("dimensions[1].scale");
        assertThat(e.getMessage()).contains("share one scale");
    }

    @Test
    void invalidYamlAndDuplicateKeysAreRefusedWithALine() {
        assertThat(refused("name: x\n  objective: [\n").getMessage()).contains("not valid YAML").contains("line");
        assertThat(refused(TestRubrics.MINIMAL + "name: again\n").getMessage()).contains("Duplicate field 'name'");
        assertThat(refused("").getMessage()).contains("empty");
    }

    @Test
    void perDimensionThresholdsMustNameADimensionAndInheritTheDefaults() throws Exception {
        RubricException e = refused(TestRubrics.MINIMAL
                + "validation:\n  per_dimension:\n    Acuracy:\n      min_items: 80\n");
        assertThat(paths(e)).containsExactly("validation.per_dimension.Acuracy");

        Rubric r = TestRubrics.read(TestRubrics.MINIMAL
                + "validation:\n  min_items: 60\n  max_flip_rate: 0.2\n  per_dimension:\n    Accuracy:\n      min_items: 80\n");
        assertThat(r.validation().forDimension("Accuracy").minItems()).isEqualTo(80);
        assertThat(r.validation().forDimension("Accuracy").maxFlipRate()).isEqualTo(0.2);
        assertThat(r.validation().forDimension("Clarity").minItems()).isEqualTo(60);
    }

    @Test
    void pairwiseRubricsUsePreferenceScaleOnWholeResponses() throws Exception {
        Rubric r = TestRubrics.shipped("pairwise-preference.yaml");
        assertThat(r.scale()).isInstanceOf(Scale.PreferenceScale.class);
        assertThat(r.dimensions().get(0).levels().keySet()).containsExactly("better", "tie");

        String text = TestRubrics.shippedText("pairwise-preference.yaml").replace("unit: response", "unit: comment");
        assertThat(paths(refused(text))).containsExactly("unit");
        RubricException pointwisePreference = refused(TestRubrics.MINIMAL.replace("scale: 1-3\n    levels:\n      3: Fully",
                "scale: preference\n    levels:\n      3: Fully"));
        assertThat(paths(pointwisePreference)).contains("dimensions[0].scale");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> new RubricYaml().read(Path.of("no-such-rubric.yaml")))
                .isInstanceOf(RubricException.class)
                .hasMessageContaining("no-such-rubric.yaml").hasMessageContaining("not found");
    }

    @Test
    void dimensionNamesMustBeUsableAsJsonKeys() {
        assertThat(refused(TestRubrics.MINIMAL.replace("name: Clarity", "name: \"Clarity score\"")).getMessage())
                .contains("dimensions[1].name");
        assertThat(refused(TestRubrics.MINIMAL.replace("name: Clarity", "name: Comment_Score")).getMessage())
                .contains("reserved");
    }
}
