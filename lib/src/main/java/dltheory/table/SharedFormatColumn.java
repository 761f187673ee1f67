package dltheory.table;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import tech.tablesaw.api.DoubleColumn;

/**
 * A double column that prints in a format shared with other columns of its table, set by
 * {@link Tables#alike}: a measured value and its prediction, read side by side, are written the same
 * way. The format travels with the column, as Tablesaw keeps a column's print formatter on it.
 */
final class SharedFormatColumn extends DoubleColumn {

    private final ColumnFormat format;
    private final String group;

    SharedFormatColumn(DoubleColumn column, ColumnFormat format, String group) {
        super(column.name(), new DoubleArrayList(column.asDoubleArray()));
        this.format = format;
        this.group = group;
    }

    /** The headers of the columns that share the format, joined by " | " (names the group in HTML). */
    String group() {
        return group;
    }

    /** The format shared with the other columns of its group. */
    ColumnFormat format() {
        return format;
    }
}
