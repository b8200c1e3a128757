package dev.juror.app.review.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Walks the parsed Markdown and writes the rendered text. Blocks are separated by an empty line,
 * except the items of a tight list. A soft line break is joined with a space, except where the next
 * line starts a numbered clause ({@code 1.4 ...}) or a bold lead-in ({@code **Use:**}): playbooks
 * write one rule per line, and a lawyer reads them as separate rules, not as one long paragraph.
 */
final class RenderingVisitor extends AbstractVisitor {

    /** A numbered clause at the start of a line: "1.4 ", "10.2.1. ". */
    static final Pattern CLAUSE = Pattern.compile("^(\\d+(?:\\.\\d+)+)\\.?(?=\\s|$)");
    /** A heading's number: "1. Term", "Section 3 - Payment", "§ 4 Fees", "2.1 Scope". */
    private static final Pattern HEADING_NUMBER = Pattern.compile(
            "^(?:(?:section|article|clause|part)\\s+|\\u00A7\\s*)?(\\d+(?:\\.\\d+)*)(?=[.):\\s]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final String[] BULLETS = {"\u2022", "\u25E6", "\u25AA"};
    private static final int CLAUSE_TITLE = 70;

    private final RenderedTextBuilder out;
    private final List<PendingSection> sections = new ArrayList<>();
    private List<String> blockStyles = List.of();
    private boolean gap;
    private String pendingMarker = "";
    private int quoteDepth;
    private int listDepth;
    private int headingLevel;

    /** A section whose title is read from the rendered text once its line is complete. */
    private record PendingSection(String number, int level, int paragraph, int start, boolean heading) {
    }

    RenderingVisitor(String raw) {
        this.out = new RenderedTextBuilder(raw);
    }

    RenderedDocument result() {
        String text = out.text(0, out.length());
        int top = sections.stream().filter(PendingSection::heading).mapToInt(PendingSection::level).min().orElse(1);
        List<DocumentSection> done = new ArrayList<>();
        for (PendingSection s : sections) {
            int end = text.indexOf('\n', s.start());
            String title = text.substring(s.start(), end < 0 ? text.length() : end).strip();
            if (!s.heading() && title.length() > CLAUSE_TITLE) {
                title = title.substring(0, CLAUSE_TITLE - 1).strip() + "\u2026";
            }
            done.add(new DocumentSection(s.number(), title, Math.max(0, s.level() - top), s.paragraph(), s.heading()));
        }
        return out.build(done);
    }

    // Blocks

    @Override
    public void visit(Heading heading) {
        openBlock("md-h" + heading.getLevel() + "-block");
        int start = out.length();
        int paragraph = out.paragraphCount() - 1;
        out.pushStyle("md-h" + heading.getLevel());
        visitChildren(heading);
        out.popStyle();
        Matcher number = HEADING_NUMBER.matcher(out.text(start, out.length()).strip());
        headingLevel = heading.getLevel();
        sections.add(new PendingSection(number.find() ? number.group(1) : "", headingLevel, paragraph, start, true));
        gap = true;
    }

    @Override
    public void visit(Paragraph paragraph) {
        openBlock("md-p");
        noteClause(paragraph.getFirstChild());
        visitChildren(paragraph);
        gap = true;
    }

    @Override
    public void visit(BlockQuote quote) {
        quoteDepth++;
        visitChildren(quote);
        quoteDepth--;
        gap = true;
    }

    @Override
    public void visit(BulletList list) {
        visitList(list);
    }

    @Override
    public void visit(OrderedList list) {
        visitList(list);
    }

    private void visitList(ListBlock list) {
        listDepth++;
        visitChildren(list);
        listDepth--;
        gap = true;
    }

    @Override
    public void visit(ListItem item) {
        ListBlock list = (ListBlock) item.getParent();
        if (list.isTight() && (item.getPrevious() != null || list.getParent() instanceof ListItem)) {
            gap = false;
        }
        pendingMarker = marker(list, item) + " ";
        visitChildren(item);
        pendingMarker = "";
        gap = true;
    }

    private String marker(ListBlock list, ListItem item) {
        if (list instanceof OrderedList ordered) {
            int number = ordered.getMarkerStartNumber() == null ? 1 : ordered.getMarkerStartNumber();
            for (Node n = item.getPrevious(); n != null; n = n.getPrevious()) {
                number++;
            }
            String delimiter = ordered.getMarkerDelimiter() == null ? "." : ordered.getMarkerDelimiter();
            return number + delimiter;
        }
        return BULLETS[Math.min(listDepth, BULLETS.length) - 1];
    }

    @Override
    public void visit(FencedCodeBlock code) {
        codeLines(code.getLiteral(), code.getSourceSpans(), 1);
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        codeLines(code.getLiteral(), code.getSourceSpans(), 0);
    }

    @Override
    public void visit(HtmlBlock html) {
        codeLines(html.getLiteral(), html.getSourceSpans(), 0);
    }

    /** One rendered line per code line, each mapped to its own source line (after the opening fence). */
    private void codeLines(String literal, List<SourceSpan> spans, int firstSpan) {
        String[] lines = literal.split("\n", -1);
        int count = literal.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            if (i == 0) {
                openBlock("md-code-block");
            } else {
                out.paragraph(paragraphStyles());
            }
            int span = firstSpan + i;
            out.pushStyle("md-code");
            out.appendLiteral(lines[i], span < spans.size() ? List.of(spans.get(span)) : List.of());
            out.popStyle();
        }
        gap = true;
    }

    @Override
    public void visit(ThematicBreak rule) {
        openBlock("md-rule-block");
        out.appendShown("\u2500".repeat(24), "md-rule");
        gap = true;
    }

    @Override
    public void visit(LinkReferenceDefinition definition) {
        // not shown: it only gives link targets
    }

    @Override
    public void visit(CustomBlock block) {
        if (block instanceof TableBlock table) {
            new TableRendering(this, out).render(table);
            gap = true;
        } else {
            visitChildren(block);
        }
    }

    // Inlines

    @Override
    public void visit(Text text) {
        out.appendLiteral(text.getLiteral(), text.getSourceSpans());
    }

    @Override
    public void visit(Code code) {
        out.pushStyle("md-code");
        out.appendLiteral(code.getLiteral(), code.getSourceSpans());
        out.popStyle();
    }

    @Override
    public void visit(HtmlInline html) {
        out.appendLiteral(html.getLiteral(), html.getSourceSpans());
    }

    @Override
    public void visit(Emphasis emphasis) {
        styled("md-em", emphasis);
    }

    @Override
    public void visit(StrongEmphasis strong) {
        styled("md-strong", strong);
    }

    @Override
    public void visit(Link link) {
        styled("md-link", link);
    }

    private void styled(String style, Node node) {
        out.pushStyle(style);
        visitChildren(node);
        out.popStyle();
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        Node next = lineBreak.getNext();
        if (startsClause(next) || startsLeadIn(next)) {
            out.paragraph(blockStyles);
            noteClause(next);
        } else {
            out.appendShown(" ");
        }
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
        out.paragraph(blockStyles);
        noteClause(lineBreak.getNext());
    }

    // Helpers for the rendering of blocks (the table's too)

    /** Starts a block's first line: an empty line before it unless it follows on closely, then a list marker. */
    void openBlock(String style) {
        if (gap && out.paragraphCount() > 0) {
            out.paragraph(List.of());
        }
        gap = false;
        List<String> styles = new ArrayList<>(paragraphStyles());
        styles.add(style);
        blockStyles = List.copyOf(styles);
        out.paragraph(blockStyles);
        if (!pendingMarker.isEmpty()) {
            out.appendShown(pendingMarker, "md-marker");
            pendingMarker = "";
        }
    }

    /** The container styles of a line: inside a quote, how deep in a list. */
    private List<String> paragraphStyles() {
        List<String> styles = new ArrayList<>();
        if (quoteDepth > 0) {
            styles.add("md-quote");
        }
        if (listDepth > 0) {
            styles.add("md-indent-" + Math.min(listDepth, 4));
        }
        return styles;
    }

    void visitInlines(Node node) {
        visitChildren(node);
    }

    private void noteClause(Node first) {
        if (first instanceof Text text) {
            Matcher clause = CLAUSE.matcher(text.getLiteral());
            if (clause.find()) {
                sections.add(new PendingSection(clause.group(1), headingLevel + 1, out.paragraphCount() - 1,
                        out.length(), false));
            }
        }
    }

    private static boolean startsClause(Node next) {
        return next instanceof Text text && CLAUSE.matcher(text.getLiteral()).find();
    }

    private static boolean startsLeadIn(Node next) {
        return next instanceof StrongEmphasis strong && TableRendering.plainText(strong).strip().endsWith(":");
    }
}
