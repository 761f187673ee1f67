package dltheory.rnn;

import java.util.List;

import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * Notebook 05's layout comparison ("Where the reference text errs"), read by name: three candidates
 * for ∂h_T/∂h_0, each with its relative distance to the Jacobian measured by central differences.
 *
 * @param numerator      J_T⋯J_1 with J_t = W diag σ′(h_{t−1}) (numerator layout)
 * @param text           the text's product diag σ′(h_0)Wᵀ ⋯ diag σ′(h_{T−1})Wᵀ (denominator layout, eq. 23)
 * @param textTransposed the text's product, transposed
 */
public record LayoutComparison(Row numerator, Row text, Row textTransposed) {

    /**
     * One candidate: its name, its relative distance ‖candidate − measured‖_F/‖measured‖_F, and its
     * spectral norm.
     */
    public record Row(String matrix, double relativeErrorToMeasured, double spectralNorm) {
    }

    /** The three rows in the order numerator, text, text transposed. */
    public List<Row> rows() {
        return List.of(numerator, text, textTransposed);
    }

    /** The comparison as a table (notebook 05, "Where the reference text errs"). */
    public Table table() {
        return Tables.of("Which matrix M is ∂h_T/∂h_0? (entry (i, j) measured as ∂h_{T,i}/∂h_{0,j})", rows(),
                "candidate M", "‖M − measured‖_F / ‖measured‖_F", "‖M‖");
    }
}
