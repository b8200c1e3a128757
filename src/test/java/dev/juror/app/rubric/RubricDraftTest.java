package dev.juror.app.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Problem;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor's draft round trip, its strict check with paths, the path-to-field mapping, undo and the diff. */
class RubricDraftTest {

    private static final Path CONTRACT_REVIEW = Path.of("rubrics", "contract-review.yaml");
    private final DraftYaml yaml = new DraftYaml();

    @Test
    void anUneditedDraftIsTheSameRubricWithTheSameVersion() throws Exception {
        for (String file : List.of("contract-review.yaml", "boolean-checklist.yaml", "pairwise-preference.yaml")) {
            Rubric rubric = new RubricYaml().read(Path.of("rubrics", file));
            DraftYaml.Validation checked = yaml.validate(yaml.draftOf(rubric), file);
            assertThat(checked.problems()).as(file).isEmpty();
            assertThat(checked.rubric()).as(file).contains(rubric);
            assertThat(CanonicalForm.version(checked.rubric().get())).isEqualTo(CanonicalForm.version(rubric));
        }
    }

    @Test
    void fixedExamplesSurviveTheFormInTheAdvancedArea() throws Exception {
        Rubric rubric = new RubricYaml().read(CONTRACT_REVIEW);
        java.util.Map<String, Integer> scores = new java.util.LinkedHashMap<>();
        rubric.dimensionNames().forEach(n -> scores.put(n, 4));
        Rubric aligned = rubric.withExamples(List.of(
                new dev.juror.rubric.FewShotExample("c1: clause 9 caps liability", "", scores, "quotes the clause")));

        RubricDraft draft = yaml.draftOf(aligned);
        assertThat(draft.advanced()).contains("examples:").contains("clause 9 caps liability");
        DraftYaml.Validation checked = yaml.validate(draft, "aligned.yaml");
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.rubric()).contains(aligned);
    }

    @Test
    void theNameAndQuestionForPeopleAreEditedWithoutANewVersion() throws Exception {
        Rubric rubric = new RubricYaml().read(CONTRACT_REVIEW);
        RubricDraft draft = yaml.draftOf(rubric);
        assertThat(draft.dimensions().get(0).displayName()).isEqualTo("Accurate quote, real issue");
        assertThat(draft.dimensions().get(0).peopleQuestion()).startsWith("Does the comment quote the contract");

        DraftYaml.Validation edited = yaml.validate(draft.editDimension(0, d -> d.withDisplayName("Quote and issue")
                .withPeopleQuestion("Is the quote exact and the issue real?")), "contract-review.yaml");
        assertThat(edited.problems()).isEmpty();
        assertThat(edited.rubric().orElseThrow().dimensions().get(0).shownName()).isEqualTo("Quote and issue");
        assertThat(edited.yaml()).contains("display_name: Quote and issue")
                .contains("people_question: Is the quote exact and the issue real?");
        assertThat(CanonicalForm.version(edited.rubric().orElseThrow())).isEqualTo(CanonicalForm.version(rubric));

        // Emptied boxes write no key: the desk falls back to the key and the judge's question.
        DraftYaml.Validation cleared = yaml.validate(draft.editDimension(0, d -> d.withDisplayName("")
                .withPeopleQuestion("")), "contract-review.yaml");
        assertThat(cleared.yaml()).doesNotContain("display_name: Accurate");
        assertThat(cleared.rubric().orElseThrow().dimensions().get(0).shownName()).isEqualTo("TargetDocument Grounding");
        var fields = FieldPaths.of(draft);
        assertThat(FieldPaths.fieldFor("dimensions[0].display_name", fields)).isEqualTo("dimensions[0].display_name");
    }

    @Test
    void badValuesComeBackWithTheirPathsAndLandOnTheirFields() throws Exception {
        RubricDraft draft = yaml.draftOf(new RubricYaml().read(CONTRACT_REVIEW))
                .editDimension(1, d -> d.withLevel("3", "  ").withWeight("heavy"))
                .edit(b -> b.advanced = "judge:\n  model_id: x\n  max_token: 5\n");
        DraftYaml.Validation checked = yaml.validate(draft, "contract-review.yaml");
        assertThat(checked.valid()).isFalse();
        assertThat(checked.problems()).extracting(Problem::path)
                .contains("dimensions[1].levels.3", "dimensions[1].weight", "judge.max_token");
        var fields = FieldPaths.of(draft);
        assertThat(FieldPaths.fieldFor("dimensions[1].levels.3", fields)).isEqualTo("dimensions[1].levels.3");
        assertThat(FieldPaths.fieldFor("dimensions[1].weight", fields)).isEqualTo("dimensions[1].weight");
        assertThat(FieldPaths.fieldFor("judge.max_token", fields)).isEqualTo(DraftYaml.ADVANCED);
        assertThat(FieldPaths.fieldFor("edge_cases[2]", fields)).isEqualTo("edge_cases");
        assertThat(FieldPaths.fieldFor("dimensions[0].mandatory_rules[1]", fields))
                .isEqualTo("dimensions[0].mandatory_rules");
        assertThat(FieldPaths.fieldFor("", fields)).isEqualTo(FieldPaths.GENERAL);
    }

    @Test
    void unreadableYamlInTheAdvancedAreaIsReportedThere() throws Exception {
        RubricDraft draft = yaml.draftOf(new RubricYaml().read(CONTRACT_REVIEW))
                .edit(b -> b.advanced = "judge: [unclosed\n");
        assertThat(yaml.validate(draft, "x").problems()).extracting(Problem::path).containsExactly(DraftYaml.ADVANCED);
        RubricDraft stray = draft.edit(b -> b.advanced = "objective: twice\n");
        assertThat(yaml.validate(stray, "x").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'objective' does not belong here"));
    }

    @Test
    void aNewScaleGivesOneLevelBoxPerLevelKeepingTextsThatRemain() {
        DimensionDraft d = DimensionDraft.blank("X", "1-3").withLevel("3", "best").withLevel("1", "worst");
        DimensionDraft wider = d.withScale("1-5");
        assertThat(wider.levels()).extracting(LevelText::key).containsExactly("5", "4", "3", "2", "1");
        assertThat(wider.levels()).extracting(LevelText::text).containsExactly("", "", "best", "", "worst");
        assertThat(wider.withScale("1-").levels()).isEqualTo(wider.levels());
        assertThat(d.withScale("boolean").levels()).extracting(LevelText::key).containsExactly("pass", "fail");
    }

    @Test
    void typingInOneFieldUndoesAsOneStepAndAnotherFieldStartsANewOne() {
        EditHistory<String> history = new EditHistory<>();
        history.record("a", "objective", 0);
        history.record("ab", "objective", 100);
        history.record("abc", "approach", 200);
        assertThat(history.undo("abcd")).contains("abc");
        assertThat(history.undo("abc")).contains("a");
        assertThat(history.canUndo()).isFalse();
        assertThat(history.redo("a")).contains("abc");
        history.record("x", "objective", 10_000);
        assertThat(history.canRedo()).isFalse();
    }

    @Test
    void theLineDiffKeepsCommonLinesAndMarksTheRest() {
        List<LineDiff.Line> diff = LineDiff.of("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");
        assertThat(diff).extracting(LineDiff.Line::toString)
                .containsExactly("  a", "- b", "+ B", "  c", "  d", "+ e");
        assertThat(LineDiff.unified(LineDiff.of("1\n2\n3\n4\n5\n6\n7\n", "1\n2\n3\n4\n5\n6\nX\n"), 1))
                .containsExactly("...", "  6", "- 7", "+ X");
    }

    @Test
    void thePreviewMarksSectionsTagsAndPlaceholders() {
        Preview p = Preview.of("=== System message ===\n# Role\n## 1. Dim (scale 1-5)\n<TargetDocument>\n"
                + "[PLACEHOLDER: target document - choose]\n</TargetDocument>\n");
        assertThat(p.styleAt(0)).isEqualTo(Preview.PART);
        assertThat(p.styleAt(p.text().indexOf("# Role"))).isEqualTo(Preview.SECTION);
        assertThat(p.styleAt(p.text().indexOf("## 1."))).isEqualTo(Preview.DIMENSION);
        assertThat(p.styleAt(p.text().indexOf("<TargetDocument>"))).isEqualTo(Preview.TAG);
        assertThat(p.styleAt(p.text().indexOf("</TargetDocument>") + 2)).isEqualTo(Preview.TAG);
        assertThat(p.styleAt(p.text().indexOf("[PLACEHOLDER"))).isEqualTo(Preview.PLACEHOLDER);
    }
}
