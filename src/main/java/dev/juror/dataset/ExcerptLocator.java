package dev.juror.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds where a comment's {@code text_excerpt} is in the target document (the contract), or else in
 * the reference document. Build one locator per document pair with {@link #forDocuments} (it folds
 * and indexes both documents once) and call {@link #locate} for each excerpt; a locator is immutable
 * and safe to share between threads.
 *
 * <p>Order of attempts, first hit wins:
 * <ol>
 *   <li>{@code exact}: the excerpt, stripped of surrounding whitespace, occurs verbatim in the
 *       target (first occurrence).</li>
 *   <li>{@code normalized}: it occurs in the folded target ({@link NormalizedText}: whitespace,
 *       quotes, dashes, case, hyphens, line-end hyphenation), after stripping quote marks and
 *       dashes around the excerpt. An ellipsis ({@code ...}, {@code …}, {@code . . .}) stands for omitted text:
 *       the parts between ellipses must all be found, in order; the match spans from the first
 *       part's start to the last part's end.</li>
 *   <li>{@code in_reference}: the excerpt is found exactly or normalised in the reference. This is
 *       checked before fuzzy matching in the target, because a verbatim reference quote is stronger
 *       evidence than a merely similar target window.</li>
 *   <li>{@code fuzzy}: the most similar window of the target reaches the threshold
 *       ({@link FuzzyMatcher}).</li>
 *   <li>{@code in_reference} again, for a fuzzy match in the reference.</li>
 *   <li>{@code not_found}, with the best similarity seen and a reason.</li>
 * </ol>
 * Offsets always refer to the ORIGINAL text of the document named by the status (the reference for
 * {@code in_reference}). An excerpt shorter than {@value #MIN_TOLERANT_LENGTH} characters once
 * folded is matched exactly only (in the target, then the reference): short strings occur
 * everywhere, so tolerant matching would only invent locations. An empty excerpt is not found.
 */
public final class ExcerptLocator {

    public static final double DEFAULT_THRESHOLD = 0.85;
    public static final int MIN_TOLERANT_LENGTH = 8;

    private static final Pattern ELLIPSIS = Pattern.compile("\\.(?: ?\\.){2,}");

    private final Document target;
    private final Document reference;
    private final double threshold;

    private ExcerptLocator(String target, String reference, double threshold) {
        this.target = new Document(target == null ? "" : target);
        this.reference = new Document(reference == null ? "" : reference);
        this.threshold = threshold;
    }

    public static ExcerptLocator forDocuments(String target, String reference) {
        return forDocuments(target, reference, DEFAULT_THRESHOLD);
    }

    /** @param threshold minimum similarity in (0, 1] for a fuzzy match */
    public static ExcerptLocator forDocuments(String target, String reference, double threshold) {
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("fuzzy threshold must be in (0, 1], was " + threshold);
        }
        return new ExcerptLocator(target, reference, threshold);
    }

    /** One-off convenience; build a locator with {@link #forDocuments} for many excerpts. */
    public static Location locate(String target, String reference, String excerpt) {
        return forDocuments(target, reference).locate(excerpt);
    }

    public double threshold() {
        return threshold;
    }

    public Location locate(String excerpt) {
        String stripped = excerpt == null ? "" : excerpt.strip();
        if (stripped.isEmpty()) {
            return Location.notFound(0.0, "empty excerpt");
        }
        int exact = target.original.indexOf(stripped);
        if (exact >= 0) {
            return Location.found(MatchStatus.EXACT, exact, exact + stripped.length(), 1.0);
        }
        String folded = foldExcerpt(stripped);
        if (folded.length() < MIN_TOLERANT_LENGTH) {
            int inReference = reference.original.indexOf(stripped);
            if (inReference >= 0) {
                return Location.found(MatchStatus.IN_REFERENCE, inReference, inReference + stripped.length(), 1.0);
            }
            return Location.notFound(0.0, "excerpt is shorter than " + MIN_TOLERANT_LENGTH
                    + " characters once normalised; only exact matches are tried");
        }
        List<String> parts = parts(folded);
        if (parts.isEmpty()) {
            return Location.notFound(0.0, "excerpt holds nothing but ellipses");
        }
        int[] span = target.findNormalized(parts);
        if (span != null) {
            return Location.found(MatchStatus.NORMALIZED, span[0], span[1], 1.0);
        }
        int referenceExact = reference.original.indexOf(stripped);
        if (referenceExact >= 0) {
            return Location.found(MatchStatus.IN_REFERENCE, referenceExact, referenceExact + stripped.length(), 1.0);
        }
        span = reference.findNormalized(parts);
        if (span != null) {
            return Location.found(MatchStatus.IN_REFERENCE, span[0], span[1], 1.0);
        }
        String joined = String.join(" ", parts);
        Location inTarget = target.fuzzy(joined, MatchStatus.FUZZY, threshold);
        if (inTarget != null && inTarget.similarity() >= threshold) {
            return inTarget;
        }
        Location inReference = reference.fuzzy(joined, MatchStatus.IN_REFERENCE, threshold);
        if (inReference != null && inReference.similarity() >= threshold) {
            return inReference;
        }
        double best = Math.max(inTarget == null ? 0.0 : inTarget.similarity(),
                inReference == null ? 0.0 : inReference.similarity());
        return Location.notFound(best, String.format(Locale.ROOT,
                "no part of the target or reference reaches similarity %.2f (best %.2f)", threshold, best));
    }

    /** The excerpt folded like the documents, without quote marks, dashes or spaces around it. */
    private static String foldExcerpt(String excerpt) {
        String folded = NormalizedText.of(excerpt).text;
        int from = 0;
        int to = folded.length();
        while (from < to && isEdgeNoise(folded.charAt(from))) {
            from++;
        }
        while (to > from && isEdgeNoise(folded.charAt(to - 1))) {
            to--;
        }
        return folded.substring(from, to);
    }

    private static boolean isEdgeNoise(char c) {
        // quotes around a quotation, a list bullet "- ", or a hyphen cut off from its word
        return c == ' ' || c == '"' || c == '\'' || c == '-';
    }

    private static List<String> parts(String folded) {
        List<String> parts = new ArrayList<>();
        for (String part : ELLIPSIS.split(folded)) {
            String p = part.strip();
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    /** One document, folded and indexed once. */
    private static final class Document {
        final String original;
        final NormalizedText folded;
        final WordIndex words;

        Document(String original) {
            this.original = original;
            this.folded = NormalizedText.of(original);
            this.words = WordIndex.of(folded.text);
        }

        /** Original [start, end) spanning all parts found in order, or null. */
        int[] findNormalized(List<String> parts) {
            String text = folded.text;
            int first = text.indexOf(parts.get(0));
            if (first < 0) {
                return null;
            }
            int end = first + parts.get(0).length();
            for (int k = 1; k < parts.size(); k++) {
                int at = text.indexOf(parts.get(k), end);
                if (at < 0) {
                    return null;
                }
                end = at + parts.get(k).length();
            }
            return new int[] {folded.originalStart(first), folded.originalEnd(end)};
        }

        Location fuzzy(String foldedExcerpt, MatchStatus status, double threshold) {
            FuzzyMatcher.Window window = FuzzyMatcher.best(folded, words, foldedExcerpt, threshold);
            if (window == null || window.end() <= window.start()) {
                return null;
            }
            return Location.found(status, folded.originalStart(window.start()), folded.originalEnd(window.end()),
                    window.similarity());
        }
    }
}
