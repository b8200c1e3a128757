package dev.juror.app.review.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendered text of a Markdown reference, its styles, its sections and where raw characters went. */
class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void markersAreNotShownAndSoftLineBreaksAreJoined() {
        RenderedDocument doc = renderer.render("# Title\n\nSome **bold** and *soft*\nwrapped text.\n");

        assertThat(doc.text()).isEqualTo("Title\n\nSome bold and soft wrapped text.");
        assertThat(doc.paragraphStyles().get(0)).contains("md-h1-block");
        assertThat(stylesAt(doc, doc.text().indexOf("Title"))).containsExactly("md-h1");
        assertThat(stylesAt(doc, doc.text().indexOf("bold"))).containsExactly("md-strong");
        assertThat(stylesAt(doc, doc.text().indexOf("soft"))).containsExactly("md-em");
        assertThat(stylesAt(doc, doc.text().indexOf("wrapped"))).isEmpty();
    }

    @Test
    void anExcerptSpanningBoldTextIsShownOnExactlyTheRenderedWords() {
        String raw = "# Rules\n\nThe Supplier **must not** assign this agreement.\n";
        RenderedDocument doc = renderer.render(raw);
        // Located in the raw text, markers included, as the excerpt locator finds it.
        int start = raw.indexOf("Supplier");
        int end = raw.indexOf(" assign") + " assign".length();

        int[] shown = doc.offsets().toRendered(start, end).orElseThrow();

        assertThat(doc.text().substring(shown[0], shown[1])).isEqualTo("Supplier must not assign");
    }

    @Test
    void anExcerptInsideAListItemIsShownOnExactlyTheRenderedWords() {
        String raw = "# Rules\n\n- first rule\n- the second rule, with a tail\n";
        RenderedDocument doc = renderer.render(raw);
        int start = raw.indexOf("second rule");

        int[] shown = doc.offsets().toRendered(start, start + "second rule".length()).orElseThrow();

        assertThat(doc.text()).isEqualTo("Rules\n\n\u2022 first rule\n\u2022 the second rule, with a tail");
        assertThat(doc.text().substring(shown[0], shown[1])).isEqualTo("second rule");
        assertThat(doc.paragraphStyles().get(3)).contains("md-indent-1");
    }

    @Test
    void escapesAndEntitiesKeepTheMapOnTheRightCharacters() {
        String raw = "# T\n\nA \\*starred\\* AT&amp;T clause.\n";
        RenderedDocument doc = renderer.render(raw);
        int start = raw.indexOf("clause");

        int[] shown = doc.offsets().toRendered(start, start + "clause".length()).orElseThrow();

        assertThat(doc.text()).endsWith("A *starred* AT&T clause.");
        assertThat(doc.text().substring(shown[0], shown[1])).isEqualTo("clause");
    }

    @Test
    void numberedClausesStartTheirOwnLineAndAreSections() {
        String raw = "# Playbook\n\n## 1. Term\n1.1 Initial term of 3 years.\n1.2 Renewal of 1 year,\nwith notice.\n";
        RenderedDocument doc = renderer.render(raw);

        assertThat(doc.text()).isEqualTo("Playbook\n\n1. Term\n\n1.1 Initial term of 3 years.\n"
                + "1.2 Renewal of 1 year, with notice.");
        assertThat(doc.sections()).extracting(DocumentSection::number).containsExactly("", "1", "1.1", "1.2");
        assertThat(doc.sections()).extracting(DocumentSection::depth).containsExactly(0, 1, 2, 2);
        DocumentSection clause = doc.sections().get(3);
        assertThat(clause.heading()).isFalse();
        assertThat(clause.title()).isEqualTo("1.2 Renewal of 1 year, with notice.");
        assertThat(doc.paragraph(clause.paragraph())).startsWith("1.2 Renewal");
        assertThat(doc.sections().get(1).words()).isEqualTo("Term");
    }

    @Test
    void quotesCodeAndTablesAreReadable() {
        String raw = "# T\n\n> quoted\n> line\n\n```\ncode line\n```\n\n| Term | Years |\n|---|---|\n| Initial | 5 |\n";
        RenderedDocument doc = renderer.render(raw);
        List<String> lines = List.of(doc.text().split("\n"));

        assertThat(lines).contains("quoted line", "code line", "Term    \u2502 Years", "Initial \u2502 5");
        int quote = lines.indexOf("quoted line");
        assertThat(doc.paragraphStyles().get(quote)).contains("md-quote");
        int cell = doc.text().indexOf("Initial");
        int[] shown = doc.offsets().toRendered(raw.indexOf("Initial"), raw.indexOf("Initial") + 7).orElseThrow();
        assertThat(shown).containsExactly(cell, cell + 7);
    }

    @Test
    void theSamplePlaybookRendersWithItsSections() throws IOException {
        String raw = Files.readString(Path.of("samples/contract-review/references/playbook-01-distributor-odm-supply.md"));
        RenderedDocument doc = renderer.render(raw);

        assertThat(doc.text()).doesNotContain("**", "## ", "\n> ");
        assertThat(doc.sections()).extracting(DocumentSection::number).contains("1", "1.4", "7.2", "9.2");
        DocumentSection redFlag = doc.sections().stream().filter(s -> s.number().equals("1.4")).findFirst().orElseThrow();
        assertThat(doc.paragraph(redFlag.paragraph())).startsWith("1.4 Red flag: termination rights");
    }

    private static List<String> stylesAt(RenderedDocument doc, int offset) {
        return doc.runs().stream().filter(r -> r.start() <= offset && offset < r.end()).findFirst()
                .map(StyledRun::styles).orElse(List.of());
    }
}
