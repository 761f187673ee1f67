package dltheory.check;

import org.ejml.data.DMatrixRMaj;

/**
 * Argument checks for the library's public functions. Each returns the value when it is in range
 * and otherwise throws {@link IllegalArgumentException} naming the argument, the allowed range
 * and the value received, e.g. {@code "eta must be finite and > 0, got -1.0"}.
 */
public final class Arguments {

    private Arguments() {
    }

    /** {@code value} ≥ {@code min} (a count or size). */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** {@code lo} ≤ {@code value} ≤ {@code hi}, e.g. a step t in 1..T: {@code "t must be in 1..20, got 0"}. */
    public static int inRange(int value, int lo, int hi, String name) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(name + " must be in " + lo + ".." + hi + ", got " + value);
        }
        return value;
    }

    /** {@code value} finite and > 0 (a step size, a scale). */
    public static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** {@code value} finite and ≥ 0 (a noise level, a penalty). */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** {@code value} finite (not NaN, not ±∞). */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** {@code min} ≤ {@code value} < {@code max}, e.g. a decay rate α, β in [0, 1). */
    public static double inClosedOpen(double value, double min, double max, String name) {
        if (!(value >= min && value < max)) {
            throw new IllegalArgumentException(name + " must be in [" + plain(min) + ", " + plain(max) + "), got " + value);
        }
        return value;
    }

    /** {@code min} < {@code value} ≤ {@code max}, e.g. a keep probability p in (0, 1]. */
    public static double inOpenClosed(double value, double min, double max, String name) {
        if (!(value > min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in (" + plain(min) + ", " + plain(max) + "], got " + value);
        }
        return value;
    }

    /** A vector with at least one entry. */
    public static double[] nonEmpty(double[] v, String name) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(name + " must be a non-empty vector (n >= 1)");
        }
        return v;
    }

    /**
     * A vector of length {@code n}; {@code what} says where n comes from, e.g.
     * {@code "w must have length 5 (d, the columns of X), got 4"}.
     */
    public static double[] length(double[] v, int n, String name, String what) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(name + " must have length " + n + " (" + what + "), got "
                    + (v == null ? "null" : v.length));
        }
        return v;
    }

    /** A matrix with at least one row and one column. */
    public static DMatrixRMaj nonEmpty(DMatrixRMaj m, String name) {
        if (m == null || m.numRows < 1 || m.numCols < 1) {
            throw new IllegalArgumentException(name + " must be an n×d matrix with n >= 1 and d >= 1");
        }
        return m;
    }

    /** A matrix of shape rows×cols, e.g. a mask of the shape of the data. */
    public static DMatrixRMaj shape(DMatrixRMaj m, int rows, int cols, String name) {
        if (m == null || m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + "×" + cols + ", got "
                    + (m == null ? "null" : m.numRows + "×" + m.numCols));
        }
        return m;
    }

    /** {@code value} not null; {@code what} says what it must be, e.g. {@code "an Init"}. */
    public static <T> T notNull(T value, String name, String what) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be " + what + ", got null");
        }
        return value;
    }

    /** A non-blank text (a title, a name). */
    public static String nonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be non-empty");
        }
        return value;
    }

    /** A vector with at least {@code min} entries, e.g. a sample for a variance (≥ 2). */
    public static double[] minLength(double[] v, int min, String name) {
        if (v == null || v.length < min) {
            throw new IllegalArgumentException(name + " must have length >= " + min + ", got "
                    + (v == null ? "null" : v.length));
        }
        return v;
    }

    /** Two vectors of one length, e.g. the x and y of a series: {@code "x and y must have the same length, got 2 and 1"}. */
    public static void sameLength(double[] a, double[] b, String aName, String bName) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(aName + " and " + bName + " must have the same length, got "
                    + a.length + " and " + b.length);
        }
    }

    /** A matrix, not null: {@code "W must be a matrix, got null"}. */
    public static DMatrixRMaj matrix(DMatrixRMaj m, String name) {
        return notNull(m, name, "a matrix");
    }

    /** A matrix whose entries are all finite. */
    public static DMatrixRMaj finite(DMatrixRMaj m, String name) {
        matrix(m, name);
        for (int i = 0; i < m.getNumElements(); i++) {
            if (!Double.isFinite(m.data[i])) {
                throw new IllegalArgumentException(name + " must be finite, got " + m.data[i]);
            }
        }
        return m;
    }

    /** {@code value} ≥ {@code min}, ∞ allowed, NaN not (a tolerance, a standard error ≥ 0). */
    public static double atLeast(double value, double min, String name) {
        if (!(value >= min)) {
            throw new IllegalArgumentException(name + " must be >= " + plain(min) + ", got " + value);
        }
        return value;
    }

    /** {@code value} &gt; {@code min}, ∞ allowed, NaN not (a threshold where ∞ means "never"). */
    public static double above(double value, double min, String name) {
        if (!(value > min)) {
            throw new IllegalArgumentException(name + " must be > " + plain(min) + ", got " + value);
        }
        return value;
    }

    /** {@code min} < {@code value} < {@code max}, e.g. a contraction rate δ in (0, 1). */
    public static double inOpen(double value, double min, double max, String name) {
        if (!(value > min && value < max)) {
            throw new IllegalArgumentException(name + " must be in (" + plain(min) + ", " + plain(max) + "), got " + value);
        }
        return value;
    }

    /** {@code min} ≤ {@code value} ≤ {@code max}, e.g. a probability in [0, 1]. */
    public static double inClosed(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + plain(min) + ", " + plain(max) + "], got " + value);
        }
        return value;
    }

    /** A vector of finite entries (not null): {@code "h0 must be finite, got NaN at index 2"}. */
    public static double[] finite(double[] v, String name) {
        notNull(v, name, "a vector");
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + " must be finite, got " + v[i] + " at index " + i);
            }
        }
        return v;
    }

    /**
     * A vector with a non-zero entry, e.g. a direction u in w = γu/‖u‖:
     * {@code "u must be non-zero (‖u‖ > 0), got the zero vector"}.
     */
    public static double[] nonZero(double[] v, String name) {
        notNull(v, name, "a vector");
        for (double x : v) {
            if (x != 0) {
                return v;
            }
        }
        throw new IllegalArgumentException(name + " must be non-zero (‖" + name + "‖ > 0), got the zero vector");
    }

    /** A list with at least one element: {@code "curves must hold at least one element, got none"}. */
    public static <L extends java.util.Collection<?>> L nonEmpty(L values, String name) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(name + " must hold at least one element, got "
                    + (values == null ? "null" : "none"));
        }
        return values;
    }

    /** A square matrix with at least one row: {@code "W must be square (n×n), got 2×3"}. */
    public static DMatrixRMaj square(DMatrixRMaj m, String name) {
        nonEmpty(matrix(m, name), name);
        if (m.numRows != m.numCols) {
            throw new IllegalArgumentException(name + " must be square (n×n), got " + m.numRows + "×" + m.numCols);
        }
        return m;
    }

    /**
     * Two matrices of one shape, as EJML's {@code UtilEjml.checkSameShape}:
     * {@code "a and b must have the same shape, got 2×3 and 3×2"}.
     */
    public static void sameShape(DMatrixRMaj a, DMatrixRMaj b, String aName, String bName) {
        matrix(a, aName);
        matrix(b, bName);
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException(aName + " and " + bName + " must have the same shape, got "
                    + a.numRows + "×" + a.numCols + " and " + b.numRows + "×" + b.numCols);
        }
    }

    /**
     * The ends of an interval in order, {@code lo} &lt; {@code hi} (NaN fails):
     * {@code "lo and hi must satisfy lo < hi, got lo = 1.0, hi = 0.0"}.
     */
    public static void ordered(double lo, double hi, String loName, String hiName) {
        if (!(lo < hi)) {
            throw invalid(loName + " and " + hiName, "satisfy " + loName + " < " + hiName,
                    loName + " = " + lo + ", " + hiName + " = " + hi);
        }
    }

    /**
     * One of a set of allowed values, e.g. a widget's attribute:
     * {@code "name must be one of [value, min, max], got nope"}.
     */
    public static <T> T oneOf(T value, java.util.Collection<?> allowed, String name) {
        if (!allowed.contains(value)) {
            throw invalid(name, "be one of " + allowed, value);
        }
        return value;
    }

    /**
     * A rule no other check here states: {@code ok}, else {@code "<name> must <rule>, got <got>"},
     * e.g. {@code that(n[0] > 0, "chain", "carry a nonzero gradient at its loss", n[0])}.
     */
    public static void that(boolean ok, String name, String rule, Object got) {
        if (!ok) {
            throw invalid(name, rule, got);
        }
    }

    /**
     * The exception {@link #that} throws, for a caller that has already found the argument out of
     * range: {@code throw Arguments.invalid("id", "name a node of the graph", id)}.
     */
    public static IllegalArgumentException invalid(String name, String rule, Object got) {
        return new IllegalArgumentException(name + " must " + rule + ", got " + got);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
