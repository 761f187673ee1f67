package dltheory.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
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
     * Installs the kernelspec.
     *
     * @param options   where and with which java
     * @param kernelJar the running kernel jar
     * @return the kernelspec folder
     */
    public static Path install(InstallOptions options, Path kernelJar) throws IOException {
        Path dir = options.specDir();
        Files.createDirectories(dir);
        Path jar = dir.resolve("dltheory-kernel.jar");
        if (!Files.isSameFile(kernelJar.getParent(), dir)) {
            Files.copy(kernelJar, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> jvm = new ArrayList<>(KernelSpec.DEFAULT_JVM_OPTIONS);
        jvm.addAll(options.extraJvmOptions());
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
        return dir;
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
