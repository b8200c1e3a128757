package dev.juror.reward.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.testing.TestDepth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast paths of the injection scanner find exactly what the plain regex finds: every pattern's
 * {@link StartLiterals} matches against {@code Matcher.find()}, and the linear base64 scan and hex
 * pre-filter of {@link EncodedPayloads} against their regexes. Texts are built from the patterns'
 * own words and punctuation, so matches are frequent, partial matches even more so.
 */
class StartLiteralsProperties {

    private static final List<InjectionPatterns.Entry> ENTRIES = entries();
    private static final List<String> TOKENS = tokens();
    /** The folded texts of the labelled attack and benign corpora (including the families and five languages). */
    private static final List<String> PHRASES = phrases();
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{20,}+={0,2}+");
    private static final Pattern HEX = Pattern.compile(
            "(?:0[xX])?[0-9A-Fa-f]{16,}+|(?:\\\\x[0-9A-Fa-f]{2}){8,}+|(?:[0-9A-Fa-f]{2}[ :]){7,}+[0-9A-Fa-f]{2}");

    private static List<InjectionPatterns.Entry> entries() {
        List<InjectionPatterns.Entry> all = new ArrayList<>(InjectionPatterns.standard());
        all.add(InjectionPatterns.literal(Rules.DELIMITER_BREAKOUT, "</targetdocument>"));
        all.add(InjectionPatterns.verdictKey("clarity"));
        return all;
    }

    /** Words and punctuation of every pattern, and a few prose words that are not in any. */
    private static List<String> tokens() {
        TreeSet<String> words = new TreeSet<>();
        Matcher m = Pattern.compile("[a-z_'+-]{1,20}").matcher("");
        for (InjectionPatterns.Entry e : ENTRIES) {
            m.reset(e.pattern().pattern());
            while (m.find()) {
                words.add(m.group());
            }
            words.addAll(e.anchors());
            words.addAll(e.starts().literals());
        }
        List<String> tokens = new ArrayList<>(words);
        for (char c : "\n.!?:;,[](){}\"'*>#|=-</\\_ 0123456789".toCharArray()) {
            tokens.add(String.valueOf(c));
        }
        tokens.addAll(List.of("clause", "supplier", "buyer", "said", "maximal", "thesis", "system's", "10", "5/5",
                "\"score\": 5", "<|", "|>", "[[", "]]", "<<<", ">>>", "--", "==", "##", "**", "  ", "\n\n", "3.5", "100%"));
        return tokens;
    }

    private static List<String> phrases() {
        List<String> out = new ArrayList<>();
        for (Corpus.Item item : Corpus.attacks()) {
            out.add(FoldedText.of(RevealedText.of(item.text())).text());
        }
        for (Corpus.Item item : Corpus.benign()) {
            out.add(FoldedText.of(RevealedText.of(item.text())).text());
        }
        for (Corpus.Item item : Corpus.families()) {
            out.add(FoldedText.of(RevealedText.of(item.text())).text());
        }
        for (Corpus.Item item : Corpus.benignMultilingual()) {
            out.add(FoldedText.of(RevealedText.of(item.text())).text());
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void everyPatternFindsWhatFindFindsOnTheCorpora() {
        int matches = 0;
        for (String text : PHRASES) {
            for (InjectionPatterns.Entry entry : ENTRIES) {
                List<List<Integer>> expected = MatchSpans.plain(entry.pattern(), text);
                matches += expected.size();
                assertThat(MatchSpans.of(entry.matches(text))).as("%s on %s", entry.pattern(), text).isEqualTo(expected);
            }
        }
        assertThat(matches).as("the corpora exercise the patterns").isGreaterThan(100);
    }

    /**
     * Near misses of real attacks: in every attack text expected to hit a rule, each word in turn is
     * replaced by, or prefixed with, each word and punctuation run of that rule's patterns. The
     * default run takes every eighth word (a different eighth for consecutive attacks, so every
     * position class is met); {@code -Djuror.tests.deep=true} takes every word.
     */
    @org.junit.jupiter.api.Test
    void everyPatternFindsWhatFindFindsOnOneWordVariantsOfTheAttacks() {
        int stride = TestDepth.stride(8);
        int variants = 0;
        int attack = 0;
        for (Corpus.Item item : Corpus.attacks()) {
            String[] words = FoldedText.of(RevealedText.of(item.text())).text().split(" ", -1);
            int first = attack++ % stride;
            for (InjectionPatterns.Entry entry : ENTRIES) {
                if (entry.starts().literals().isEmpty() || !item.expect().contains(entry.rule().name())) {
                    continue;
                }
                for (int i = first; i < words.length; i += stride) {
                    for (String swap : vocabulary(entry)) {
                        for (String variant : List.of(swap, swap + words[i], swap + " " + words[i])) {
                            String[] copy = words.clone();
                            copy[i] = variant;
                            String text = String.join(" ", copy);
                            assertThat(MatchSpans.of(entry.matches(text))).as("%s on %s", entry.pattern(), text)
                                    .isEqualTo(MatchSpans.plain(entry.pattern(), text));
                            variants++;
                        }
                    }
                }
            }
        }
        assertThat(variants).isGreaterThan(10_000 / stride);
    }

    private static List<String> vocabulary(InjectionPatterns.Entry entry) {
        TreeSet<String> words = new TreeSet<>(List.of("**", "--", "==", "##", "\"", "<", "[", "\n"));
        Matcher m = Pattern.compile("[a-z_'+-]{1,20}").matcher(entry.pattern().pattern());
        while (m.find()) {
            words.add(m.group());
        }
        return List.copyOf(words);
    }

    /** Pieces of corpus texts (whole, or cut at random), pattern words and punctuation. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> fragment = Arbitraries.of(PHRASES).flatMap(p -> Arbitraries.integers().between(0, p.length())
                .flatMap(a -> Arbitraries.integers().between(a, p.length()).map(b -> p.substring(a, b))));
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(TOKENS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(PHRASES)),
                net.jqwik.api.Tuple.of(1, fragment),
                net.jqwik.api.Tuple.of(3, mutated()));
        Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "", "\n", ", ", ". ", ": ", "\"");
        return token.list().ofMinSize(1).ofMaxSize(40)
                .flatMap(ts -> separator.list().ofSize(ts.size()).map(seps -> {
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < ts.size(); i++) {
                        s.append(ts.get(i)).append(seps.get(i));
                    }
                    return s.toString();
                }));
    }

    /** A corpus text with some words swapped for pattern words: the neighbourhood of real matches. */
    private static Arbitrary<String> mutated() {
        return Arbitraries.of(PHRASES).flatMap(p -> {
            String[] words = p.split(" ", -1);
            return Arbitraries.of(TOKENS).list().ofSize(words.length).flatMap(swaps -> Arbitraries.integers()
                    .between(0, 99).list().ofSize(words.length).map(dice -> {
                        StringBuilder s = new StringBuilder();
                        for (int i = 0; i < words.length; i++) {
                            s.append(i > 0 ? " " : "").append(dice.get(i) < 25 ? swaps.get(i) : words[i]);
                        }
                        return s.toString();
                    }));
        });
    }

    /**
     * 150 tries, each on a fresh seed per run; the corpus and variant sweeps above are the systematic
     * part, and a deep run adds {@link #everyPatternFindsWhatFindFindsOnManyMoreRandomTexts()}.
     */
    @Property(tries = 150)
    void everyPatternFindsWhatFindFinds(@ForAll("texts") String text) {
        assertEveryPatternFindsWhatFindFinds(text);
    }

    /** Deep runs only ({@code -Djuror.tests.deep=true}, CI): 1,000 more texts from the same generator. */
    @org.junit.jupiter.api.Test
    void everyPatternFindsWhatFindFindsOnManyMoreRandomTexts() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDepth.deep(), "deep runs only");
        texts().sampleStream().limit(1_000).forEach(StartLiteralsProperties::assertEveryPatternFindsWhatFindFinds);
    }

    private static void assertEveryPatternFindsWhatFindFinds(String text) {
        for (InjectionPatterns.Entry entry : ENTRIES) {
            assertThat(MatchSpans.of(entry.matches(text))).as("%s on %s", entry.pattern(), text)
                    .isEqualTo(MatchSpans.plain(entry.pattern(), text));
        }
    }

    @Provide
    Arbitrary<String> blobs() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars("Aa09+/_-=").ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withChars("0f ").ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().withChars("0f:").ofMinLength(1).ofMaxLength(30),
                Arbitraries.of("\\x4", "\\x41", "0x", "0X", " ", "\n", "é", "==", "word"));
        return piece.list().ofMaxSize(12).map(ps -> String.join("", ps));
    }

    @Property(tries = 3000)
    void base64ScanEqualsTheRegex(@ForAll("blobs") String text) {
        List<List<Integer>> expected = new ArrayList<>();
        Matcher m = BASE64.matcher(text);
        while (m.find()) {
            expected.add(List.of(m.start(), m.end()));
        }
        assertThat(EncodedPayloads.base64Spans(text).stream().map(s -> List.of(s[0], s[1])).toList())
                .as(text).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void hexPrefilterNeverHidesAMatch(@ForAll("blobs") String text) {
        if (HEX.matcher(text).find()) {
            assertThat(EncodedPayloads.mayHoldHex(text)).as(text).isTrue();
        }
    }
}
