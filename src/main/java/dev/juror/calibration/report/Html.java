package dev.juror.calibration.report;

import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Interval;
import dev.juror.calibration.views.StatWithCi;
import java.util.Locale;

/** Escaping and number formatting for the HTML report. Every text from data goes through {@link #esc}. */
final class Html {

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values (predictions and notes are hostile input). */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters other than tab/newline would make the page invalid
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append("&#xFFFD;");
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String est(Estimate e) {
        return switch (e) {
            case Estimate.Defined d -> num(d.value());
            case Estimate.Undefined u -> "<span class=\"undef\" title=\"" + esc(u.reason()) + "\">n/a</span>";
        };
    }

    static String withCi(StatWithCi s) {
        String v = est(s.estimate());
        return switch (s.ci()) {
            case Interval.Bounds b -> v + " <span class=\"ci\">[" + num(b.low()) + ", " + num(b.high()) + "]</span>";
            case Interval.Unavailable u -> v + (s.estimate().isDefined()
                    ? " <span class=\"ci undef\" title=\"" + esc(u.reason()) + "\">[no CI]</span>" : "");
        };
    }
}
