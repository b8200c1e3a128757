package dev.juror.bench;

import dev.juror.dataset.MatchStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A deterministic, realistic mix of 40 excerpts against one contract: 16 exact quotes, 10 needing
 * normalisation (case and line breaks, curly quotes, ellipses), 6 with typos (fuzzy), 4 quoted from
 * the reference and 4 invented. Shared by the benchmark and the test that checks each case gets
 * the status it was built for.
 */
public final class ExcerptMix {

    public record Case(String excerpt, MatchStatus expected) {
    }

    private static final String[] INVENTED = {
        "The Licensee shall maintain cyber insurance of at least ten million euros per claim.",
        "Either party may terminate for convenience on ninety days notice without any penalty whatsoever.",
        "All disputes shall be resolved exclusively by the courts of Geneva under Swiss law.",
        "The Supplier warrants that the software contains no open source components under copyleft licences.",
    };

    private ExcerptMix() {
    }

    public static List<Case> build(String target, String reference) {
        Random random = new Random(20_240_601L);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            cases.add(new Case(slice(target, random, 60, 300), MatchStatus.EXACT));
        }
        for (int i = 0; i < 10; i++) {
            String slice = slice(target, random, 80, 250);
            String excerpt = switch (i % 3) {
                case 0 -> slice.toUpperCase(Locale.ROOT).replace(" ", "\n");
                case 1 -> "\u201c" + slice.replace("\"", "\u201d").replace("'", "\u2019").replace(" ", "  ") + "\u201d";
                default -> slice.substring(0, 40) + " \u2026 " + slice.substring(slice.length() - 40);
            };
            cases.add(new Case(excerpt, MatchStatus.NORMALIZED));
        }
        for (int i = 0; i < 6; i++) {
            cases.add(new Case(withTypos(slice(target, random, 120, 250), random, 3), MatchStatus.FUZZY));
        }
        for (int i = 0; i < 4; i++) {
            cases.add(new Case(slice(reference, random, 60, 200), MatchStatus.IN_REFERENCE));
        }
        for (String invented : INVENTED) {
            cases.add(new Case(invented, MatchStatus.NOT_FOUND));
        }
        return cases;
    }

    /** A slice that starts and ends on word boundaries and holds some letters. */
    private static String slice(String text, Random random, int minLength, int maxLength) {
        while (true) {
            int length = minLength + random.nextInt(maxLength - minLength);
            int from = random.nextInt(text.length() - length);
            while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
                from++;
            }
            int to = Math.min(text.length(), from + length);
            while (to < text.length() && Character.isLetterOrDigit(text.charAt(to))) {
                to++;
            }
            String slice = text.substring(from, to).strip().replaceAll("\\s+", " ");
            if (slice.length() >= minLength / 2 && slice.chars().filter(Character::isLetter).count() > slice.length() / 2) {
                return text.substring(from, to).strip();
            }
        }
    }

    /** Replaces {@code count} letters, spread over the text, with another letter. */
    private static String withTypos(String text, Random random, int count) {
        char[] chars = text.toCharArray();
        int changed = 0;
        for (int attempt = 0; changed < count && attempt < 1000; attempt++) {
            int segment = chars.length / count;
            int at = changed * segment + random.nextInt(Math.max(1, segment));
            if (at < chars.length && Character.isLowerCase(chars[at])) {
                chars[at] = chars[at] == 'x' ? 'q' : 'x';
                changed++;
            }
        }
        return new String(chars);
    }
}
