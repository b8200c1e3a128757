package dev.juror.judge.heuristic;

import dev.juror.dataset.Comment;
import dev.juror.dataset.ExcerptLocator;
import dev.juror.dataset.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transparent rules of the heuristic baseline, each scoring one dimension of the contract
 * rubric on 1-5. They read only the text, never a model: see docs/judges.md for the table.
 */
final class HeuristicRules {

    /** An excerpt longer than this quotes more than the clause at issue. */
    static final int WIDE_EXCERPT_CHARS = 500;
    /** Reference-coverage steps: share of the comment's content words found in the best reference passage. */
    static final double STRONG_COVERAGE = 0.30;
    static final double FAIR_COVERAGE = 0.18;
    static final double WEAK_COVERAGE = 0.08;
    /** Quoted replacement wording: a quotation of at least this many words. */
    static final int QUOTED_WORDING_WORDS = 6;

    private static final Pattern CITATION = Pattern.compile(
            "§\\s*\\d|\\b(?:section|sec\\.|clause|article|paragraph|para\\.|rule)\\s*\\d", Pattern.CASE_INSENSITIVE);
    private static final Pattern SILENT = Pattern.compile(
            "\\b(?:reference|playbook|guideline)s?\\b[^.]{0,60}\\b(?:is|are)\\s+silent\\b|\\bsilent\\s+on\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("[\"“”]([^\"“”]{10,})[\"“”]");
    private static final Pattern CONCRETE_VERB = Pattern.compile(
            "\\b(?:replace|insert|add|delete|strike|remove|amend|cap|limit|require|extend|shorten|reduce|increase"
                    + "|change|restrict|exclude|carve|define|specify|substitute|reword|negotiate)\\w*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETER = Pattern.compile(
            "\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty|sixty|ninety)\\b"
                    + "|\\b(?:days?|months?|years?|percent|fees?|prior written notice)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VAGUE = Pattern.compile(
            "^\\s*(?:please\\s+)?(?:review|consider|clarify|revise|check|look at|reconsider|discuss|revisit"
                    + "|ensure|make sure|be careful)\\b",
            Pattern.CASE_INSENSITIVE);

    private HeuristicRules() {
    }

    /** TargetDocument grounding from where the excerpt is (and whether the comment talks about it). */
    static RuleScore grounding(Comment comment, ExcerptLocator locator) {
        String excerpt = comment.textExcerpt().strip();
        if (excerpt.isEmpty()) {
            return new RuleScore(1, "G0", "text_excerpt is empty");
        }
        Location location = locator.locate(excerpt);
        switch (location.status()) {
            case IN_REFERENCE -> {
                return new RuleScore(1, "G1", "text_excerpt quotes the Reference, not the TargetDocument");
            }
            case NOT_FOUND -> {
                return new RuleScore(1, "G1", "text_excerpt is not in the TargetDocument (" + location.reason() + ")");
            }
            case FUZZY -> {
                return new RuleScore(2, "G2", String.format(Locale.ROOT,
                        "text_excerpt only resembles a TargetDocument passage (similarity %.2f): not verbatim",
                        location.similarity()));
            }
            default -> {
                // exact or normalised: a real quote
            }
        }
        String found = location.status().jsonName();
        if (Words.shared(Words.of(comment.comment()), Words.of(excerpt)) == 0) {
            return new RuleScore(3, "G3", "verbatim quote (" + found + "), but the comment shares no content word"
                    + " with it, so it may be about another clause");
        }
        if (excerpt.length() > WIDE_EXCERPT_CHARS) {
            return new RuleScore(4, "G4", "verbatim quote (" + found + ") of " + excerpt.length()
                    + " characters: wider than the clause at issue (over " + WIDE_EXCERPT_CHARS + ")");
        }
        return new RuleScore(5, "G5", "verbatim quote (" + found + ") of " + excerpt.length()
                + " characters, and the comment discusses its words");
    }

    /** Reference consistency from lexical overlap of the comment with the best-matching reference passage. */
    static RuleScore reference(Comment comment, List<Set<String>> referencePassages) {
        String text = comment.comment();
        boolean silent = SILENT.matcher(text).find();
        if (referencePassages.isEmpty()) {
            return silent ? new RuleScore(3, "R0", "the Reference is empty and the comment says it relies on"
                    + " general reasoning")
                    : new RuleScore(2, "R0", "the Reference is empty and the comment does not say so");
        }
        Set<String> words = Words.of(text);
        if (words.isEmpty()) {
            return new RuleScore(1, "R1", "the comment has no content words to justify anything");
        }
        int best = 0;
        for (Set<String> passage : referencePassages) {
            best = Math.max(best, Words.shared(words, passage));
        }
        double coverage = (double) best / words.size();
        boolean cites = CITATION.matcher(text).find();
        String seen = String.format(Locale.ROOT, "%d of the comment's %d content words (%.0f%%) appear in the"
                + " closest Reference passage%s", best, words.size(), 100 * coverage,
                cites ? ", and it cites a section" : "");
        if (coverage >= STRONG_COVERAGE) {
            return cites ? new RuleScore(5, "R5", seen) : new RuleScore(4, "R4", seen);
        }
        if (coverage >= FAIR_COVERAGE) {
            return cites ? new RuleScore(4, "R4", seen) : new RuleScore(3, "R3", seen);
        }
        if (silent) {
            return new RuleScore(3, "R3", seen + "; the comment says the Reference is silent");
        }
        if (coverage >= WEAK_COVERAGE) {
            return new RuleScore(2, "R2", seen);
        }
        return new RuleScore(1, "R1", seen);
    }

    /** Actionability from the presence and specificity of the recommended action. */
    static RuleScore actionability(Comment comment) {
        String action = comment.recommendedAction().strip();
        if (action.isEmpty()) {
            return new RuleScore(1, "A1", "recommended_action is empty");
        }
        int wordCount = action.split("\\s+").length;
        Matcher quoted = QUOTED.matcher(action);
        while (quoted.find()) {
            if (quoted.group(1).strip().split("\\s+").length >= QUOTED_WORDING_WORDS) {
                return new RuleScore(5, "A5", "gives replacement wording in quotes (" + wordCount + " words)");
            }
        }
        boolean verb = CONCRETE_VERB.matcher(action).find();
        boolean parameter = PARAMETER.matcher(action).find();
        if (VAGUE.matcher(action).find() && !(verb && parameter)) {
            return new RuleScore(2, "A2", "opens with a vague instruction (review, consider, clarify ...)"
                    + " and names no concrete change");
        }
        if (verb && parameter) {
            return new RuleScore(4, "A4", "names a concrete change with a parameter (amount, period, number)"
                    + " but no replacement wording");
        }
        if (verb) {
            return new RuleScore(3, "A3", "says what to change but leaves the substance open");
        }
        return new RuleScore(2, "A2", "names no concrete change (no add / delete / replace / cap ...)");
    }

    /** The reference split into passages (paragraphs and list items), each as a set of content words. */
    static List<Set<String>> passages(String reference) {
        List<Set<String>> passages = new ArrayList<>();
        if (reference == null || reference.isBlank()) {
            return passages;
        }
        for (String block : reference.split("\\n\\s*\\n|\\n(?=\\s*(?:[-*•]|\\d+[.)]|#))")) {
            Set<String> words = Words.of(block);
            if (!words.isEmpty()) {
                passages.add(words);
            }
        }
        return passages;
    }
}
