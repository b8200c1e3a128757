package dev.juror.rubric;

/** Text normalisation applied to every text read from a rubric file. */
final class Texts {

    private Texts() {
    }

    /**
     * Unifies line ends to {@code \n}, drops trailing blanks of each line and strips the whole
     * text, so a YAML block scalar ({@code |}, {@code >}) and a quoted string that mean the same
     * text give the same rubric (and the same version).
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
            out.append(line.stripTrailing());
        }
        return out.toString().strip();
    }
}
