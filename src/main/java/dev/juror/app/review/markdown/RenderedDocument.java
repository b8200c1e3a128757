package dev.juror.app.review.markdown;

import java.util.List;

/**
 * A Markdown document as the reader sees it: the rendered text (paragraphs separated by
 * {@code '\n'}), each paragraph's style classes, the styled stretches inside paragraphs, where each
 * raw character went, and the sections a reader can jump to. Immutable; built off the FX thread.
 */
public record RenderedDocument(String text, List<List<String>> paragraphStyles, List<StyledRun> runs,
                               OffsetMap offsets, List<DocumentSection> sections) {

    public RenderedDocument {
        paragraphStyles = paragraphStyles.stream().map(List::copyOf).toList();
        runs = List.copyOf(runs);
        sections = List.copyOf(sections);
    }

    /** The rendered text of one paragraph (line). */
    public String paragraph(int index) {
        String[] lines = text.split("\n", -1);
        return lines[index];
    }
}
