package dev.juror.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExcerptLocatorTest {

    private static String netgear;
    private static String reference;
    private static ExcerptLocator locator;

    @BeforeAll
    static void load() {
        netgear = ContractTexts.load("cuad-08-netgear-distributor-agreement.txt");
        reference = ContractTexts.reference();
        locator = ExcerptLocator.forDocuments(netgear, reference);
    }

    private static String region(String text, Location location) {
        return text.substring(location.start(), location.end());
    }

    @Test
    void exactMatchGivesOffsetsOfTheVerbatimText() {
        String excerpt = "All notices given under the Agreement are to be in writing";
        Location location = locator.locate(excerpt);
        assertThat(location.status()).isEqualTo(MatchStatus.EXACT);
        assertThat(location.start()).isEqualTo(netgear.indexOf(excerpt));
        assertThat(region(netgear, location)).isEqualTo(excerpt);
        assertThat(location.similarity()).isEqualTo(1.0);
        assertThat(location.reason()).isEmpty();
    }

    @Test
    void exactMatchIgnoresSurroundingWhitespace() {
        Location location = locator.locate("\n  All notices given under the Agreement  \n");
        assertThat(location.status()).isEqualTo(MatchStatus.EXACT);
        assertThat(region(netgear, location)).isEqualTo("All notices given under the Agreement");
    }

    @Test
    void collapsedWhitespaceAndLineBreaksAreNormalized() {
        // the contract has runs of spaces and blank lines between "DISTRIBUTOR AGREEMENT" and "BETWEEN"
        Location location = locator.locate("DISTRIBUTOR AGREEMENT BETWEEN INGRAM MICRO AND NETGEAR");
        assertThat(location.status()).isEqualTo(MatchStatus.NORMALIZED);
        String found = region(netgear, location);
        assertThat(found).startsWith("DISTRIBUTOR AGREEMENT").endsWith("NETGEAR").contains("       ");
        assertThat(found.replaceAll("\\s+", " ")).isEqualTo("DISTRIBUTOR AGREEMENT BETWEEN INGRAM MICRO AND NETGEAR");
    }

    @Test
    void curlyQuotesCaseAndDashesAreNormalized() {
        String doc = "Ingram Micro, a corporation (\"Distributor\") shall pay within thirty-one (31) days.";
        ExcerptLocator small = ExcerptLocator.forDocuments(doc, "");
        Location quotes = small.locate("a corporation (“Distributor”) shall pay");
        assertThat(quotes.status()).isEqualTo(MatchStatus.NORMALIZED);
        assertThat(region(doc, quotes)).isEqualTo("a corporation (\"Distributor\") shall pay");

        Location caseAndDash = small.locate("WITHIN THIRTY–ONE (31) DAYS");
        assertThat(caseAndDash.status()).isEqualTo(MatchStatus.NORMALIZED);
        assertThat(region(doc, caseAndDash)).isEqualTo("within thirty-one (31) days");
    }

    @Test
    void curlyQuotesInTheDocumentMatchStraightQuotesInTheExcerpt() {
        String doc = "This Agreement (the \u201cAgreement\u201d) is the Licensee\u2019s only licence.";
        Location location = ExcerptLocator.locate(doc, "", "the \"Agreement\") is the Licensee's only");
        assertThat(location.status()).isEqualTo(MatchStatus.NORMALIZED);
        assertThat(region(doc, location)).isEqualTo("the \u201cAgreement\u201d) is the Licensee\u2019s only");
    }

    @Test
    void lineEndHyphenationIsJoined() {
        String doc = "The Supplier shall indemni-\n   fy and hold harmless the Customer from any claim.";
        Location location = ExcerptLocator.locate(doc, "", "shall indemnify and hold harmless");
        assertThat(location.status()).isEqualTo(MatchStatus.NORMALIZED);
        assertThat(region(doc, location)).isEqualTo("shall indemni-\n   fy and hold harmless");

        // a hyphen before a space but no line break is not a line-end hyphenation
        Location spaced = ExcerptLocator.locate("The Supplier shall indemni- fy the Customer.", "",
                "shall indemnify the Customer");
        assertThat(spaced.status()).isNotEqualTo(MatchStatus.NORMALIZED);
    }

    @Test
    void ellipsisStandsForOmittedTextAndPartsMustBeInOrder() {
        String first = "All notices given under the Agreement";
        String last = "substituted by written notice";
        Location location = locator.locate("\u201c" + first + " \u2026 " + last + "\u201d");
        assertThat(location.status()).isEqualTo(MatchStatus.NORMALIZED);
        assertThat(location.start()).isEqualTo(netgear.indexOf(first));
        assertThat(location.end()).isEqualTo(netgear.indexOf(last) + last.length());

        Location dots = locator.locate(first + "... " + last);
        assertThat(dots).isEqualTo(location);

        Location reversed = locator.locate(last + " ... " + first);
        assertThat(reversed.status()).as("parts out of order are not a normalised match").isNotEqualTo(MatchStatus.NORMALIZED);
    }

    @Test
    void quotedExcerptIsFoundWithoutItsQuotes() {
        Location location = locator.locate("\"all notices given under the agreement\"");
        assertThat(location.status()).isEqualTo(MatchStatus.NORMALIZED);
        assertThat(region(netgear, location)).isEqualTo("All notices given under the Agreement");
    }

    @Test
    void bulletsAndCutOffHyphensAroundTheExcerptAreIgnored() {
        String doc = "Reseller has a non-exclusive right to distribute the Products.";
        Location cutOff = ExcerptLocator.locate(doc, "", "-Exclusive Right to distribute");
        assertThat(cutOff.status()).isEqualTo(MatchStatus.NORMALIZED);
        assertThat(region(doc, cutOff)).isEqualTo("exclusive right to distribute");
        Location bullet = ExcerptLocator.locate(doc, "", "- a non-exclusive right to distribute -");
        assertThat(bullet.status()).isEqualTo(MatchStatus.NORMALIZED);
        assertThat(region(doc, bullet)).isEqualTo("a non-exclusive right to distribute");
    }

    @Test
    void smallEditsAreFoundFuzzy() {
        String original = "All notices given under the Agreement are to be in writing and may be sent by mail, "
                + "telefax, courier service or otherwise delivered to the party to be notified";
        String edited = original.replace("notices", "notice").replace("writing", "writting")
                .replace("courier service", "courier services");
        Location location = locator.locate(edited);
        assertThat(location.status()).isEqualTo(MatchStatus.FUZZY);
        assertThat(location.similarity()).isBetween(0.85, 0.999);
        int expectedStart = netgear.indexOf(original);
        assertThat(location.start()).isCloseTo(expectedStart, within(2));
        assertThat(location.end()).isCloseTo(expectedStart + original.length(), within(2));
    }

    @Test
    void fuzzyMatchMapsBackAcrossCollapsedWhitespace() {
        String excerpt = "DISTRIBUTOR AGREEMENT BETWEEN INGRAM MIKRO AND NETGEAR";
        Location location = locator.locate(excerpt);
        assertThat(location.status()).isEqualTo(MatchStatus.FUZZY);
        assertThat(region(netgear, location).replaceAll("\\s+", " ")).isEqualTo("DISTRIBUTOR AGREEMENT BETWEEN INGRAM MICRO AND NETGEAR");
    }

    @Test
    void excerptFromTheReferenceIsInReferenceWithReferenceOffsets() {
        String quote = reference.substring(2000, 2120).strip();
        Location location = locator.locate(quote);
        assertThat(location.status()).isEqualTo(MatchStatus.IN_REFERENCE);
        assertThat(region(reference, location)).isEqualTo(quote);
    }

    @Test
    void verbatimReferenceQuoteBeatsASimilarTargetWindow() {
        String target = "The Supplier may terminate this Agreement on thirty days written notice to the Customer.";
        String ref = "The Supplier may terminate this Agreement on sixty days written notice to the Customer.";
        Location location = ExcerptLocator.locate(target, ref, ref);
        assertThat(location.status()).isEqualTo(MatchStatus.IN_REFERENCE);
        assertThat(location.start()).isZero();
        Location withoutReference = ExcerptLocator.locate(target, "", ref);
        assertThat(withoutReference.status()).isEqualTo(MatchStatus.FUZZY);
    }

    @Test
    void unrelatedTextIsNotFound() {
        Location location = locator.locate("The Licensee shall maintain cyber insurance of at least ten million euros per claim.");
        assertThat(location.status()).isEqualTo(MatchStatus.NOT_FOUND);
        assertThat(location.start()).isEqualTo(-1);
        assertThat(location.end()).isEqualTo(-1);
        assertThat(location.similarity()).isBetween(0.0, 0.85);
        assertThat(location.reason()).startsWith("no part of the target or reference reaches similarity 0.85");
    }

    @Test
    void shortExcerptsAreMatchedExactlyOnly() {
        assertThat(locator.locate("NOTICES").status()).isEqualTo(MatchStatus.EXACT);
        Location lowerCase = locator.locate("NETgear");
        assertThat(lowerCase.status()).isEqualTo(MatchStatus.NOT_FOUND);
        assertThat(lowerCase.reason()).contains("shorter than 8 characters");
    }

    @Test
    void emptyExcerptIsNotFound() {
        for (String excerpt : new String[] {"", "  \n", null}) {
            Location location = locator.locate(excerpt);
            assertThat(location.status()).isEqualTo(MatchStatus.NOT_FOUND);
            assertThat(location.reason()).isEqualTo("empty excerpt");
        }
    }

    @Test
    void emptyDocumentsFindNothingWithoutFailing() {
        Location location = ExcerptLocator.locate("", null, "the Supplier shall deliver");
        assertThat(location.status()).isEqualTo(MatchStatus.NOT_FOUND);
        assertThat(location.similarity()).isZero();
    }

    @Test
    void thresholdIsValidated() {
        assertThatThrownBy(() -> ExcerptLocator.forDocuments("a", "b", 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExcerptLocator.forDocuments("a", "b", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ExcerptLocator.forDocuments("a", "b", 1.0).threshold()).isEqualTo(1.0);
    }

    @Test
    void statusJsonNamesAreLowerCase() {
        assertThat(MatchStatus.IN_REFERENCE.jsonName()).isEqualTo("in_reference");
        assertThat(MatchStatus.NOT_FOUND.jsonName()).isEqualTo("not_found");
    }
}
