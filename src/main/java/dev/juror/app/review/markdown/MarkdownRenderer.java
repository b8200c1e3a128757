package dev.juror.app.review.markdown;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Renders a Markdown document (a playbook) for reading: headings by level, emphasis, quotes, lists
 * with their bullets and numbers, code, tables as aligned rows, and paragraphs re-flowed (soft line
 * breaks joined, so text wraps to the pane). Source spans map every shown character back to the raw
 * text, where excerpts are located. Pure Java, safe on any thread.
 */
public final class MarkdownRenderer {

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    public RenderedDocument render(String raw) {
        RenderingVisitor visitor = new RenderingVisitor(raw);
        parser.parse(raw).accept(visitor);
        return visitor.result();
    }
}
