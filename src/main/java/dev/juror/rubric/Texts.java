package dev.juror.rubric;

/** Text normalisation applied to every text read from a rubric file. */
final class Texts {

    private Texts() {
    }

    private static final java.util.regex.Pattern INNER_BLANKS = java.util.regex.Pattern.compile("(?<=\\S)[ \t]{2,}(?=\\S)");

    /**
     * Unifies line ends to {@code \n}, drops trailing blanks of each line, collapses runs of blanks
     * inside a line to one space (a folded YAML block keeps the trailing blanks of the lines it
     * joins) and strips the whole text, so a YAML block scalar ({@code |}, {@code >}) and a quoted
     * string that mean the same text give the same rubric (and the same version). Leading
     * indentation of a line is kept: it can structure a nested list.
     */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        for (String line : unified.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(INNER_BLANKS.matcher(line.stripTrailing()).replaceAll(" "));
        }
        return out.toString().strip();
    }
}
