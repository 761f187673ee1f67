import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The floor under the kernel's latencies: bare JShell in a plain program (no sockets, no protocol, no
 * kernel), with the same default imports as the kernel. {@code bench_kernel.py} runs it in the same
 * invocation as the kernels, on the kernel's JDK and with the same kind of start-up archive.
 *
 * <ul>
 *   <li>{@code first}: start, run the imports, print the value of {@code 1+1}, exit;</li>
 *   <li>{@code warm}: as {@code first}, then 20 more evaluations of {@code 1+1}, then print the median
 *       milliseconds of the next 100 (the kernel's warm round trip measures the same cells);</li>
 *   <li>{@code train}: as {@code first}, then 400 evaluations (the training run of an AOT cache).</li>
 * </ul>
 */
public final class JShellFloor {
    /** The kernel's {@code Evaluator.STARTUP_IMPORTS} without its display import (this program runs without the kernel jar). */
    private static final List<String> IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;");

    private JShellFloor() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out; // the local execution engine redirects System.out
        String mode = args.length > 0 ? args[0] : "first";
        JShell shell = JShell.builder().executionEngine("local").build();
        IMPORTS.forEach(shell::eval);
        out.println(eval(shell));
        out.flush();
        if (mode.equals("warm")) {
            for (int i = 0; i < 20; i++) {
                eval(shell);
            }
            double[] ms = new double[100];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                eval(shell);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            out.println((ms[49] + ms[50]) / 2);
        } else if (mode.equals("train")) {
            for (int i = 0; i < 400; i++) {
                eval(shell);
            }
        }
        out.flush();
        System.exit(0);
    }

    /** Evaluates {@code 1+1} and drops the snippet afterwards, as the kernel does. */
    private static String eval(JShell shell) {
        List<SnippetEvent> events = shell.eval("1+1");
        String value = events.get(0).value();
        events.forEach(e -> shell.drop(e.snippet()));
        return value;
    }
}
