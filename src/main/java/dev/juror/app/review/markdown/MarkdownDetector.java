package dev.juror.app.review.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a document is Markdown. The workspace keeps a document's text only (stored once by
 * content hash; the file name of the import line is not kept), so the text decides: a document is
 * Markdown when it has at least one ATX heading line ({@code # Title} .. {@code ###### Title}) and at
 * least one more Markdown mark (another heading, {@code **strong**}, a {@code > quote}, a bullet list,
 * a table row, a code fence). A plain-text contract seldom starts a line with {@code # } and never
 * with two such marks, so it is shown as written.
 */
public final class MarkdownDetector {

    private static final Pattern HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}[ \\t]+\\S");
    private static final Pattern OTHER_MARK = Pattern.compile(
            "(?m)(^ {0,3}#{1,6}[ \\t]+\\S|\\*\\*\\S[^\\n]*?\\*\\*|__\\S[^\\n]*?__|^ {0,3}>[ \\t]|^ {0,3}[-*+][ \\t]+\\S"
                    + "|^ {0,3}\\|.*\\|[ \\t]*$|^ {0,3}(```|~~~))");

    private MarkdownDetector() {
    }

    public static boolean isMarkdown(String text) {
        Matcher heading = HEADING.matcher(text);
        if (!heading.find()) {
            return false;
        }
        Matcher other = OTHER_MARK.matcher(text);
        int marks = 0;
        while (other.find()) {
            if (++marks >= 2) {
                return true; // the heading itself is one of them
            }
        }
        return false;
    }
}
