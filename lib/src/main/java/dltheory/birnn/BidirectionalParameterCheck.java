package dltheory.birnn;

import java.util.List;

import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * One row of notebook 06's parameter gradient check: parameter P, its number of entries,
 * ‖∂L/∂P‖ from backpropagation through time, and the relative error against central differences.
 */
public record BidirectionalParameterCheck(BidirectionalRnn.Parameter parameter, int entries, double gradientNorm, double relativeError) {

    /** The rows as a table. */
    public static Table table(String title, List<BidirectionalParameterCheck> rows) {
        return Tables.of(title, rows, "parameter P", "entries", "‖∂L/∂P‖", "error vs central differences");
    }

    /** The largest relative error over {@code rows}. */
    public static double worst(List<BidirectionalParameterCheck> rows) {
        return rows.stream().mapToDouble(BidirectionalParameterCheck::relativeError).max().orElseThrow();
    }
}
