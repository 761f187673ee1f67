package dltheory.dropout;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The two penalty forms of notebook 02, section 6 (the rows → columns evidence). */
class PenaltyFormsTest {

    private static final long SEED = 20190317L;

    @Test
    void columnFormPassesAndRowFormFailsOnAScaledColumn() {
        RegressionData data = RegressionData.synthetic(100, 5, 0.5, new Random(SEED)).withColumnScaled(0, 10.0);
        double[] w = DropoutRegression.leastSquares(data.X(), data.y());
        PenaltyForms t = PenaltyForms.run(data.X(), data.y(), w, 0.5, 4000, new Random(SEED + 1));
        t.check(4);
        assertTrue(Math.abs(t.zRows()) > 20, "row form z " + t.zRows());
    }

    @Test
    void theCheckFailsWhenTheColumnFormIsWrong() {
        RegressionData data = RegressionData.synthetic(100, 5, 0.5, new Random(SEED)).withColumnScaled(0, 10.0);
        double[] w = DropoutRegression.leastSquares(data.X(), data.y());
        PenaltyForms t = PenaltyForms.run(data.X(), data.y(), w, 0.5, 4000, new Random(SEED + 2));
        // swap the roles: a check that takes the row form as the claim must fail
        PenaltyForms swapped = new PenaltyForms(t.masks(), t.monteCarlo(), t.standardError(), t.rowForm(),
                t.columnForm());
        assertThrows(AssertionError.class, () -> swapped.check(4));
    }
}
