package dltheory.kernel.eval;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * JShell execution in the kernel's own JVM: snippet methods run on the {@link CellRunner}'s worker,
 * the real result object and the real exception of the last invocation are kept for the kernel
 * (JShell itself only sees their string forms).
 */
final class CellExecutionControl extends DirectExecutionControl {
    private static final Object NOTHING = new Object();

    private final CellRunner runner;
    private Object lastValue = NOTHING;
    private Throwable lastFailure;

    CellExecutionControl(CellLoaderDelegate delegate, CellRunner runner) {
        super(delegate);
        this.runner = runner;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value;
        try {
            value = runner.run(() -> doitMethod.invoke(null));
        } catch (InvocationTargetException e) {
            throw e;
        } catch (Throwable t) {
            throw new InvocationTargetException(t);
        }
        lastValue = value;
        return shortString(value);
    }

    /**
     * What JShell records as a snippet's value. The kernel renders the real object ({@link #value()});
     * JShell's own string form would call {@code toString()} on every declared variable and list every
     * element of an array (seconds for {@code double[] w} with a million draws), so only the type is given.
     */
    static String shortString(Object value) {
        return value == null ? "null" : value.getClass().getTypeName();
    }

    /**
     * A variable's value as {@code %vars} lists it: arrays as a cell shows them, strings quoted, and no
     * more than {@value #VALUE_CHARS} characters (JShell's own form lists every element of an array).
     */
    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException,
            InternalException {
        Object value;
        try {
            java.lang.reflect.Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            value = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new InternalException(e.toString());
        }
        String text;
        try {
            text = value instanceof String s ? '"' + s + '"' : dltheory.kernel.runtime.ArrayText.of(value);
        } catch (RuntimeException e) {
            text = value.getClass().getTypeName() + " (toString() threw " + e.getClass().getSimpleName() + ")";
        }
        return text.length() > VALUE_CHARS ? text.substring(0, VALUE_CHARS - 3) + "..." : text;
    }

    /** Longest value {@link #varValue} gives. */
    static final int VALUE_CHARS = 80;

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        lastFailure = cause;
        return super.throwConvertedInvocationException(withoutCycle(cause));
    }

    /**
     * {@code t} itself, or, if its chain of causes comes back to an exception already in it
     * ({@code a.initCause(b)} with {@code b} caused by {@code a}), a copy of the chain that ends before
     * the repeat. JShell converts the chain recursively and never stops on a cycle: the cell showed a
     * {@code StackOverflowError} instead of what it threw. The copy keeps each exception's message and
     * frames, which is all the kernel takes from JShell's conversion (the report names the real exceptions).
     */
    static Throwable withoutCycle(Throwable t) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Throwable cur = t;
        while (cur != null && seen.add(cur)) {
            cur = cur.getCause();
        }
        if (cur == null) {
            return t;
        }
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        seen.clear();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            chain.add(c);
        }
        Throwable copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            copy = new Throwable(chain.get(i).getMessage(), copy);
            copy.setStackTrace(chain.get(i).getStackTrace());
        }
        return copy;
    }

    /** Forgets the last value and failure; call before evaluating a snippet. */
    void reset() {
        lastValue = NOTHING;
        lastFailure = null;
    }

    /** True if the last snippet ran and produced a value (possibly null). */
    boolean hasValue() {
        return lastValue != NOTHING;
    }

    /** The object the last snippet evaluated to. */
    Object value() {
        return lastValue == NOTHING ? null : lastValue;
    }

    /** The exception the last snippet threw, or null. */
    Throwable failure() {
        return lastFailure;
    }
}
