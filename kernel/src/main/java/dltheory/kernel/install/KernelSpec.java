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
     * (78-97 ms in notebook 01); and the client JIT only ({@code -XX:TieredStopAtLevel=1}): a notebook
     * is many short cells, each compiled by javac in this JVM, so most of its time is cold code; C2
     * spends CPU that the cells need on a small machine (bench/notebooks: notebook 01 16 s → 11 s
     * alone, 03's kernel CPU 11 s → 6 s). A later {@code --jvm-option -XX:TieredStopAtLevel=4} at
     * install turns C2 back on for long computations, and then {@link #jvmOptions} adds the Vector API.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Djava.awt.headless=true", "-Xmx1g", "-XX:+UseSerialGC", "-XX:MetaspaceSize=64m",
            "-XX:TieredStopAtLevel=1");

    /** The incubating Vector API module, and the options that add it. */
    public static final List<String> VECTOR_API = List.of("--add-modules", "jdk.incubator.vector");

    /**
     * The JVM options of a kernelspec: {@link #DEFAULT_JVM_OPTIONS}, then {@code extra}, then the Vector
     * API module ({@link #VECTOR_API}) only if the options leave the C2 JIT on (the last
     * {@code -XX:TieredStopAtLevel=} is 4, or there is none) and {@code extra} does not add it already.
     * netlib's BLAS (lib's {@code dltheory.linalg.Gemm}) uses that module for the large products when no
     * native BLAS loads, but only C2 makes it fast: with the default C1-only JIT, Gemm uses plain Java
     * instead, so the module did nothing but make every kernel start print "WARNING: Using incubator
     * modules: jdk.incubator.vector" on its standard error (the terminal of Jupyter, bin/site's output).
     */
    public static List<String> jvmOptions(List<String> extra) {
        List<String> all = new java.util.ArrayList<>(DEFAULT_JVM_OPTIONS);
        all.addAll(extra);
        String level = "4";
        for (String o : all) {
            if (o.startsWith("-XX:TieredStopAtLevel=")) {
                level = o.substring("-XX:TieredStopAtLevel=".length());
            }
        }
        boolean added = all.stream().anyMatch(o -> o.contains("jdk.incubator.vector"));
        if (level.equals("4") && !added) {
            all.addAll(VECTOR_API);
        }
        return all;
    }

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
