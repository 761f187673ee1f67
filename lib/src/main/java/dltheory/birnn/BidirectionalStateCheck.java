package dltheory.birnn;

import java.util.List;

import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * One row of notebook 06's hidden-state gradient check: chain (printed f or b) and step t,
 * ‖∇_{h_t}L‖ by central differences, the relative error of the full recursion (direct term +
 * recurrent path) and that of the text's recursion (31)–(32) alone.
 */
public record BidirectionalStateCheck(BidirectionalRnn.Chain chain, int t, double gradientNorm, double errorFull,
                                      double errorTextRecursion) {

    /** The rows as a table. */
    public static Table table(String title, List<BidirectionalStateCheck> rows) {
        record Row(String chain, int t, double gradientNorm, double errorFull, double errorText) {
        }
        return Tables.of(title, rows.stream().map(r -> new Row(
                        r.chain() == BidirectionalRnn.Chain.FORWARD ? "forward" : "backward", r.t(), r.gradientNorm(),
                        r.errorFull(), r.errorTextRecursion())).toList(),
                "chain", "t", "‖∇L at hₜ‖", "error, full recursion", "error, text's (31)–(32)");
    }

    /** The largest relative error of the full recursion over {@code rows}. */
    public static double worstFull(List<BidirectionalStateCheck> rows) {
        return rows.stream().mapToDouble(BidirectionalStateCheck::errorFull).max().orElseThrow();
    }

    /** The largest relative error of the text's recursion over the rows of {@code chain}. */
    public static double worstText(List<BidirectionalStateCheck> rows, BidirectionalRnn.Chain chain) {
        return rows.stream().filter(r -> r.chain() == chain)
                .mapToDouble(BidirectionalStateCheck::errorTextRecursion).max().orElseThrow();
    }
}
