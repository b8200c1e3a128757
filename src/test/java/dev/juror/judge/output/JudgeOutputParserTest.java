package dev.juror.judge.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.dataset.Comment;
import dev.juror.rubric.Preference;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JudgeOutputParserTest {

    private static Rubric contract;
    private static Rubric checklist;
    private static Rubric pairwise;
    private final JudgeOutputParser parser = new JudgeOutputParser();

    @BeforeAll
    static void rubrics() throws Exception {
        contract = new RubricYaml().read(Path.of("rubrics/contract-review.yaml"));
        checklist = new RubricYaml().read(Path.of("rubrics/boolean-checklist.yaml"));
        pairwise = new RubricYaml().read(Path.of("rubrics/pairwise-preference.yaml"));
    }

    private static List<Comment> comments(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new Comment(id, "x", "y", "risk", "z")).toList();
    }

    static String entry(String id, Object g, Object r, Object a, double commentScore) {
        return """
                {"comment_id": "%s",
                 "TargetDocument_Grounding": {"score": %s, "justification": "g"},
                 "Reference_Consistency": {"score": %s, "justification": "r"},
                 "Actionability": {"score": %s, "justification": "a"},
                 "Comment_Score": %s}""".formatted(id, g, r, a, commentScore);
    }

    static String answer(double aggregate, int total, String... entries) {
        return "{\"comments\": [" + String.join(",", entries) + "], \"Aggregate_Score\": {\"score\": " + aggregate
                + ", \"total_comments\": " + total + ", \"rationale\": \"ok\"}}";
    }

    private static final String GOOD = answer(4.0, 2, entry("c1", 5, 4, 3, 4.0), entry("c2", 4, 4, 4, 4.0));

    @Test
    void readsAValidAnswerAndRecomputesScores() {
        ParsedJudgement p = parser.parse(contract, comments("c1", "c2"), GOOD);

        assertThat(p.status()).isEqualTo(ResultStatus.OK);
        assertThat(p.errors()).isEmpty();
        assertThat(p.comments()).extracting(CommentJudgement::position).containsExactly(0, 1);
        assertThat(p.comments().get(0).score("Actionability").orElseThrow().score()).isEqualTo(3.0);
        assertThat(p.comments().get(0).score("Actionability").orElseThrow().justification()).isEqualTo("a");
        assertThat(p.comments().get(0).commentScore().getAsDouble()).isEqualTo(4.0);
        assertThat(p.sampleScore().getAsDouble()).isEqualTo(4.0);
        assertThat(p.arithmeticMismatch()).isFalse();
    }

    @Test
    void toleratesCodeFencesProseAndTrailingText() {
        String fenced = "Here is my evaluation.\n```json\n" + GOOD + "\n```\nLet me know if you need more {details}.";
        ParsedJudgement p = parser.parse(contract, comments("c1", "c2"), fenced);

        assertThat(p.status()).isEqualTo(ResultStatus.OK);
        assertThat(p.extractedJson()).startsWith("{\"comments\"").endsWith("}}");
        assertThat(parser.parse(contract, comments("c1", "c2"), "Scores: " + GOOD + " -- end").ok()).isTrue();
    }

    @Test
    void matchesCommentsByIdNotByOrder() {
        String reversed = answer(4.0, 2, entry("c2", 4, 4, 4, 4.0), entry("c1", 5, 4, 3, 4.0));
        ParsedJudgement p = parser.parse(contract, comments("c1", "c2"), reversed);

        assertThat(p.ok()).isTrue();
        assertThat(p.comments()).extracting(CommentJudgement::commentId).containsExactly("c1", "c2");
        assertThat(p.comments().get(0).score("TargetDocument_Grounding").orElseThrow().score()).isEqualTo(5.0);
    }

    @Test
    void noJsonAndInvalidJsonAreParseErrors() {
        assertThat(kinds(parser.parse(contract, comments("c1"), ""))).containsExactly(OutputErrorKind.NO_JSON);
        assertThat(kinds(parser.parse(contract, comments("c1"), "I cannot grade this."))).containsExactly(OutputErrorKind.NO_JSON);
        ParsedJudgement truncated = parser.parse(contract, comments("c1", "c2"), GOOD.substring(0, GOOD.length() - 60));
        assertThat(truncated.status()).isEqualTo(ResultStatus.PARSE_ERROR);
        assertThat(kinds(truncated)).containsExactly(OutputErrorKind.INVALID_JSON);
    }

    @Test
    void duplicateKeyAndTwoJudgementsAreParseErrors() {
        String twice = GOOD.replace("\"score\": 5, \"justification\": \"g\"",
                "\"score\": 5, \"score\": 1, \"justification\": \"g\"");
        assertThat(kinds(parser.parse(contract, comments("c1", "c2"), twice))).containsExactly(OutputErrorKind.DUPLICATE_KEY);
        ParsedJudgement two = parser.parse(contract, comments("c1", "c2"), GOOD + "\n" + GOOD);
        assertThat(two.status()).isEqualTo(ResultStatus.PARSE_ERROR);
        assertThat(kinds(two)).containsExactly(OutputErrorKind.MULTIPLE_JSON);
    }

    @Test
    void outOfRangeScoreIsItsOwnError() {
        String answer = answer(4.0, 2, entry("c1", 6, 4, 3, 4.0), entry("c2", 4, 4, 4, 4.0));
        ParsedJudgement p = parser.parse(contract, comments("c1", "c2"), answer);

        assertThat(p.status()).isEqualTo(ResultStatus.SCHEMA_ERROR);
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(OutputErrorKind.OUT_OF_RANGE);
            assertThat(e.path()).isEqualTo("$.comments[0].TargetDocument_Grounding.score");
        });
        assertThat(p.sampleScore()).isEmpty();
        // The correctly judged comment keeps its scores for inspection.
        assertThat(p.comments()).extracting(CommentJudgement::commentId).containsExactly("c1", "c2");
        assertThat(p.comments().get(1).commentScore()).hasValue(4.0);
    }

    @Test
    void invalidScoreTypesAreDistinctFromOutOfRange() {
        String answer = answer(4.0, 2, entry("c1", "\"five\"", 3.5, 3, 4.0), entry("c2", 4, 4, 4, 4.0));
        ParsedJudgement p = parser.parse(contract, comments("c1", "c2"), answer);

        assertThat(kinds(p)).containsExactly(OutputErrorKind.INVALID_SCORE, OutputErrorKind.INVALID_SCORE);
    }

    @Test
    void missingDimensionIsItsOwnError() {
        String withoutAction = answer(4.0, 2, entry("c1", 5, 4, 3, 4.0).replaceAll(
                ",\\s*\"Actionability\": \\{[^}]*}", ""), entry("c2", 4, 4, 4, 4.0));
        ParsedJudgement p = parser.parse(contract, comments("c1", "c2"), withoutAction);

        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(OutputErrorKind.MISSING_DIMENSION);
            assertThat(e.path()).isEqualTo("$.comments[0].Actionability");
        });
    }

    @Test
    void extraMissingAndDuplicateCommentsAreDistinctErrors() {
        String answer = answer(4.0, 3, entry("c1", 5, 4, 3, 4.0), entry("c1", 5, 4, 3, 4.0), entry("c9", 4, 4, 4, 4.0));
        ParsedJudgement p = parser.parse(contract, comments("c1", "c2"), answer);

        assertThat(p.status()).isEqualTo(ResultStatus.SCHEMA_ERROR);
        assertThat(kinds(p)).containsExactlyInAnyOrder(OutputErrorKind.DUPLICATE_COMMENT_ID,
                OutputErrorKind.EXTRA_COMMENT, OutputErrorKind.MISSING_COMMENT);
        assertThat(p.errors()).filteredOn(e -> e.kind() == OutputErrorKind.MISSING_COMMENT)
                .singleElement().extracting(OutputError::message).asString().contains("c2");
    }

    @Test
    void repeatedPolicyIdsMatchTheRenamedComments() {
        // The policy wrote c1 twice; the dataset renamed the second c1-2; the judge saw c1 twice.
        String answer = answer(4.0, 2, entry("c1", 5, 4, 3, 4.0), entry("c1", 4, 4, 4, 4.0));
        ParsedJudgement p = parser.parse(contract, comments("c1", "c1-2"), answer);

        assertThat(p.ok()).isTrue();
        assertThat(p.comments()).extracting(CommentJudgement::commentId).containsExactly("c1", "c1-2");
    }

    @Test
    void judgesArithmeticIsFlaggedNotTrusted() {
        // 5,4,3 -> 4.0, but the judge says 4.5; aggregate 4.0 (mean of 4.0 and 4.0) but the judge says 3.0.
        String answer = answer(3.0, 2, entry("c1", 5, 4, 3, 4.5), entry("c2", 4, 4, 4, 4.0));
        ParsedJudgement p = parser.parse(contract, comments("c1", "c2"), answer);

        assertThat(p.ok()).isTrue();
        assertThat(p.comments().get(0).arithmeticMismatch()).isTrue();
        assertThat(p.comments().get(1).arithmeticMismatch()).isFalse();
        assertThat(p.aggregateMismatch()).isTrue();
        assertThat(p.sampleScore()).hasValue(4.0);
        assertThat(p.judgeAggregateScore()).hasValue(3.0);
    }

    @Test
    void roundedArithmeticIsNotAMismatchButTheDealBreakerFloorIsApplied() {
        // 4,5,4 -> 4.333; the judge's 4.33 is fine. Grounding 1 floors the comment to 1 (deal-breaker).
        String answer = answer(2.67, 2, entry("c1", 4, 5, 4, 4.33), entry("c2", 1, 5, 5, 3.67));
        ParsedJudgement p = parser.parse(contract, comments("c1", "c2"), answer);

        assertThat(p.comments().get(0).arithmeticMismatch()).isFalse();
        assertThat(p.comments().get(1).commentScore()).hasValue(1.0);
        assertThat(p.comments().get(1).arithmeticMismatch()).isTrue();
        assertThat(p.sampleScore().getAsDouble()).isCloseTo((13.0 / 3 + 1) / 2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void otherSchemaBreachesAreReportedAsSchemaErrors() {
        String extraKey = GOOD.replace("\"rationale\": \"ok\"", "\"rationale\": \"ok\", \"bonus\": 5");
        ParsedJudgement p = parser.parse(contract, comments("c1", "c2"), extraKey);

        assertThat(p.status()).isEqualTo(ResultStatus.SCHEMA_ERROR);
        assertThat(kinds(p)).containsExactly(OutputErrorKind.SCHEMA);
        assertThat(p.errors().get(0).path()).startsWith("$.Aggregate_Score");
    }

    @Test
    void booleanRubricReadsPassAndFail() {
        String entry = """
                {"comment_id": "c1",
                 "Excerpt_Verbatim": {"score": "pass", "justification": "quoted"},
                 "Issue_Valid": {"score": "fail", "justification": "generic"},
                 "Reference_Supported": {"score": "pass", "justification": "cites 2.1"},
                 "Action_Specific": {"score": "pass", "justification": "redline"},
                 "Comment_Score": 0.8}""";
        ParsedJudgement p = parser.parse(checklist, comments("c1"), answer(0.8, 1, entry));

        assertThat(p.ok()).isTrue();
        // weights 2,1,1,1: (2 + 0 + 1 + 1) / 5
        assertThat(p.sampleScore()).hasValue(0.8);
        assertThat(p.comments().get(0).score("Issue_Valid").orElseThrow().score()).isEqualTo(0.0);
        assertThat(p.comments().get(0).score("Issue_Valid").orElseThrow().label()).isEqualTo("fail");

        ParsedJudgement truthy = parser.parse(checklist, comments("c1"), answer(0.8, 1, entry.replace("\"fail\"", "true")));
        assertThat(kinds(truthy)).containsExactly(OutputErrorKind.INVALID_SCORE);
    }

    @Test
    void responseLevelTakesOneEntryAtPositionMinusOne() {
        ParsedJudgement p = parser.parse(contract, null, answer(4.0, 1, entry("response", 5, 4, 3, 4.0)));
        assertThat(p.ok()).isTrue();
        assertThat(p.comments()).singleElement().satisfies(c -> assertThat(c.position()).isEqualTo(0));
    }

    @Test
    void pairwiseVerdictIsReadAndTheWinnerRecomputed() {
        String answer = """
                {"dimensions": {
                   "Grounding": {"verdict": "tie", "justification": "both quote"},
                   "Coverage": {"verdict": "B", "justification": "more issues"},
                   "Justification": {"verdict": "A", "justification": "cites"},
                   "Actionability": {"verdict": "A", "justification": "redlines"}},
                 "winner": "A", "rationale": "close"}""";
        ParsedJudgement p = parser.parse(pairwise, null, answer);

        assertThat(p.ok()).isTrue();
        // Coverage weighs 2: A gets 1 + 1, B gets 2 -> tie; the judge said A.
        PairwiseVerdict v = p.pairwise().orElseThrow();
        assertThat(v.winner()).isEqualTo(Preference.TIE);
        assertThat(v.judgeWinner()).contains(Preference.A);
        assertThat(v.winnerMismatch()).isTrue();
        assertThat(p.arithmeticMismatch()).isTrue();
        assertThat(p.sampleScore()).hasValue(0.5);
        assertThat(p.comments().get(0).score("Coverage").orElseThrow().score()).isEqualTo(0.0);

        ParsedJudgement bad = parser.parse(pairwise, null, answer.replace("\"B\"", "\"C\""));
        assertThat(kinds(bad)).containsExactly(OutputErrorKind.INVALID_VERDICT);
        assertThat(bad.sampleScore()).isEmpty();
    }

    private static List<OutputErrorKind> kinds(ParsedJudgement p) {
        return p.errors().stream().map(OutputError::kind).toList();
    }
}
