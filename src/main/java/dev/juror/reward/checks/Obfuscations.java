package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * Readings of a text that a judge model can make but the patterns cannot see in the text as
 * written: letters separated by spaces or dots ("I g n o r e"), the text reversed (whole or word by
 * word), a Caesar shift such as ROT13 ("Vtaber nyy cerivbhf"), and HTML entities or percent
 * encoding ("&amp;lt;/candidate&amp;gt;", "%3C%2Fcandidate%3E"). Each reading is a
 * {@link RevealedText} whose offset map points into the original text, so findings in it are
 * attributed to the characters that produced them.
 *
 * <p>Cost: every reading is built only when a linear pre-check says it could matter (a run of
 * spaced single letters; a reversed or shifted keyword; an entity or {@code %XX}). Ordinary
 * predictions fail all four checks and cost one pass plus a few {@code indexOf}s.
 */
final class Obfuscations {

    enum Kind {
        SPACED("spaced letters"), REVERSED("reversed text"), REVERSED_RUN("reversed words"),
        REVERSED_WORDS("each word reversed"),
        SHIFTED("Caesar/ROT shift"), ENTITIES("HTML entities or percent encoding");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Reading(Kind kind, RevealedText text) {
    }

    /**
     * Keywords whose reversed or shifted spelling triggers a reading. Long, distinctive words only:
     * a short one would occur by chance in ordinary text (harmless, but it costs a reading).
     */
    private static final List<String> KEYWORDS = List.of("ignore", "instruction", "instrucciones", "disregard",
            "previous", "evaluator", "grader", "rubric", "criteria", "system", "prompt", "override", "ignorez",
            "precedentes", "anteriores", "ignoriere", "anweisungen", "score", "judge", "forget", "candidate",
            "response");
    /** Reversed Chinese keywords (ignore, disregard, instruction, directive, full marks). */
    private static final List<String> REVERSED_HAN = List.of("略忽", "视无", "令指", "示指", "分满");
    private static final List<String> REVERSED = KEYWORDS.stream()
            .map(k -> new StringBuilder(k).reverse().toString()).toList();

    private Obfuscations() {
    }

    /**
     * The readings of {@code revealed} that pass their pre-check ({@code folded} is its folded form,
     * used for the keyword pre-checks). Usually empty.
     */
    static List<Reading> of(RevealedText revealed, FoldedText folded) {
        List<Reading> out = new ArrayList<>(0);
        String text = revealed.text();
        RevealedText entities = EntityDecoding.decode(revealed);
        if (entities != null) {
            out.add(new Reading(Kind.ENTITIES, entities));
        }
        RevealedText spaced = SpacedLetters.collapse(revealed);
        if (spaced != null) {
            out.add(new Reading(Kind.SPACED, spaced));
        }
        String f = folded.text();
        if (containsAny(f, REVERSED) || containsAny(text, REVERSED_HAN)) {
            out.add(new Reading(Kind.REVERSED, ReversedText.reverse(revealed)));
            List<int[]> runs = ReversedText.reversedRuns(text);
            if (!runs.isEmpty()) {
                out.add(new Reading(Kind.REVERSED_RUN, ReversedText.reverseRuns(revealed, runs, true)));
                out.add(new Reading(Kind.REVERSED_WORDS, ReversedText.reverseRuns(revealed, runs, false)));
            }
        }
        int shift = CaesarShifts.shiftOf(f);
        if (shift != 0) {
            out.add(new Reading(Kind.SHIFTED, CaesarShifts.unshift(revealed, shift)));
        }
        return out;
    }

    private static boolean containsAny(String text, List<String> needles) {
        for (String n : needles) {
            if (text.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
