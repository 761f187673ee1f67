package dltheory.table;

import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * Tables for the notebooks, on Tablesaw: built from a list of records (one row per record, one
 * column per record component), printed with four significant digits, shown as HTML.
 */
public final class Tables {

    private Tables() {
    }

    /**
     * A table with one row per record and one column per record component, in declaration order.
     * Components of type double, int, long, boolean and String are supported (others are shown
     * with {@code toString()}). Double columns print with four significant digits.
     *
     * @param name the table's title
     * @param rows the rows; all of the same record type, at least one
     */
    public static Table of(String name, List<? extends Record> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("rows must contain at least one record");
        }
        Class<?> type = rows.get(0).getClass();
        Table table = Table.create(name);
        for (RecordComponent c : type.getRecordComponents()) {
            table.addColumns(column(c, rows));
        }
        return table;
    }

    /** Sets every double column of {@code table} to print with four significant digits. */
    public static Table formatted(Table table) {
        for (Column<?> c : table.columns()) {
            if (c instanceof DoubleColumn d) {
                d.setPrintFormatter(new NumberColumnFormatter(new SignificantFormat(4)));
            }
        }
        return table;
    }

    /** The table as an HTML {@code <table>} fragment with its name as a caption. */
    public static String html(Table table) {
        StringWriter out = new StringWriter();
        new HtmlWriter().write(formatted(table), HtmlWriteOptions.builder(out).build());
        String body = out.toString();
        String caption = "<caption>" + escape(table.name()) + "</caption>";
        return body.replaceFirst("<table>", "<table class=\"dltheory\">" + caption);
    }

    /** The table as aligned plain text, every row printed. */
    public static String text(Table table) {
        return formatted(table).printAll();
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

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
