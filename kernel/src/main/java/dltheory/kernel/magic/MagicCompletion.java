package dltheory.kernel.magic;

import org.dflib.jjava.jupyter.kernel.ReplacementOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Completion of magic names: {@code %ja} + Tab offers {@code %jars}; {@code %%ti} on a cell's first line
 * offers {@code %%time}; after an assignment ({@code var r = %mav}) line magics are offered too.
 */
public final class MagicCompletion {
    private MagicCompletion() {
    }

    /**
     * @param code      the cell
     * @param cursor    the cursor offset
     * @param lineNames line magic names
     * @param cellNames cell magic names
     * @return the matching magics, replacing the {@code %}-word before the cursor; null if the cursor is
     * not at the end of a magic name (Java completion applies)
     */
    public static ReplacementOptions complete(String code, int cursor, List<String> lineNames, List<String> cellNames) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        int wordStart = cursor;
        while (wordStart > lineStart && Character.isJavaIdentifierPart(code.charAt(wordStart - 1))) {
            wordStart--;
        }
        int percents = 0;
        while (wordStart - percents > lineStart && code.charAt(wordStart - percents - 1) == '%' && percents < 2) {
            percents++;
        }
        if (percents == 0) {
            return null;
        }
        int start = wordStart - percents;
        String before = code.substring(lineStart, start).strip();
        boolean lineStartMagic = before.isEmpty();
        boolean valueMagic = before.endsWith("=") && !before.endsWith("==") && percents == 1;
        if (!lineStartMagic && !valueMagic) {
            return null;
        }
        String typed = code.substring(wordStart, cursor);
        List<String> matches = new ArrayList<>();
        boolean firstLine = lineStart == 0 || code.substring(0, lineStart).isBlank();
        if (percents == 2 || (firstLine && lineStartMagic)) {
            if (firstLine) {
                for (String n : cellNames) {
                    if (n.startsWith(typed)) {
                        matches.add("%%" + n);
                    }
                }
            }
        }
        if (percents == 1) {
            for (String n : lineNames) {
                if (n.startsWith(typed)) {
                    matches.add("%" + n);
                }
            }
        }
        if (percents == 1 && firstLine && lineStartMagic) {
            // line magics first, cell magics after them
            List<String> cells = new ArrayList<>(matches.stream().filter(m -> m.startsWith("%%")).toList());
            matches.removeAll(cells);
            matches.addAll(cells);
        }
        return new ReplacementOptions(matches, start, cursor);
    }
}
