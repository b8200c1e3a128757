package dev.juror.app.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class JsonHighlighterTest {

    /** The style of every character, "" for plain. */
    private static List<String> styleOfEachChar(String text) {
        StyleSpans<Collection<String>> spans = JsonHighlighter.styles(text);
        List<String> styles = new ArrayList<>();
        for (StyleSpan<Collection<String>> span : spans) {
            for (int i = 0; i < span.getLength(); i++) {
                styles.add(span.getStyle().isEmpty() ? "" : span.getStyle().iterator().next());
            }
        }
        return styles;
    }

    @Test
    void keysStringsNumbersLiteralsAndBracesGetTheirOwnStyles() {
        String text = "{\"score\": 4, \"note\": \"a \\\"quoted\\\" word\", \"ok\": true}";
        List<String> styles = styleOfEachChar(text);
        assertThat(styles).hasSize(text.length());
        assertThat(styles.get(0)).isEqualTo("json-brace");
        assertThat(styles.get(text.indexOf("\"score\""))).isEqualTo("json-key");
        assertThat(styles.get(text.indexOf("4"))).isEqualTo("json-number");
        int value = text.indexOf("\"a ");
        assertThat(styles.subList(value, text.indexOf(", \"ok\""))).containsOnly("json-string");
        assertThat(styles.get(text.indexOf("true"))).isEqualTo("json-literal");
        assertThat(styles.get(text.indexOf(":"))).isEmpty();
    }

    @Test
    void proseAroundTheJsonStaysPlainAndEmptyTextIsOneEmptySpan() {
        String text = "Here is my grading: {\"a\": 1}";
        List<String> styles = styleOfEachChar(text);
        assertThat(styles.subList(0, text.indexOf('{'))).containsOnly("");
        assertThat(JsonHighlighter.styles("").length()).isZero();
    }
}
