package dltheory.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The start-up archive the installer records from a warm-up run, in the best form the kernel's JDK
 * offers. Both kinds are tied to the exact jar and JDK they were made with; a JVM that finds a
 * mismatch starts without them (only slower), which is why {@code install} makes them.
 *
 * <ul>
 *   <li>{@link #AOT_CACHE} (JDK 25 and newer: {@code -XX:AOTCacheOutput}): classes loaded and linked
 *       (JEP 483) and the method profiles of the warm-up (JEP 515), so the JIT compiles javac's hot
 *       code without first profiling it again. The warm-up runs its cells many times to train them.</li>
 *   <li>{@link #DYNAMIC_CDS} (JDK 13 and newer: {@code -XX:ArchiveClassesAtExit}): the classes only;
 *       one round of warm-up cells loads them all.</li>
 * </ul>
 */
public enum StartupArchive {
    /** JDK 25+: AOT cache with classes and method profiles. */
    AOT_CACHE("dltheory-kernel.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=", 40),
    /** JDK 13+: dynamic AppCDS archive. */
    DYNAMIC_CDS("dltheory-kernel.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", 1);

    /** System property read by {@link Warmup}: how many times it runs its cells. */
    public static final String ROUNDS_PROPERTY = "dltheory.warmup.rounds";

    private final String fileName;
    private final String recordOption;
    private final String useOption;
    private final int warmupRounds;

    StartupArchive(String fileName, String recordOption, String useOption, int warmupRounds) {
        this.fileName = fileName;
        this.recordOption = recordOption;
        this.useOption = useOption;
        this.warmupRounds = warmupRounds;
    }

    /** The archive's file in the kernelspec folder. */
    public Path file(Path specDir) {
        return specDir.resolve(fileName);
    }

    /** JVM options of the warm-up run that writes the archive. */
    public List<String> recordOptions(Path archive) {
        return List.of(recordOption + archive.toAbsolutePath(), "-D" + ROUNDS_PROPERTY + "=" + warmupRounds);
    }

    /** The JVM option that makes the kernel start from the archive. */
    public String useOption(Path archive) {
        return useOption + archive.toAbsolutePath();
    }

    /**
     * The archive kind a JDK supports, read from its {@code -XX:+PrintFlagsFinal} listing.
     *
     * @param printFlagsFinal the output of {@code java -XX:+PrintFlagsFinal -version}
     */
    static Optional<StartupArchive> fromFlags(String printFlagsFinal) {
        if (hasFlag(printFlagsFinal, "AOTCacheOutput")) {
            return Optional.of(AOT_CACHE);
        }
        if (hasFlag(printFlagsFinal, "ArchiveClassesAtExit")) {
            return Optional.of(DYNAMIC_CDS);
        }
        return Optional.empty();
    }

    /** The archive kind {@code javaBinary} supports; empty if none, or if asking it failed. */
    static Optional<StartupArchive> supportedBy(String javaBinary) {
        try {
            Process p = new ProcessBuilder(javaBinary, "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            return fromFlags(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean hasFlag(String listing, String name) {
        return listing.lines().anyMatch(line -> {
            String[] words = line.trim().split("\\s+");
            return words.length > 1 && words[1].equals(name);
        });
    }
}
