package dltheory.rnn;

import java.util.List;

import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * One row of notebook 06's hidden-state gradient check: chain ("f" or "b") and step t,
 * ‖∇_{h_t}L‖ by central differences, the relative error of the full recursion (direct term +
 * recurrent path) and that of the text's recursion (31)–(32) alone.
 */
public record BidirectionalStateCheck(String chain, int t, double gradientNorm, double errorFull,
                                      double errorTextRecursion) {

    /** The rows as a table. */
    public static Table table(String title, List<BidirectionalStateCheck> rows) {
        return Tables.of(title, rows);
    }

    /** The largest relative error of the full recursion over {@code rows}. */
    public static double worstFull(List<BidirectionalStateCheck> rows) {
        return rows.stream().mapToDouble(BidirectionalStateCheck::errorFull).max().orElseThrow();
    }

    /** The largest relative error of the text's recursion over the rows of {@code chain} ("f" or "b"). */
    public static double worstText(List<BidirectionalStateCheck> rows, BidirectionalRnn.Chain chain) {
        String key = chain == BidirectionalRnn.Chain.FORWARD ? "f" : "b";
        return rows.stream().filter(r -> r.chain().equals(key))
                .mapToDouble(BidirectionalStateCheck::errorTextRecursion).max().orElseThrow();
    }
}
