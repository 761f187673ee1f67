package dltheory.table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

import dltheory.check.Arguments;
import dltheory.text.Notation;
import dltheory.text.Words;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tables for the notebooks, on Tablesaw: built from a list of records (one row per record, one
 * column per record component, headed by a label in the notebook's notation), shown as HTML that
 * reads at a glance:
 * <ul>
 * <li>headers, caption and text cells with real sub- and superscripts ({@code ‖w_drop − w_OLS‖} is shown as
 * ‖w<sub>drop</sub> − w<sub>OLS</sub>‖, see {@link Notation});</li>
 * <li>one number format per column, chosen from its values: fixed decimals (four significant
 * digits for its smallest value, thousands separators) when every value lies in [10⁻³, 10⁶),
 * else 1.234×10⁻⁷ for every value, so the decimal points line up;</li>
 * <li>numbers right-aligned in tabular figures, text left-aligned;</li>
 * <li>a column that holds one value in every row is left out and stated in the caption.</li>
 * </ul>
 */
public final class Tables {

    private Tables() {
    }

    /**
     * A table with one row per record and one column per record component, in declaration order.
     * Components of type double, int, long, boolean and String are supported (others are shown
     * with {@code toString()}).
     *
     * @param caption the table's caption; TeX-like scripts (u_{t+1}, δ^T) are typeset
     * @param rows    the rows; all of the same record type, at least one
     * @param labels  the column headers in the notebook's notation, one per component (e.g.
     *                {@code "‖w_drop − w_OLS‖"}); none to use the component names
     */
    public static Table of(String caption, List<? extends Record> rows, String... labels) {
        Arguments.nonEmpty(rows, "rows");
        RecordComponent[] components = rows.get(0).getClass().getRecordComponents();
        if (labels.length != 0 && labels.length != components.length) {
            throw Arguments.invalid("labels", "name all " + components.length + " columns ("
                    + java.util.Arrays.stream(components).map(RecordComponent::getName).toList()
                    + ") or none", labels.length);
        }
        Table table = Table.create(caption);
        for (int j = 0; j < components.length; j++) {
            Column<?> column = column(components[j], rows);
            if (labels.length != 0) {
                column.setName(labels[j]);
            }
            table.addColumns(column);
        }
        return table;
    }

    /**
     * Gives the number columns {@code labels} of {@code table} one format, chosen from all their
     * values ({@link ColumnFormat#of(double[])}), for comparable quantities that a reader reads
     * across columns (a measured value beside its prediction): the rule is one format per column,
     * and comparable columns shown alike. The columns are replaced by copies that carry the shared
     * format; {@link #html} marks their headers {@code data-format-group} (the group's headers), so
     * that a reader of the HTML can tell a group's notation from a single column's. Returns the table.
     *
     * @param labels at least two headers of double columns of {@code table}
     */
    public static Table alike(Table table, String... labels) {
        Arguments.notNull(table, "table", "a table");
        Arguments.that(labels.length >= 2, "labels", "name at least two columns", labels.length);
        List<DoubleColumn> columns = new java.util.ArrayList<>();
        for (String label : labels) {
            Arguments.that(table.columnNames().contains(label) && table.column(label) instanceof DoubleColumn,
                    "labels", "name double columns of " + table.columnNames(), label);
            columns.add((DoubleColumn) table.column(label));
        }
        ColumnFormat format = ColumnFormat.of(columns.stream()
                .flatMapToDouble(d -> java.util.Arrays.stream(d.asDoubleArray())).toArray());
        String group = String.join(" | ", labels);
        for (DoubleColumn d : columns) {
            table.replaceColumn(d.name(), new SharedFormatColumn(d, format, group));
        }
        return table;
    }

    /** Sets every number column of {@code table} to print in its column's format. */
    public static Table formatted(Table table) {
        for (Column<?> c : table.columns()) {
            if (c instanceof DoubleColumn d) {
                ColumnFormat format = d instanceof SharedFormatColumn s ? s.format() : ColumnFormat.of(d);
                d.setPrintFormatter(new NumberColumnFormatter(format));
            } else if (c instanceof IntColumn || c instanceof LongColumn) {
                ((NumberColumn<?, ?>) c).setPrintFormatter(new NumberColumnFormatter(ColumnFormat.integers()));
            }
        }
        return table;
    }

    /** The table as an HTML {@code <table>} fragment with its caption (see the class comment). */
    public static String html(Table table) {
        Table shown = withoutConstants(formatted(table));
        StringBuilder out = new StringBuilder("<table class=\"dltheory\"><caption>")
                .append(Notation.html(shown.name())).append("</caption>\n<thead><tr>");
        for (Column<?> c : shown.columns()) {
            out.append("<th style=\"text-align:").append(align(c)).append("\"")
                    .append(c instanceof SharedFormatColumn g
                            ? " data-format-group=\"" + Notation.escape(g.group()) + "\"" : "")
                    .append(">")
                    .append(Notation.html(header(c.name()))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < shown.rowCount(); i++) {
            out.append("<tr>");
            for (Column<?> c : shown.columns()) {
                out.append("<td style=\"text-align:").append(align(c))
                        .append(isNumber(c) ? ";font-variant-numeric:tabular-nums;white-space:nowrap" : "")
                        .append("\">").append(isNumber(c) ? Notation.escape(cell(c, i)) : Notation.html(cell(c, i)))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>").toString();
    }

    /** The table as aligned plain text, every row printed, scripts in Unicode. */
    public static String text(Table table) {
        Table shown = withoutConstants(formatted(table));
        Table plain = Table.create(Notation.unicode(shown.name()));
        for (Column<?> c : shown.columns()) {
            Column<?> copy = c instanceof StringColumn s ? s.map(Notation::unicode) : c.copy();
            copy.setName(Notation.unicode(header(c.name())));
            plain.addColumns(copy);
        }
        return plain.printAll();
    }

    /**
     * A copy of {@code table} without the columns that hold one value in every row (when it has
     * two rows or more); the caption ends with what they hold, e.g. "(μ = 1, masks = 2,000 in
     * every row)".
     */
    static Table withoutConstants(Table table) {
        if (table.rowCount() < 2) {
            return table;
        }
        List<String> constants = new java.util.ArrayList<>();
        Table kept = Table.create(table.name());
        for (Column<?> c : table.columns()) {
            boolean constant = true;
            for (int i = 1; i < c.size() && constant; i++) {
                constant = cell(c, i).equals(cell(c, 0));
            }
            if (constant && table.columnCount() > 1) {
                constants.add(c.name() + " = " + cell(c, 0));
            } else {
                kept.addColumns(c);
            }
        }
        if (constants.isEmpty() || kept.columnCount() == 0) {
            return table;
        }
        kept.setName(table.name() + " (" + String.join(", ", constants) + " in every row)");
        return kept;
    }

    /** A column's header as shown: a Java component name spelled out in words ({@link Words#spelled}). */
    static String header(String name) {
        return Words.spelled(name);
    }

    private static String cell(Column<?> c, int row) {
        return c.getString(row);
    }

    private static boolean isNumber(Column<?> c) {
        return c instanceof NumberColumn;
    }

    private static String align(Column<?> c) {
        return isNumber(c) ? "right" : "left";
    }

    private static Column<?> column(RecordComponent c, List<? extends Record> rows) {
        Class<?> t = c.getType();
        String name = c.getName();
        int n = rows.size();
        if (t == double.class || t == Double.class) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = ((Number) get(c, rows.get(i))).doubleValue();
            }
            return DoubleColumn.create(name, v);
        }
        if (t == int.class || t == Integer.class) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = ((Number) get(c, rows.get(i))).intValue();
            }
            return IntColumn.create(name, v);
        }
        if (t == long.class || t == Long.class) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = ((Number) get(c, rows.get(i))).longValue();
            }
            return LongColumn.create(name, v);
        }
        if (t == boolean.class || t == Boolean.class) {
            boolean[] v = new boolean[n];
            for (int i = 0; i < n; i++) {
                v[i] = (Boolean) get(c, rows.get(i));
            }
            return BooleanColumn.create(name, v);
        }
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = String.valueOf(get(c, rows.get(i)));
        }
        return StringColumn.create(name, v);
    }

    private static Object get(RecordComponent c, Record row) {
        try {
            var accessor = c.getAccessor();
            // records declared in a notebook cell or a nested class are not public
            accessor.setAccessible(true);
            return accessor.invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read component " + c.getName() + " of " + row, e);
        }
    }

}
