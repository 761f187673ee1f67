package dltheory.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * The {@code kernel.json} of the {@code java} kernelspec.
 *
 * @param javaBinary absolute path of the {@code java} launcher
 * @param jvmOptions options before {@code -jar} (headless AWT, heap limit, ...)
 * @param jar        absolute path of the kernel jar
 */
public record KernelSpec(String javaBinary, List<String> jvmOptions, String jar) {
    /** Kernelspec name, shared with IJava/JJava so notebooks' metadata match. */
    public static final String NAME = "java";

    /**
     * Default JVM options: headless AWT, a 1 GiB heap limit, the serial collector (small, quick to start),
     * and a first class-metadata threshold of 64 MB: javac and the lib's libraries load about 21 MB of
     * class metadata, which at the default threshold (21 MB) costs every notebook a full collection
     * (78-97 ms in notebook 01); the Vector API module, which netlib's BLAS uses for the large
     * products when no native BLAS loads (lib's {@code dltheory.linalg.Gemm}); and the client JIT
     * only ({@code -XX:TieredStopAtLevel=1}): a notebook is many short cells, each compiled by javac
     * in this JVM, so most of its time is cold code; C2 spends CPU that the cells need on a small
     * machine (bench/notebooks: notebook 01 16 s → 11 s alone, 03's kernel CPU 11 s → 6 s). A later
     * {@code --jvm-option -XX:TieredStopAtLevel=4} at install turns C2 back on for long computations.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Djava.awt.headless=true", "-Xmx1g", "-XX:+UseSerialGC", "-XX:MetaspaceSize=64m",
            "-XX:TieredStopAtLevel=1", "--add-modules", "jdk.incubator.vector");

    /**
     * The kernel's environment: OpenBLAS (the native BLAS of lib's {@code dltheory.linalg.Gemm})
     * on one thread. The library runs independent nets and blocks of rows on its own thread pool;
     * OpenBLAS's threads, which spin while they wait, took CPU from them (bench/notebooks, notebook
     * 01: kernel CPU 11.1 → 8.0 s, 6.7 → 5.9 s alone).
     */
    public static final Map<String, String> ENV = Map.of("OPENBLAS_NUM_THREADS", "1");

    /** The JSON text of {@code kernel.json}. */
    public String toJson() {
        JsonArray argv = new JsonArray();
        argv.add(javaBinary);
        jvmOptions.forEach(argv::add);
        argv.add("-jar");
        argv.add(jar);
        argv.add("{connection_file}");
        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", "Java");
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        JsonObject env = new JsonObject();
        ENV.forEach(env::addProperty);
        spec.add("env", env);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }
}
