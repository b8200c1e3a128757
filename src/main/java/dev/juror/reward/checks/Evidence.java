package dev.juror.reward.checks;

/** Builds short, printable evidence snippets: invisible characters are shown as escapes. */
final class Evidence {

    static final int MAX_LENGTH = 160;

    private Evidence() {
    }

    /** The slice [start, end) of {@code text}, clipped and made printable. */
    static String slice(String text, int start, int end) {
        int from = Math.max(0, Math.min(start, text.length()));
        int to = Math.max(from, Math.min(end, text.length()));
        if (to - from > MAX_LENGTH * 2) {
            to = from + MAX_LENGTH * 2;
        }
        return printable(text.substring(from, to));
    }

    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LENGTH) + 8);
        for (int i = 0; i < s.length() && out.length() < MAX_LENGTH; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || InvisibleChars.classify(cp) != InvisibleChars.Kind.VISIBLE) {
                out.append(String.format("\\u{%X}", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        if (out.length() >= MAX_LENGTH) {
            out.setLength(MAX_LENGTH - 1);
            out.append('…');
        }
        return out.toString();
    }
}
