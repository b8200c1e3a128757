package dev.juror.app.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The level keys a scale's spelling asks for, best first, so the form can show one text area per
 * level as soon as the scale is typed. Whether the scale is acceptable is the strict reader's call;
 * this only needs to know which boxes to draw.
 */
final class LevelKeys {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s*");
    private static final int MAX_LEVELS = 11;

    private LevelKeys() {
    }

    static Optional<List<String>> of(String scale) {
        String s = scale == null ? "" : scale.strip().toLowerCase(Locale.ROOT);
        if (s.equals("boolean")) {
            return Optional.of(List.of("pass", "fail"));
        }
        if (s.equals("preference")) {
            return Optional.of(List.of("better", "tie"));
        }
        Matcher m = RANGE.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        int low = Integer.parseInt(m.group(1));
        int high = Integer.parseInt(m.group(2));
        if (low >= high || high - low + 1 > MAX_LEVELS) {
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>();
        for (int level = high; level >= low; level--) {
            keys.add(Integer.toString(level));
        }
        return Optional.of(List.copyOf(keys));
    }
}
