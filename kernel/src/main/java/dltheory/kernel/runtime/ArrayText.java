package dltheory.kernel.runtime;

import java.lang.reflect.Array;

/**
 * Arrays as JShell shows them ({@code double[3] { 1.5, 2.0, 3.0 }}, {@code int[2][] { int[2] { 1, 2 },
 * int[1] { 3 } }}, strings quoted), with numpy's rule for long ones: an array holding more than
 * {@value #THRESHOLD} elements in all (counted down to the innermost arrays) shows only the first and
 * last {@value #EDGE_ITEMS} items of each level, with {@code ...} between; its header keeps the length.
 */
public final class ArrayText {
    /** numpy's {@code threshold}: more elements than this in all and the middle of each level is elided. */
    public static final int THRESHOLD = 1000;
    /** numpy's {@code edgeitems}: items shown at each end of an elided level. */
    public static final int EDGE_ITEMS = 3;

    private ArrayText() {
    }

    /** The text of {@code array}, or {@code String.valueOf(value)} if it is not an array. */
    public static String of(Object value) {
        if (value == null || !value.getClass().isArray()) {
            return String.valueOf(value);
        }
        StringBuilder out = new StringBuilder();
        append(out, value, count(value, THRESHOLD + 1L) > THRESHOLD);
        return out.toString();
    }

    /** Elements of {@code array} and its nested arrays, counted up to {@code limit}. */
    private static long count(Object array, long limit) {
        int n = Array.getLength(array);
        if (!(array instanceof Object[] items)) {
            return n;
        }
        long total = 0;
        for (Object item : items) {
            total += item != null && item.getClass().isArray() ? count(item, limit - total) : 1;
            if (total >= limit) {
                return total;
            }
        }
        return total;
    }

    private static void append(StringBuilder out, Object array, boolean elide) {
        int n = Array.getLength(array);
        out.append(header(array.getClass(), n)).append(" {");
        boolean cut = elide && n > 2 * EDGE_ITEMS;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                out.append(", ...");
                i = n - EDGE_ITEMS;
            }
            out.append(i == 0 ? " " : ", ");
            item(out, Array.get(array, i), elide);
        }
        out.append(n == 0 ? "  }" : " }");
    }

    private static void item(StringBuilder out, Object item, boolean elide) {
        if (item == null) {
            out.append("null");
        } else if (item.getClass().isArray()) {
            append(out, item, elide);
        } else if (item instanceof String s) {
            out.append('"').append(escape(s)).append('"');
        } else if (item instanceof Character c) {
            out.append('\'').append(escape(String.valueOf(c))).append('\'');
        } else {
            out.append(item);
        }
    }

    /** {@code double[3]}, {@code int[2][]}, {@code String[0]}: the component type, then the length. */
    private static String header(Class<?> type, int length) {
        Class<?> base = type.getComponentType();
        StringBuilder dims = new StringBuilder();
        while (base.isArray()) {
            dims.append("[]");
            base = base.getComponentType();
        }
        return base.getSimpleName() + "[" + length + "]" + dims;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
