package dev.juror.app.review.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionCitationsTest {

    private final RenderedDocument playbook = new MarkdownRenderer().render("""
            # Customer playbook

            ## 1. Term, renewal and exit
            1.1 Initial term of 3 to 5 years.
            1.4 **Red flag:** subjective termination rights.

            ## 3. Product quality
            3.3 Inspection window of 30 days.

            ## 7. Assignment and change of control
            7.2 Objective change-of-control triggers only.
            """);
    private final SectionCitations citations = new SectionCitations(playbook.sections());

    @Test
    void sectionSignsAndNamedReferencesAreLinksToTheirSection() {
        String comment = "This is the right that §1.4 of the playbook marks as a red flag, and it does not meet "
                + "§ 7.2; see also playbook section 3.3, guideline 1.1 and § 3.";

        assertThat(cited(comment)).containsExactly("§1.4", "§ 7.2", "playbook section 3.3", "guideline 1.1", "§ 3");
        assertThat(citations.find(comment)).extracting(c -> c.section().number())
                .containsExactly("1.4", "7.2", "3.3", "1.1", "3");
    }

    @Test
    void listsAndRangesLinkEachSection() {
        assertThat(cited("Playbook §§ 1.1 and 1.4 apply, as do §1.1-1.4.")).containsExactly("§§ 1.1", "1.4", "§1.1", "1.4");
        assertThat(cited("(§1.1) and renewals of 1 to 2 years")).containsExactly("§1.1");
        assertThat(cited("§1.4 or 3 more")).containsExactly("§1.4");
    }

    @Test
    void onlySectionsThatExistAndCiteTheReferenceAreLinks() {
        assertThat(cited("§9.9 does not exist, §2 neither.")).isEmpty();
        // Clause and Section numbers without a word for the playbook cite the contract under review.
        assertThat(cited("Clause 1.4 lets the Manufacturer terminate; Section 7.2 and 3.3 too.")).isEmpty();
        assertThat(cited("Under section 7.2 of the playbook the trigger must be objective.")).containsExactly("section 7.2");
    }

    @Test
    void aHeadingsWordsAreALinkToIt() {
        assertThat(cited("The assignment and change of control rules are not met.")).containsExactly("assignment and change of control");
        // A one-word heading would turn every ordinary use of the word into a link.
        assertThat(new SectionCitations(new MarkdownRenderer().render("# T\n\n## Liability\ntext").sections())
                .find("liability is capped")).isEmpty();
    }

    private List<String> cited(String text) {
        return citations.find(text).stream().map(c -> text.substring(c.start(), c.end())).toList();
    }
}
