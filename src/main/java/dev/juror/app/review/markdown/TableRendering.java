package dev.juror.app.review.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * A GFM table as aligned rows in a monospaced font: cells padded to their column's width and
 * separated by a vertical bar, the header row bold and underlined by a rule. A text area cannot
 * hold a grid, and aligned columns are what makes a table readable.
 */
final class TableRendering {

    private static final String SEPARATOR = " \u2502 ";

    private final RenderingVisitor visitor;
    private final RenderedTextBuilder out;

    TableRendering(RenderingVisitor visitor, RenderedTextBuilder out) {
        this.visitor = visitor;
        this.out = out;
    }

    void render(TableBlock table) {
        List<TableRow> rows = new ArrayList<>();
        collectRows(table, rows);
        List<Integer> widths = new ArrayList<>();
        for (TableRow row : rows) {
            int column = 0;
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext(), column++) {
                int width = plainText(cell).length();
                if (column == widths.size()) {
                    widths.add(width);
                } else {
                    widths.set(column, Math.max(widths.get(column), width));
                }
            }
        }
        boolean first = true;
        for (TableRow row : rows) {
            if (first) {
                visitor.openBlock("md-table-block");
            } else {
                out.paragraph(List.of("md-table-block"));
            }
            boolean head = row.getParent() instanceof TableHead;
            renderRow(row, widths, head);
            if (head) {
                out.paragraph(List.of("md-table-block"));
                List<String> rules = widths.stream().map("\u2500"::repeat).toList();
                out.appendShown(String.join("\u2500\u253C\u2500", rules), "md-table", "md-table-rule");
            }
            first = false;
        }
    }

    private void renderRow(TableRow row, List<Integer> widths, boolean head) {
        out.pushStyle("md-table");
        if (head) {
            out.pushStyle("md-strong");
        }
        int column = 0;
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext(), column++) {
            if (column > 0) {
                out.appendShown(SEPARATOR, "md-table-rule");
            }
            int before = out.length();
            visitor.visitInlines(cell);
            int pad = widths.get(column) - (out.length() - before);
            if (pad > 0 && cell.getNext() != null) {
                out.appendShown(" ".repeat(pad));
            }
        }
        if (head) {
            out.popStyle();
        }
        out.popStyle();
    }

    private static void collectRows(Node node, List<TableRow> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                rows.add(row);
            } else if (!(child instanceof TableCell)) {
                collectRows(child, rows);
            }
        }
    }

    /** The text a node shows, without styles: to measure a cell, or to read a bold lead-in. */
    static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        appendPlain(node, text);
        return text.toString();
    }

    private static void appendPlain(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof Code c) {
                text.append(c.getLiteral());
            } else if (child instanceof SoftLineBreak) {
                text.append(' ');
            } else {
                appendPlain(child, text);
            }
        }
    }
}
