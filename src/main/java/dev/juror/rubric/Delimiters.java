package dev.juror.rubric;

import java.util.regex.Pattern;

/**
 * Tag names of the prompt's blocks and the escaping that keeps text inside a block from closing
 * it or opening another one.
 */
final class Delimiters {

    static final String SYSTEM_PROMPT = "SystemPrompt";
    static final String TARGET_DOCUMENT = "TargetDocument";
    static final String REFERENCE = "Reference";
    /** Prefix of every candidate tag; the rest of the tag is a per-call random code. */
    static final String CANDIDATE_PREFIX = "candidate";
    /** Prefix of the fixed examples' tags in the system prompt ({@code example_1}, {@code example_1_context}). */
    static final String EXAMPLE_PREFIX = "example";

    /**
     * A {@code <} that starts one of our tags (opening or closing, any case, blanks allowed after
     * {@code <} and {@code /}), in documents, candidates and fixed examples alike: a candidate cannot forge
     * an example block, nor an example's text close its own.
     */
    private static final Pattern TAG_START = Pattern.compile(
            "<(?=\\s*/?\\s*(?:" + SYSTEM_PROMPT + "|" + TARGET_DOCUMENT + "|" + REFERENCE + "|" + CANDIDATE_PREFIX
                    + "|" + EXAMPLE_PREFIX + "))",
            Pattern.CASE_INSENSITIVE);

    static final String ESCAPED_LT = "&lt;";

    private Delimiters() {
    }

    /**
     * Replaces the {@code <} of anything that looks like one of our tags with {@code &lt;}, so
     * {@code </candidate_...>} or {@code </TargetDocument>} inside a block is plain text.
     */
    static String neutralise(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        return TAG_START.matcher(text).replaceAll(ESCAPED_LT);
    }
}
