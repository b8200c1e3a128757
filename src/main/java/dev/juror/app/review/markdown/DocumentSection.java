package dev.juror.app.review.markdown;

/**
 * A place a reader can go to in a rendered reference: a Markdown heading, or a numbered clause
 * (a line that starts with a number such as {@code 1.4}, as playbooks number their rules).
 *
 * @param number    the section number as written ({@code "1.4"}, {@code "3"}); empty when the
 *                  heading has none
 * @param title     the heading's or clause line's rendered text (a clause line is shortened)
 * @param depth     0 for a top-level heading, deeper for lower headings and for clauses under a heading
 * @param paragraph the index of the rendered paragraph (line) it starts
 * @param heading   true for a Markdown heading, false for a numbered clause
 */
public record DocumentSection(String number, String title, int depth, int paragraph, boolean heading) {

    /** The heading's words without its number: "Term, renewal and exit" for "1. Term, renewal and exit". */
    public String words() {
        String text = title;
        if (!number.isEmpty()) {
            int at = text.indexOf(number);
            if (at >= 0) {
                text = text.substring(at + number.length());
            }
        }
        return text.replaceFirst("^[\\s.:)\\u2014\\u2013-]+", "").strip();
    }

    @Override
    public String toString() {
        return "    ".repeat(depth) + title;
    }
}
