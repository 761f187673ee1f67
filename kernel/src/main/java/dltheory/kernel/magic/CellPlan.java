package dltheory.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell split into what runs in order: Java code pieces and line magics, optionally wrapped in one
 * cell magic ({@code %%name} on the first line). Code pieces are padded with blank lines so that
 * their line numbers are the cell's. A magic line inside a block or an unfinished statement stays in its
 * code piece, as a call of {@code Notebook.lineMagic} ({@link ExpressionMagics#statement}).
 *
 * @param cellMagic the cell magic, or null
 * @param parts     code and line magics in cell order
 */
public record CellPlan(MagicLine cellMagic, List<Part> parts) {

    /** A piece of the cell. */
    public sealed interface Part permits Code, Magic {
    }

    /** Java source, padded to start at its cell line. */
    public record Code(String source) implements Part {
    }

    /** A line magic. */
    public record Magic(MagicLine magic) implements Part {
    }

    /** Splits a cell. */
    public static CellPlan parse(String cell) {
        String[] lines = cell.split("\n", -1);
        int first = 0;
        MagicLine cellMagic = null;
        if (lines.length > 0 && MagicLine.isCellMagic(lines[0])) {
            cellMagic = MagicLine.parse(lines[0], 1);
            first = 1;
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        boolean hasCode = false;
        for (int i = first; i < lines.length; i++) {
            boolean magic = MagicLine.isLineMagic(lines[i]);
            if (magic && hasCode && ExpressionMagics.openDepth(code.toString()) > 0) {
                // inside a block or a statement: the magic runs in place, as a call
                code.append(ExpressionMagics.statement(lines[i]));
                if (i < lines.length - 1) {
                    code.append('\n');
                }
                continue;
            }
            if (magic) {
                if (hasCode) {
                    parts.add(new Code(code.toString()));
                }
                parts.add(new Magic(MagicLine.parse(lines[i], i + 1)));
                code.setLength(0);
                hasCode = false;
                code.append("\n".repeat(i + 1));
            } else {
                if (!hasCode && code.length() == 0) {
                    code.append("\n".repeat(i));
                }
                code.append(lines[i]);
                if (i < lines.length - 1) {
                    code.append('\n');
                }
                hasCode = hasCode || !lines[i].isBlank();
            }
        }
        if (hasCode) {
            parts.add(new Code(code.toString()));
        }
        return new CellPlan(cellMagic, parts);
    }

    /** The cell with magic lines replaced by spaces, so offsets and lines stay the same (for analysis). */
    public static String codeOnly(String cell) {
        String[] lines = cell.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            boolean magic = MagicLine.isLineMagic(lines[i]) || (i == 0 && MagicLine.isCellMagic(lines[i]));
            sb.append(magic ? " ".repeat(lines[i].length()) : lines[i]);
            if (i < lines.length - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
