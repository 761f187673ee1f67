package dltheory.kernel.server;

import java.io.PrintStream;

/**
 * Kernel diagnostics, written to the JVM's original standard error (the terminal that started the
 * kernel), never into cell output. Quiet unless {@code -Ddltheory.kernel.debug=true}, except warnings.
 */
public final class Log {
    private static final PrintStream ERR = System.err;
    private static final boolean DEBUG = Boolean.getBoolean("dltheory.kernel.debug");

    private Log() {
    }

    /** A message shown only in debug mode. */
    public static void debug(String msg) {
        if (DEBUG) {
            ERR.println("[dltheory-kernel] " + msg);
        }
    }

    /** A debug message prefixed with the milliseconds since the JVM started (start-up profiling). */
    public static void phase(String msg) {
        if (DEBUG) {
            long ms = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            ERR.println("[dltheory-kernel] +" + ms + " ms " + msg);
        }
    }

    /** A message always shown. */
    public static void warn(String msg) {
        ERR.println("[dltheory-kernel] WARNING " + msg);
    }
}
