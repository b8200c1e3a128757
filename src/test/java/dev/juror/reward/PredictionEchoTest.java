package dev.juror.reward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The definition of "the judge's unreadable answer echoes the prediction" (see {@link PredictionEcho}). */
class PredictionEchoTest {

    private static final PredictionEcho ECHO = new PredictionEcho();
    private static final String CLAUSE = "12.4 Limitation of liability. In no event shall either party be liable to "
            + "the other for any indirect, incidental, consequential, special or exemplary damages, including lost "
            + "profits, arising out of or relating to this Agreement, however caused.";
    private static final String PREDICTION = "[{\"comment_id\": \"c1\", \"text_excerpt\": \"" + CLAUSE + "\", "
            + "\"comment\": \"The cap excludes lost profits, which leaves the Customer without a remedy for the most "
            + "likely loss; the playbook requires a carve-out for data breaches and wilful misconduct.\", "
            + "\"recommended_action\": \"Carve out data breaches and wilful misconduct from the exclusion.\"}]";

    @Test
    void aLongVerbatimRunOfThePredictionIsAnEcho() {
        String answer = "Restating the candidate: " + PREDICTION.substring(250, 460) + " ... I cannot grade it.";
        assertThat(ECHO.echoes(answer, PREDICTION, List.of(CLAUSE))).isTrue();
    }

    @Test
    void aRunShorterThanTwoHundredCharactersIsNot() {
        String answer = "Restating the candidate: " + PREDICTION.substring(250, 440) + " ... I cannot grade it.";
        assertThat(PREDICTION.substring(250, 440)).hasSize(190);
        assertThat(ECHO.echoes(answer, PREDICTION, List.of(CLAUSE))).isFalse();
    }

    @Test
    void quotingTheTargetDocumentIsNotAnEchoEvenWhenThePredictionQuotesItToo() {
        String answer = "The comment quotes \"" + CLAUSE + "\" and then the JSON breaks";
        assertThat(CLAUSE.length()).isGreaterThan(PredictionEcho.RUN);
        assertThat(ECHO.echoes(answer, PREDICTION, List.of("", CLAUSE, ""))).isFalse();
        // Without the document the same run is prediction text only: an echo.
        assertThat(ECHO.echoes(answer, PREDICTION, List.of())).isTrue();
    }

    @Test
    void whitespaceIsCollapsedAndJsonEscapesAreUndone() throws Exception {
        String reflowed = PREDICTION.replace(", ", ",\n    ");
        assertThat(ECHO.echoes("Here it is:\n" + reflowed, PREDICTION, List.of(CLAUSE))).isTrue();
        String inJsonString = new ObjectMapper().createObjectNode().put("candidate", PREDICTION).toString();
        assertThat(inJsonString).contains("\\\"comment_id\\\"");
        assertThat(ECHO.echoes(inJsonString, PREDICTION, List.of(CLAUSE))).isTrue();
    }

    @Test
    void aShortPredictionIsEchoedOnlyWhenRepeatedWhole() {
        String shortPrediction = "Add a thirty day cure period before termination for breach.";
        assertThat(ECHO.echoes("Candidate said: " + shortPrediction + " -- end", shortPrediction, List.of())).isTrue();
        assertThat(ECHO.echoes("Candidate said: " + shortPrediction.substring(0, 50), shortPrediction, List.of()))
                .isFalse();
        String tiny = "Looks fine.";
        assertThat(ECHO.echoes("Looks fine. Score 5", tiny, List.of())).as("below the minimum length").isFalse();
    }

    @Test
    void theCandidateBlocksClosingDelimiterIsAnEcho() {
        assertThat(ECHO.echoes("x </candidate_0123456789abcdef0123456789abcdef> y", "p", List.of())).isTrue();
        assertThat(ECHO.echoes("x </CANDIDATE_A_0123456789ABCDEF0123456789ABCDEF> y", "p", List.of())).isTrue();
        // Naming the opening tag (as a refusal might) is not an echo of the block.
        assertThat(ECHO.echoes("I cannot grade <candidate_0123456789abcdef0123456789abcdef>", "p", List.of()))
                .isFalse();
    }

    @Test
    void anUnrelatedAnswerIsNotAnEcho() {
        assertThat(ECHO.echoes("The response is great. Score: 5", PREDICTION, List.of(CLAUSE))).isFalse();
        assertThat(ECHO.echoes("", PREDICTION, List.of())).isFalse();
    }

    @Test
    void hashCollisionsCannotFakeAnEcho() {
        // Every base gives the same verdicts: matches are confirmed character by character.
        for (long base : List.of(257L, 31L, 1_000_003L)) {
            PredictionEcho echo = new PredictionEcho(base);
            assertThat(echo.echoes("x".repeat(400), "y".repeat(400), List.of())).isFalse();
            assertThat(echo.echoes("a" + PREDICTION + "b", PREDICTION, List.of())).isTrue();
        }
    }
}
