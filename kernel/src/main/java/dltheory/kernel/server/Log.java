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

    /**
     * A debug message prefixed with the milliseconds since the process started (start-up profiling). On
     * Linux the process's age comes from {@code /proc} (10 ms resolution); elsewhere the count starts at
     * the first phase. Not from the management API, whose loading alone adds tens of milliseconds to the
     * start-up being measured.
     */
    public static void phase(String msg) {
        if (DEBUG) {
            long ms = (System.nanoTime() - Clock.START_NANOS) / 1_000_000;
            ERR.println("[dltheory-kernel] +" + ms + " ms " + msg);
        }
    }

    /** {@link System#nanoTime()} at the process's start, estimated once. */
    private static final class Clock {
        static final long START_NANOS = System.nanoTime() - processAgeNanos();

        private static long processAgeNanos() {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long startTicks = Long.parseLong(fields[19]); // field 22 of proc(5): start time in clock ticks after boot
                String uptime = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).split(" ")[0];
                double ageSeconds = Double.parseDouble(uptime) - startTicks / 100.0; // USER_HZ is 100 on Linux
                return (long) (ageSeconds * 1e9);
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /** A message always shown. */
    public static void warn(String msg) {
        ERR.println("[dltheory-kernel] WARNING " + msg);
    }
}
