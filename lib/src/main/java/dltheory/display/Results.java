package dltheory.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dltheory.table.Tables;
import dltheory.text.SignificantFormat;
import dltheory.text.Words;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How a cell's value that is not a chart or a table is shown: a record as a one-row table named
 * after its type, a map as a two-column table, the doubles inside both with four significant
 * digits, so that no output is a raw {@code toString} such as
 * {@code Estimate[value=0.12351214125852533, …]}. A bare double is not rounded: the kernel shows it
 * as Java prints it.
 */
public final class Results {

    private Results() {
    }

    /** A record as a one-row table: one column per component, headed by its name in words. */
    public static Table table(Record record) {
        Table table = Tables.of(record.getClass().getSimpleName(), List.of(record));
        for (var column : table.columns()) {
            column.setName(Words.spelled(column.name()));
        }
        return table;
    }

    /** A map as a table of its entries, keys left, values right; an empty key shows as "(none)". */
    public static Table table(Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            keys.add(key.isEmpty() ? "(none)" : key);
            values.add(e.getValue() instanceof Double d ? number(d) : String.valueOf(e.getValue()));
        }
        String size = map.size() == 1 ? "1 entry" : map.size() + " entries";
        return Table.create("Map of " + size, StringColumn.create("key", keys),
                StringColumn.create("value", values));
    }

    /** A double with four significant digits, as the tables of records and maps show it. */
    public static String number(double value) {
        return SignificantFormat.format(value, 4);
    }
}
