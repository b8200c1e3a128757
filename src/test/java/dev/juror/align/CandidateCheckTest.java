package dev.juror.align;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateCheckTest {

    static final String BASE = """
            name: r
            objective: Grade.
            unit: response
            dimensions:
              - name: Grounding
                question: Quoted?
                scale: 1-5
                levels: {5: all, 4: most, 3: half, 2: few, 1: none}
            judge:
              model_id: m
            """;

    private static Rubric base() throws Exception {
        return new RubricYaml().read(BASE, "base");
    }

    private static CandidateCheck.Checked check(String yaml) throws Exception {
        return CandidateCheck.check(base(), new Candidate("c", "typed", "d", yaml));
    }

    @Test
    void aSharperLevelDescriptionIsAccepted() throws Exception {
        assertThat(check(BASE.replace("4: most", "4: all but one quote")).rubric()).isPresent();
    }

    @Test
    void aChangedScaleBreaksTheOutputSchema() throws Exception {
        CandidateCheck.Checked c = check(BASE.replace("scale: 1-5", "scale: 1-3").replace(", 4: most", "")
                .replace("5: all, ", "3: all, ").replace("3: half, ", ""));
        assertThat(c.rubric()).isEmpty();
        assertThat(c.rejection()).startsWith("breaks the output schema: dimension Grounding has scale");
    }

    @Test
    void aRenamedDimensionOrRubricIsRejectedWithTheReason() throws Exception {
        assertThat(check(BASE.replace("Grounding", "Quotes")).rejection()).contains("dimensions [Quotes] instead of [Grounding]");
        assertThat(check(BASE.replace("name: r", "name: other")).rejection()).contains("rubric name");
    }

    @Test
    void anInvalidRubricIsRejectedWithTheValidatorsWords() throws Exception {
        assertThat(check("name: r\n").rejection()).startsWith("not a valid rubric:");
    }

    @Test
    void rankingPrefersTheBetterWorstDimensionAndKeepsTheBaselineOnATie() {
        CandidateScore baseline = new CandidateScore("baseline", Map.of(), Map.of("A", 0.5, "B", 0.2), 10);
        CandidateScore evenBetter = new CandidateScore("x", Map.of(), Map.of("A", 0.3, "B", 0.3), 10);
        CandidateScore oneGreat = new CandidateScore("y", Map.of(), Map.of("A", 0.9, "B", 0.1), 10);
        CandidateScore same = new CandidateScore("z", Map.of(), Map.of("A", 0.5, "B", 0.2), 10);
        assertThat(Ranking.rank(List.of(oneGreat, evenBetter)).getFirst().candidateId()).isEqualTo("x");
        assertThat(Ranking.chosen(baseline, List.of(oneGreat, evenBetter))).map(CandidateScore::candidateId).contains("x");
        assertThat(Ranking.chosen(baseline, List.of(same, oneGreat))).isEmpty();
        java.util.Map<String, Double> undefined = new java.util.HashMap<>();
        undefined.put("A", null);
        undefined.put("B", 0.9);
        assertThat(Ranking.chosen(baseline, List.of(new CandidateScore("u", Map.of(), undefined, 10)))).isEmpty();
    }
}
