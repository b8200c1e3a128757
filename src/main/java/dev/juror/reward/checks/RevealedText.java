package dev.juror.reward.checks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage one of normalisation: the text as the judge model effectively reads it. JSON string escapes
 * are decoded (a prediction is JSON, and the judge reads {@code \u0069gnore} as "ignore"; the prompt
 * renderer may also decode it), and invisible code points are removed and collected as
 * {@link HiddenRun}s. Case and everything else are preserved, so encoded blobs can still be decoded.
 * {@link #origin()} maps each char back to its offset in the original string.
 */
record RevealedText(String text, int[] origin, List<HiddenRun> hidden, int originalLength) {

    static RevealedText of(String original) {
        String s = original == null ? "" : original;
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        IntList origin = new IntList(n);
        List<HiddenRun> runs = new ArrayList<>();
        RunBuilder run = null;
        int lastVisible = -1;
        int i = 0;
        while (i < n) {
            int start = i;
            int cp;
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = s.charAt(i + 1);
                int decoded = simpleEscape(e);
                if (decoded >= 0) {
                    cp = decoded;
                    i += 2;
                } else if (e == 'u' && i + 5 < n && isHex4(s, i + 2)) {
                    cp = Integer.parseInt(s, i + 2, i + 6, 16);
                    i += 6;
                    if (Character.isHighSurrogate((char) cp) && i + 5 < n && s.charAt(i) == '\\'
                            && s.charAt(i + 1) == 'u' && isHex4(s, i + 2)) {
                        int low = Integer.parseInt(s, i + 2, i + 6, 16);
                        if (Character.isLowSurrogate((char) low)) {
                            cp = Character.toCodePoint((char) cp, (char) low);
                            i += 6;
                        }
                    }
                } else {
                    cp = c;
                    i += 1;
                }
            } else {
                cp = s.codePointAt(i);
                i += Character.charCount(cp);
            }
            InvisibleChars.Kind kind = InvisibleChars.classify(cp);
            if (kind == InvisibleChars.Kind.VISIBLE) {
                if (run != null) {
                    addIfSuspicious(runs, run, lastVisible);
                    run = null;
                }
                lastVisible = cp;
                int len = Character.charCount(cp);
                out.appendCodePoint(cp);
                for (int k = 0; k < len; k++) {
                    origin.add(start);
                }
            } else {
                if (run != null && run.kind != kind) {
                    addIfSuspicious(runs, run, lastVisible);
                    run = null;
                }
                if (run == null) {
                    run = new RunBuilder(kind, start);
                }
                run.add(cp, i);
            }
        }
        if (run != null) {
            addIfSuspicious(runs, run, lastVisible);
        }
        return new RevealedText(out.toString(), origin.toArray(), List.copyOf(runs), n);
    }

    /** The original offset of char {@code index} of {@link #text()}; the end maps to the original end. */
    int originalOffset(int index) {
        if (index < origin.length) {
            return origin[index];
        }
        return originalLength;
    }

    /**
     * Appends chars [{@code from}, {@code to}) of {@link #text()} to {@code out} and their original
     * offsets to {@code origin}: the unchanged stretches of a reading built from this text.
     */
    void copyTo(int from, int to, StringBuilder out, IntList origin) {
        for (int k = from; k < to; k++) {
            out.append(text.charAt(k));
            origin.add(originalOffset(k));
        }
    }

    private static int simpleEscape(char e) {
        return switch (e) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b', 'f' -> ' ';
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            default -> -1;
        };
    }

    private static boolean isHex4(String s, int from) {
        for (int k = from; k < from + 4; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Emoji flags (U+1F3F4 + 2-6 tag letters/digits + cancel tag) and a lone emoji selector are legitimate. */
    private static void addIfSuspicious(List<HiddenRun> runs, RunBuilder run, int visibleBefore) {
        if (run.kind == InvisibleChars.Kind.TAG && visibleBefore == InvisibleChars.WAVING_BLACK_FLAG
                && run.isEmojiFlagSequence()) {
            return;
        }
        if (run.kind == InvisibleChars.Kind.VARIATION_SELECTOR && run.count == 1 && run.lastCp <= 0xFE0F) {
            return;
        }
        runs.add(run.build());
    }

    private static final class RunBuilder {
        final InvisibleChars.Kind kind;
        final int start;
        int end;
        int count;
        int lastCp;
        boolean tagOnlyAlnum = true;
        final StringBuilder tagText = new StringBuilder();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        RunBuilder(InvisibleChars.Kind kind, int start) {
            this.kind = kind;
            this.start = start;
        }

        void add(int cp, int endOffset) {
            count++;
            end = endOffset;
            lastCp = cp;
            if (kind == InvisibleChars.Kind.TAG && cp != InvisibleChars.CANCEL_TAG) {
                char ascii = (char) (cp - InvisibleChars.TAG_FIRST);
                if (ascii >= 0x20 && ascii <= 0x7E && tagText.length() < 65_536) {
                    tagText.append(ascii);
                }
                if (!Character.isLetterOrDigit(ascii) || Character.isUpperCase(ascii)) {
                    tagOnlyAlnum = false;
                }
            } else if (kind == InvisibleChars.Kind.VARIATION_SELECTOR && bytes.size() < 65_536) {
                bytes.write(InvisibleChars.variationSelectorByte(cp));
            }
        }

        boolean isEmojiFlagSequence() {
            return lastCp == InvisibleChars.CANCEL_TAG && tagOnlyAlnum && count - 1 >= 2 && count - 1 <= 6;
        }

        HiddenRun build() {
            String decoded = switch (kind) {
                case TAG -> tagText.toString();
                case VARIATION_SELECTOR -> new String(bytes.toByteArray(), StandardCharsets.UTF_8);
                default -> "";
            };
            return new HiddenRun(kind, start, end, count, decoded);
        }
    }
}
