package dltheory.kernel.install;

import dltheory.kernel.eval.ApiClasspath;
import dltheory.kernel.eval.CellClassLoader;
import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.CellRunner;
import dltheory.kernel.eval.Evaluator;
import dltheory.kernel.wire.Codec;
import dltheory.kernel.wire.Headers;
import dltheory.kernel.wire.Message;
import dltheory.kernel.wire.Signer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.util.List;

/**
 * Exercises what a kernel start-up and its cells load and run (JShell, javac, jeromq, gson), so that
 * the installer can record it in a start-up archive ({@link StartupArchive}): the classes, and on JDK 25
 * and newer the method profiles, which is why the cells run many rounds there (the system property
 * {@value StartupArchive#ROUNDS_PROPERTY}). The archive is tied to the exact jar, which is why it is
 * made at install time, next to the copied jar.
 */
public final class Warmup {
    /** The cells the warm-up runs (each round): declarations, expressions, output and display. */
    private static final List<String> CELLS = List.of("1+1", "int warm = 2;", "warm * 21", "String s = \"x\" + warm; s",
            "double f(double x) { return x * x; }", "f(3)", "var list = new ArrayList<Integer>(List.of(1, 2)); list",
            "System.out.println(\"warm\");", "display(\"warm\");");

    private Warmup() {
    }

    /** Runs the warm-up; any failure only makes the archive less complete. */
    public static void run() throws Exception {
        try (ZContext ctx = new ZContext(1)) {
            ZMQ.Socket pub = ctx.createSocket(SocketType.PUB);
            pub.bind("tcp://127.0.0.1:*");
            Codec codec = new Codec(new Signer("hmac-sha256", "warmup"));
            codec.write(pub, new Message(List.of(), Headers.create("status", "warmup", "kernel"),
                    new com.google.gson.JsonObject(), new com.google.gson.JsonObject(),
                    new com.google.gson.JsonObject(), List.of()));
        }
        CellClassLoader loader = new CellClassLoader(Warmup.class.getClassLoader());
        CellRunner runner = new CellRunner(loader, 1L << 20);
        try (Evaluator ev = new Evaluator(loader, runner, ApiClasspath.resolve(), List.of("-Xlint:none", "-proc:none"))) {
            ev.start();
            int rounds = Integer.getInteger(StartupArchive.ROUNDS_PROPERTY, 1);
            for (int round = 0; round < rounds; round++) {
                for (String cell : CELLS) {
                    runner.beginCell();
                    try {
                        ev.eval(cell, 0);
                    } catch (CellError e) {
                        // expected for display without a kernel; the classes are loaded all the same
                    }
                }
            }
            runner.beginCell();
            try {
                ev.eval("int broken = undefinedName;", 0);
            } catch (CellError expected) {
                // compile errors load the diagnostic classes
            }
            new dltheory.kernel.eval.CodeAnalysis(ev.analysis()).complete("Math.ab", 7);
        }
    }
}
