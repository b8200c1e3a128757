package dev.juror.reward.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link StartLiterals#derive} never loses a match: for random patterns built from the shapes rule
 * files use (and shapes it must refuse), matching only at the derived start literals finds exactly
 * what {@code Matcher.find()} finds, on random texts over the same small alphabet.
 */
class StartLiteralsDeriveProperties {

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> word = Arbitraries.of("a", "b", "ab", "ba", "a b", "1", "12", "-", "a-b", "'a");
        Arbitrary<String> atom = Arbitraries.oneOf(word, Arbitraries.of("\\d", "\\d{2}", "[ -]?", "[ab]", ".", "\\b",
                "(?<![\\d-])", "(?<=a)", "(?<!b)", "(?:a|b)", "(?:ab|1)", "(?:\\d[ -]?)", "(?:a|)", "(?i)a", "^", "$"));
        Arbitrary<String> quantifier = Arbitraries.of("", "", "", "?", "*", "+", "{0,2}", "{1,3}", "{2}");
        Arbitrary<String> element = Arbitraries.oneOf(word, atom).flatMap(a -> quantifier.map(q -> a + q));
        Arbitrary<String> sequence = element.list().ofMinSize(1).ofMaxSize(4).map(es -> String.join("", es));
        return sequence.list().ofMinSize(1).ofMaxSize(3).map(alts -> String.join("|", alts));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab12- '").ofMaxLength(24);
    }

    @Property(tries = 4000)
    void matchingAtTheDerivedStartsFindsWhatFindFinds(@ForAll("patterns") String regex, @ForAll("texts") String text) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            return;
        }
        StartLiterals starts = StartLiterals.derive(regex);
        assertThat(MatchSpans.of(starts.matches(pattern, text))).as("%s on '%s' (starts %s)", regex, text, starts.literals())
                .isEqualTo(MatchSpans.plain(pattern, text));
    }

    @Example
    void derivesTheShippedRuleShapes() {
        assertThat(StartLiterals.derive("\\b(?:i|we)(?:'ll| will) (?:kill|hurt)\\b").literals()).containsExactly("i", "we");
        assertThat(StartLiterals.derive("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])").literals()).hasSize(10);
        assertThat(StartLiterals.derive("\\bghp_[A-Za-z0-9]{36}\\b|\\bxox[abprs]-").literals())
                .containsExactly("ghp_", "xox");
        assertThat(StartLiterals.derive("-----BEGIN (?:RSA )?PRIVATE KEY-----").literals()).containsExactly("-----BEGIN ");
        assertThat(StartLiterals.derive("colou?r").literals()).containsExactly("colo");
    }

    @Example
    void refusesShapesItCannotBound() {
        for (String regex : List.of("(?i)abc", "a?b", "x*y", "(?:a|)b", "(?:ab)?c", "[ab]c", ".x", "\\d?x", "\\d*x",
                "a|.b", "^x", "(?=a)a")) {
            assertThat(StartLiterals.derive(regex)).as(regex).isEqualTo(StartLiterals.UNKNOWN);
        }
    }
}
