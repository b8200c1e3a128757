package dev.juror.app.rubric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt preview: the rendered system message and user message as one text, with the ranges
 * the view colours (message parts, section headers, dimension headers, block tags, placeholders).
 * Built off the FX thread; spans never overlap and are sorted.
 */
public record Preview(String text, List<Span> spans) {

    public static final String PART = "preview-part";
    public static final String SECTION = "preview-section";
    public static final String DIMENSION = "preview-dimension";
    public static final String TAG = "preview-tag";
    public static final String PLACEHOLDER = "preview-placeholder";

    public record Span(int start, int end, String styleClass) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^=== .* ===$", Pattern.MULTILINE), PART),
            new Rule(Pattern.compile("^# .*$", Pattern.MULTILINE), SECTION),
            new Rule(Pattern.compile("^## .*$", Pattern.MULTILINE), DIMENSION),
            new Rule(Pattern.compile("\\[PLACEHOLDER: [^\\]\\n]*\\]"), PLACEHOLDER),
            new Rule(Pattern.compile("</?(?:SystemPrompt|TargetDocument|Reference|candidate_[A-Za-z0-9_]*)>"), TAG));

    private record Rule(Pattern pattern, String styleClass) {
    }

    public Preview {
        spans = List.copyOf(spans);
    }

    static Preview empty(String message) {
        return new Preview(message, List.of());
    }

    /** Highlights {@code text}: earlier rules win where ranges would overlap. */
    static Preview of(String text) {
        List<Span> found = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                Span span = new Span(m.start(), m.end(), rule.styleClass());
                if (found.stream().noneMatch(s -> s.start() < span.end() && span.start() < s.end())) {
                    found.add(span);
                }
            }
        }
        found.sort(Comparator.comparingInt(Span::start));
        return new Preview(text, found);
    }

    /** The class at {@code offset}, or "" when unstyled (for tests and tooltips). */
    public String styleAt(int offset) {
        return spans.stream().filter(s -> s.start() <= offset && offset < s.end()).map(Span::styleClass).findFirst()
                .orElse("");
    }
}
