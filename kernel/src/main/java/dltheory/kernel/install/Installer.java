package dltheory.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes and removes the {@code java} kernelspec without the {@code jupyter} command. The kernel jar is
 * copied into the kernelspec folder so the installed kernel does not depend on the build folder.
 */
public final class Installer {
    private Installer() {
    }

    /**
     * {@code -XX:ErrorFile} in the installing user's cache folder ({@code $XDG_CACHE_HOME} or
     * {@code ~/.cache}, {@code dltheory-kernel/}): without it a JVM crash writes {@code hs_err_pid*.log}
     * into the kernel's working folder, the notebook's. HotSpot falls back to that working folder when the
     * folder named is missing, so the kernel makes it again when it starts ({@code CrashLogFolder}).
     * A later {@code --jvm-option -XX:ErrorFile=...} wins.
     */
    static String crashLogOption() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path dir = base.resolve("dltheory-kernel").toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            // the JVM falls back to the temporary folder
        }
        return "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log");
    }

    /**
     * Installs the kernelspec.
     *
     * @param options   where and with which java
     * @param kernelJar the running kernel jar
     * @return the kernelspec folder, and whether it was already up to date (then nothing is written)
     */
    public static Installation install(InstallOptions options, Path kernelJar) throws IOException {
        Path dir = options.specDir();
        Files.createDirectories(dir);
        Path jar = dir.resolve("dltheory-kernel.jar");
        List<String> jvm = new ArrayList<>(KernelSpec.jvmOptions(options.extraJvmOptions()));
        jvm.add(crashLogOption());
        String stamp = stamp(options, kernelJar, jvm);
        Path stampFile = dir.resolve(STAMP_FILE);
        if (isComplete(dir, jar) && Files.isRegularFile(stampFile)
                && Files.readString(stampFile).equals(stamp + writtenSpec(dir))) {
            return new Installation(dir, true);
        }
        Files.deleteIfExists(stampFile);
        if (!Files.isSameFile(kernelJar.getParent(), dir)) {
            Files.copy(kernelJar, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        for (StartupArchive kind : StartupArchive.values()) {
            Files.deleteIfExists(kind.file(dir));
        }
        if (options.cds()) {
            Optional<StartupArchive> kind = StartupArchive.supportedBy(options.javaBinary());
            if (kind.isPresent()) {
                Path archive = kind.get().file(dir);
                if (createArchive(options.javaBinary(), jvm, jar, kind.get(), archive)) {
                    jvm.add(kind.get().useOption(archive));
                }
            }
        }
        KernelSpec spec = new KernelSpec(options.javaBinary(), jvm, jar.toAbsolutePath().toString());
        Files.writeString(dir.resolve("kernel.json"), spec.toJson(), StandardCharsets.UTF_8);
        Files.writeString(stampFile, stamp + writtenSpec(dir), StandardCharsets.UTF_8);
        return new Installation(dir, false);
    }

    /**
     * What {@link #install} did.
     *
     * @param dir      the kernelspec folder
     * @param upToDate true when the folder already held this install (same jar, same JVM and options)
     *                 and nothing was written
     */
    public record Installation(Path dir, boolean upToDate) {
    }

    /** The file in the kernelspec folder that records what the install was made from. */
    static final String STAMP_FILE = ".dltheory-install";

    /**
     * What an install depends on: the kernel jar's SHA-256, the {@code java} launcher and the JVM it
     * runs (its real path, size and modification time: the start-up archive is valid only for that
     * exact JVM), the JVM options and whether to record an archive; the stamp file adds the SHA-256 of the
     * kernel.json written, so that a kernel.json edited by hand is rewritten. Installing again with the same
     * stamp would write the same files, and takes a warm-up run (2-3 s), so {@link #install} skips it.
     */
    static String stamp(InstallOptions options, Path kernelJar, List<String> jvm) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("jar ").append(sha256(kernelJar)).append('\n');
        s.append("java ").append(options.javaBinary()).append('\n');
        Path java = Path.of(options.javaBinary());
        if (Files.exists(java)) {
            Path real = java.toRealPath();
            Path libjvm = real.getParent().getParent().resolve("lib/server/libjvm.so");
            Path jvmFile = Files.isRegularFile(libjvm) ? libjvm : real;
            s.append("jvm ").append(jvmFile).append(' ').append(Files.size(jvmFile)).append(' ')
                    .append(Files.getLastModifiedTime(jvmFile).toMillis()).append('\n');
        }
        s.append("options ").append(String.join(" ", jvm)).append('\n');
        s.append("archive ").append(options.cds()).append('\n');
        return s.toString();
    }

    /** The line of the stamp file that pins kernel.json as written: a hand-edited one is rewritten. */
    private static String writtenSpec(Path dir) throws IOException {
        return "kernel.json " + sha256(dir.resolve("kernel.json")) + "\n";
    }

    /** The jar and kernel.json are there, and every start-up archive kernel.json names exists. */
    private static boolean isComplete(Path dir, Path jar) throws IOException {
        Path json = dir.resolve("kernel.json");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(json)) {
            return false;
        }
        String spec = Files.readString(json);
        for (StartupArchive kind : StartupArchive.values()) {
            Path archive = kind.file(dir);
            if (spec.contains(archive.toAbsolutePath().toString()) && !Files.isRegularFile(archive)) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Runs the kernel's warm-up ({@link Warmup}) with the options that make the JVM write a start-up
     * archive at exit. Returns false (and the kernel simply starts without it) on failure.
     */
    static boolean createArchive(String javaBinary, List<String> jvm, Path jar, StartupArchive kind, Path archive) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary);
        cmd.addAll(kind.recordOptions(archive));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "warmup"));
        try {
            Files.deleteIfExists(archive);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean done = p.waitFor(180, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            return done && p.exitValue() == 0 && Files.size(archive) > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Removes the kernelspec folder; returns false if it was not there. */
    public static boolean uninstall(InstallOptions options) throws IOException {
        Path dir = options.specDir();
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return true;
    }
}
