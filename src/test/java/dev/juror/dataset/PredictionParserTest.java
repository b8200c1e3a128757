package dev.juror.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PredictionParserTest {

    private static final String COMMENT = "{\"comment_id\":\"c7\",\"text_excerpt\":\"summarily terminate\","
            + "\"comment\":\"No cure period.\",\"comment_type\":\"risk\",\"recommended_action\":\"Add 30 days.\"}";

    @Test
    void parsesAnArrayOfComments() {
        Prediction p = PredictionParser.parse("[" + COMMENT + "]");
        assertThat(p.isParsed()).isTrue();
        assertThat(p.warnings()).isEmpty();
        assertThat(p.comments()).containsExactly(
                new Comment("c7", "summarily terminate", "No cure period.", "risk", "Add 30 days."));
    }

    @Test
    void parsesAnObjectWithComments() {
        Prediction p = PredictionParser.parse("{\"comments\":[" + COMMENT + "],\"summary\":\"one issue\"}");
        assertThat(p.isParsed()).isTrue();
        assertThat(p.comments()).extracting(Comment::commentId).containsExactly("c7");
    }

    @Test
    void generatesMissingIdsByPosition() {
        Prediction p = PredictionParser.parse("[{\"text_excerpt\":\"a\"},{\"text_excerpt\":\"b\"}]");
        assertThat(p.comments()).extracting(Comment::commentId).containsExactly("c1", "c2");
        assertThat(p.comments().get(0).comment()).isEmpty();
    }

    @Test
    void emptyPredictionIsAParseError() {
        assertThat(PredictionParser.parse("").parseError()).isEqualTo("empty prediction");
        assertThat(PredictionParser.parse("  \n").parseError()).isEqualTo("empty prediction");
        assertThat(PredictionParser.parse(null).raw()).isEmpty();
    }

    @Test
    void emptyListIsParsedWithAWarning() {
        Prediction p = PredictionParser.parse("[]");
        assertThat(p.isParsed()).isTrue();
        assertThat(p.warnings()).containsExactly("prediction has no comments");
    }

    @Test
    void proseIsNotJson() {
        Prediction p = PredictionParser.parse("Here are my comments: the term is too long.");
        assertThat(p.isParsed()).isFalse();
        assertThat(p.parseError()).startsWith("not valid JSON");
        assertThat(p.raw()).isEqualTo("Here are my comments: the term is too long.");
    }

    @Test
    void trailingTextAfterJsonIsAParseError() {
        Prediction p = PredictionParser.parse("[" + COMMENT + "] I hope this helps.");
        assertThat(p.parseError()).startsWith("not valid JSON");
        assertThat(p.comments()).isEmpty();
    }

    @Test
    void otherTopLevelShapesAreParseErrors() {
        assertThat(PredictionParser.parse("{\"issues\":[]}").parseError()).startsWith("expected a JSON array of comments");
        assertThat(PredictionParser.parse("\"just a string\"").parseError()).startsWith("expected a JSON array of comments");
        assertThat(PredictionParser.parse("[1]").parseError()).isEqualTo("comments[0] is not an object");
    }

    @Test
    void wrongFieldTypesInsideCommentsAreParseErrors() {
        Prediction number = PredictionParser.parse("[{\"comment_id\":3,\"text_excerpt\":\"a\"}]");
        assertThat(number.parseError()).isEqualTo("comments[0].comment_id must be a string, found number");
        assertThat(number.comments()).isEmpty();
        Prediction list = PredictionParser.parse("[" + COMMENT + ",{\"text_excerpt\":[\"a\",\"b\"]}]");
        assertThat(list.parseError()).isEqualTo("comments[1].text_excerpt must be a string, found array");
    }

    @Test
    void jsonNullFieldIsTreatedAsMissing() {
        Prediction p = PredictionParser.parse("[{\"comment_id\":null,\"recommended_action\":null}]");
        assertThat(p.isParsed()).isTrue();
        assertThat(p.comments().get(0).commentId()).isEqualTo("c1");
        assertThat(p.comments().get(0).recommendedAction()).isEmpty();
    }

    @Test
    void fencedJsonIsAParseErrorButKeepsTheComments() {
        Prediction p = PredictionParser.parse("```json\n[" + COMMENT + "]\n```");
        assertThat(p.isParsed()).isFalse();
        assertThat(p.parseError()).isEqualTo(
                "prediction is wrapped in a Markdown code fence; the output contract asks for bare JSON");
        assertThat(p.comments()).extracting(Comment::commentId).containsExactly("c7");

        Prediction plainFence = PredictionParser.parse("\n```\n{\"comments\":[]}\n```\n");
        assertThat(plainFence.isParsed()).isFalse();
        assertThat(plainFence.comments()).isEmpty();
    }

    @Test
    void fencedInvalidJsonReportsBothProblems() {
        Prediction p = PredictionParser.parse("```json\n[{oops}]\n```");
        assertThat(p.parseError()).startsWith("prediction is wrapped in a Markdown code fence")
                .contains("and inside it: not valid JSON");
        assertThat(p.comments()).isEmpty();
    }

    @Test
    void duplicateCommentIdsAreRenamedAndReported() {
        Prediction p = PredictionParser.parse("[{\"comment_id\":\"c1\"},{\"comment_id\":\"c1\"},{},{\"comment_id\":\"c1\"}]");
        assertThat(p.isParsed()).isTrue();
        // the third comment's generated id "c3" is free; the fourth "c1" becomes c1-3
        assertThat(p.comments()).extracting(Comment::commentId).containsExactly("c1", "c1-2", "c3", "c1-3");
        assertThat(p.warnings()).containsExactly(
                "comment_id \"c1\" repeated at comments[1]; renamed \"c1-2\"",
                "comment_id \"c1\" repeated at comments[3]; renamed \"c1-3\"");
    }

    @Test
    void generatedIdDoesNotCollideWithAnExplicitOne() {
        Prediction p = PredictionParser.parse("[{\"comment_id\":\"c2\"},{}]");
        assertThat(p.comments()).extracting(Comment::commentId).containsExactly("c2", "c2-2");
        assertThat(p.warnings()).isEmpty();
    }
}
