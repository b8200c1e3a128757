package dev.juror.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ExcerptLocatorPropertiesTest {

    private static final String DOCUMENT = ContractTexts.load("cuad-05-todosmedical-marketing-reseller-agreement.txt");
    private static final ExcerptLocator LOCATOR = ExcerptLocator.forDocuments(DOCUMENT, ContractTexts.reference());

    @Property(tries = 300)
    void anySubstringIsFoundExactlyWhereTheTextEqualsIt(@ForAll @IntRange(min = 0, max = 32_000) int from,
                                                        @ForAll @IntRange(min = 1, max = 600) int length) {
        Assume.that(from + length <= DOCUMENT.length());
        String excerpt = DOCUMENT.substring(from, from + length);
        Assume.that(!excerpt.isBlank());

        Location location = LOCATOR.locate(excerpt);

        assertThat(location.status()).isEqualTo(MatchStatus.EXACT);
        assertThat(DOCUMENT.substring(location.start(), location.end())).isEqualTo(excerpt.strip());
        assertThat(location.start()).isLessThanOrEqualTo(from + (excerpt.length() - excerpt.stripLeading().length()));
    }

    @Property(tries = 200)
    void reformattedSubstringIsFoundNormalizedOverTheSameText(@ForAll @IntRange(min = 0, max = 32_000) int from,
                                                             @ForAll @IntRange(min = 20, max = 400) int length) {
        Assume.that(from + length <= DOCUMENT.length());
        String excerpt = DOCUMENT.substring(from, from + length);
        String reformatted = excerpt.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", "\n  ");
        Assume.that(!reformatted.strip().equals(excerpt.strip()) && !excerpt.isBlank());
        Assume.that(!DOCUMENT.contains(reformatted.strip()));

        Location location = LOCATOR.locate(reformatted);

        assertThat(location.status()).isEqualTo(MatchStatus.NORMALIZED);
        String found = DOCUMENT.substring(location.start(), location.end());
        assertThat(fold(found)).isEqualTo(fold(reformatted));
    }

    private static String fold(String s) {
        return NormalizedText.of(s.strip()).text.replaceAll("^[-\"' ]+|[-\"' ]+$", "");
    }
}
