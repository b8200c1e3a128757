package dev.juror.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutputSchemaTest {

    private static OutputSchema contract;
    private static OutputSchema checklist;
    private static OutputSchema pairwise;

    /** The seed article's output shape, two comments. */
    static final String ARTICLE_ANSWER = """
            {"comments": [
              {"comment_id": "c1",
               "TargetDocument_Grounding": {"score": 5, "justification": "Exact quote of 7.2.", "supporting_evidence": "7.2 ..."},
               "Reference_Consistency": {"score": 4, "justification": "Playbook 3.1.", "supporting_reference": "3.1 ..."},
               "Actionability": {"score": 4, "justification": "Clear cap."},
               "Comment_Score": 4.33},
              {"comment_id": "c2",
               "TargetDocument_Grounding": {"score": 1, "justification": "Quotes the Reference."},
               "Reference_Consistency": {"score": 2, "justification": "Misstated."},
               "Actionability": {"score": 3, "justification": "General."},
               "Comment_Score": 1}],
             "Aggregate_Score": {"score": 2.67, "total_comments": 2, "rationale": "One good, one ungrounded."}}
            """;

    @BeforeAll
    static void compile() throws Exception {
        OutputSchemaCache cache = new OutputSchemaCache();
        contract = cache.get(TestRubrics.shipped("contract-review.yaml"));
        checklist = cache.get(TestRubrics.shipped("boolean-checklist.yaml"));
        pairwise = cache.get(TestRubrics.shipped("pairwise-preference.yaml"));
    }

    @Test
    void acceptsTheArticlesShape() {
        assertThat(contract.validate(ARTICLE_ANSWER)).isEmpty();
    }

    @Test
    void outOfRangeScoreIsReportedWithItsJsonPath() {
        String answer = ARTICLE_ANSWER.replace("\"Actionability\": {\"score\": 4", "\"Actionability\": {\"score\": 6");
        assertThat(contract.validate(answer)).singleElement().asString()
                .contains("$.comments[0].Actionability.score").contains("5");
        String fractional = ARTICLE_ANSWER.replace("\"Actionability\": {\"score\": 4", "\"Actionability\": {\"score\": 3.5");
        assertThat(contract.validate(fractional)).singleElement().asString().contains("$.comments[0].Actionability.score");
    }

    @Test
    void missingDimensionAndForgedExtraKeysAreRefused() {
        String missing = ARTICLE_ANSWER.replace("\"Actionability\": {\"score\": 3, \"justification\": \"General.\"},", "");
        assertThat(contract.validate(missing)).singleElement().asString()
                .contains("$.comments[1]").contains("Actionability");
        String extra = ARTICLE_ANSWER.replace("\"Comment_Score\": 1}", "\"Comment_Score\": 1, \"bonus\": 5}");
        assertThat(contract.validate(extra)).singleElement().asString().contains("bonus");
    }

    @Test
    void aDuplicatedScoreKeyOrASecondObjectIsRefusedNotLastOneWins() {
        String twice = ARTICLE_ANSWER.replace("{\"score\": 4, \"justification\": \"Clear cap.\"}",
                "{\"score\": 4, \"justification\": \"Clear cap.\", \"score\": 5}");
        assertThat(contract.validate(twice)).singleElement().asString().contains("not valid JSON").contains("score");
        assertThat(contract.validate(ARTICLE_ANSWER + "\n{\"score\": 5}")).singleElement().asString()
                .contains("after the JSON object");
        assertThat(contract.validate("Here is my grading: " + ARTICLE_ANSWER)).singleElement().asString()
                .contains("not valid JSON");
        assertThat(contract.validate("")).isNotEmpty();
        assertThat(contract.validate((String) null)).isNotEmpty();
    }

    @Test
    void booleanScalesTakeTheWordsPassAndFail() {
        String answer = """
                {"comments": [{"comment_id": "c1",
                  "Excerpt_Verbatim": {"score": "pass", "justification": "j"},
                  "Issue_Valid": {"score": "fail", "justification": "j"},
                  "Reference_Supported": {"score": "pass", "justification": "j"},
                  "Action_Specific": {"score": "pass", "justification": "j"},
                  "Comment_Score": 0.8}],
                 "Aggregate_Score": {"score": 0.8, "total_comments": 1, "rationale": "r"}}
                """;
        assertThat(checklist.validate(answer)).isEmpty();
        assertThat(checklist.validate(answer.replace("\"score\": \"fail\"", "\"score\": false"))).isNotEmpty()
                .allSatisfy(m -> assertThat(m).startsWith("$.comments[0].Issue_Valid.score"));
        assertThat(checklist.validate(answer.replace("\"score\": \"fail\"", "\"score\": 0"))).isNotEmpty()
                .allSatisfy(m -> assertThat(m).startsWith("$.comments[0].Issue_Valid.score"));
        assertThat(checklist.validate(answer.replace("\"Comment_Score\": 0.8", "\"Comment_Score\": 4"))).hasSize(1);
    }

    @Test
    void responseUnitRubricsTakeExactlyOneEntry() throws Exception {
        OutputSchema schema = OutputSchema.of(TestRubrics.minimal());
        String one = """
                {"comments": [{"comment_id": "response", "Accuracy": {"score": 3, "justification": "j"},
                  "Clarity": {"score": 2, "justification": "j"}, "Comment_Score": 2.5}],
                 "Aggregate_Score": {"score": 2.5, "total_comments": 1, "rationale": "r"}}
                """;
        assertThat(schema.validate(one)).isEmpty();
        String two = one.replace("\"comments\": [{", "\"comments\": [{\"comment_id\": \"x\", \"Accuracy\": {\"score\": 3,"
                + " \"justification\": \"j\"}, \"Clarity\": {\"score\": 2, \"justification\": \"j\"},"
                + " \"Comment_Score\": 2.5}, {");
        assertThat(schema.validate(two)).isNotEmpty();
    }

    @Test
    void pairwiseVerdictSchema() {
        String verdict = """
                {"dimensions": {
                   "Grounding": {"verdict": "A", "justification": "j"},
                   "Coverage": {"verdict": "tie", "justification": "j"},
                   "Justification": {"verdict": "B", "justification": "j"},
                   "Actionability": {"verdict": "A", "justification": "j"}},
                 "winner": "A", "rationale": "A quotes the contract."}
                """;
        assertThat(pairwise.validate(verdict)).isEmpty();
        assertThat(pairwise.validate(verdict.replace("\"winner\": \"A\"", "\"winner\": \"C\""))).singleElement()
                .asString().contains("$.winner");
        assertThat(pairwise.validate(verdict.replace("\"Coverage\": {\"verdict\": \"tie\", \"justification\": \"j\"},", "")))
                .singleElement().asString().contains("Coverage");
    }

    @Test
    void schemaIsDerivedFromTheDimensionsAndCachedPerRubric() throws Exception {
        Rubric r = TestRubrics.shipped("contract-review.yaml");
        OutputSchemaCache cache = new OutputSchemaCache();
        OutputSchema first = cache.get(r);
        assertThat(cache.get(TestRubrics.shipped("contract-review.yaml"))).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(first.schema().at("/properties/comments/items/required").toString())
                .isEqualTo("[\"comment_id\",\"TargetDocument_Grounding\",\"Reference_Consistency\",\"Actionability\","
                        + "\"Comment_Score\"]");
        assertThat(first.schema().at("/properties/comments/items/properties/Actionability/properties/score/maximum")
                .asInt()).isEqualTo(5);
    }
}
