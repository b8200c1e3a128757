package dev.juror.reward.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceOverlapCheckTest {

    /**
     * Expert spans in the style of CUAD v1 (The Atticus Project, CC BY 4.0) annotations: the Governing
     * Law and Termination clauses of a supply agreement.
     */
    private static final String GOVERNING_LAW = "This Agreement shall be governed by and construed in accordance "
            + "with the laws of the State of New York, without regard to its conflict of laws principles.";
    private static final String TERMINATION = "Either party may terminate this Agreement upon ninety (90) days "
            + "prior written notice to the other party.";

    private final ReferenceOverlapCheck check = new ReferenceOverlapCheck();

    @Test
    void substantialQuoteInsideASpanMatches() {
        CheckResult result = check.check(List.of(GOVERNING_LAW, TERMINATION),
                List.of("governed by and construed in accordance with the laws of the State of New York"));
        assertThat(result.metric("reference_precision", -1)).isEqualTo(1.0);
        assertThat(result.metric("reference_recall", -1)).isEqualTo(0.5);
        assertThat(result.metric("reference_f1", -1)).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void whitespaceQuotesAndCaseDoNotMatter() {
        CheckResult result = check.check(List.of(TERMINATION),
                List.of("EITHER PARTY MAY TERMINATE this   Agreement upon ninety (90) days’ prior\nwritten notice"));
        assertThat(result.metric("matched_excerpts", -1)).isEqualTo(1.0);
    }

    @Test
    void sharedCommonWordsOrAFewWordsDoNotMatch() {
        CheckResult result = check.check(List.of(GOVERNING_LAW, TERMINATION),
                List.of("this Agreement", "the other party shall pay all invoices within thirty days of receipt"));
        assertThat(result.metric("matched_excerpts", -1)).isEqualTo(0.0);
        assertThat(result.metric("reference_precision", -1)).isEqualTo(0.0);
        assertThat(result.metric("reference_recall", -1)).isEqualTo(0.0);
        assertThat(result.metric("reference_f1", -1)).isEqualTo(0.0);
    }

    @Test
    void excerptSpanningTheWholeClausePlusContextMatchesByJaccard() {
        String wider = "12. Termination. " + TERMINATION + " Sections 7 and 9 survive.";
        assertThat(check.check(List.of(TERMINATION), List.of(wider)).metric("matched_spans", -1)).isEqualTo(1.0);
    }

    @Test
    void vacuousCasesAreNeverNaN() {
        CheckResult none = check.check(List.of(), List.of());
        assertThat(none.metric("reference_precision", -1)).isEqualTo(1.0);
        assertThat(none.metric("reference_recall", -1)).isEqualTo(1.0);
        CheckResult unsupported = check.check(List.of(), List.of("any excerpt at all here"));
        assertThat(unsupported.metric("reference_precision", -1)).isEqualTo(0.0);
        assertThat(unsupported.metric("reference_recall", -1)).isEqualTo(1.0);
        CheckResult silent = check.check(List.of(TERMINATION), List.of(" "));
        assertThat(silent.metric("predicted_excerpts", -1)).isEqualTo(0.0);
        assertThat(silent.metric("reference_recall", -1)).isEqualTo(0.0);
    }
}
