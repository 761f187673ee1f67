package dltheory.kernel;

import dltheory.kernel.install.InstallOptions;
import dltheory.kernel.install.Installer;
import dltheory.kernel.install.Warmup;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Entry point: {@code install [...]}, {@code uninstall [...]}, or a connection file to run the kernel.
 */
public final class Main {
    private Main() {
    }

    /** Command-line entry. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar dltheory-kernel.jar install|uninstall [--user | --sys-prefix | --prefix DIR]"
                    + " [--java PATH] [--jvm-option OPT]... [--no-cds] | <connection-file>");
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            command(args[0], rest);
        } catch (IllegalArgumentException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            System.exit(2);
        } catch (FileSystemException e) {
            // a read-only or foreign folder: one line naming the file and the reason, no stack trace
            System.err.println(args[0] + ": cannot write " + e.getFile() + ": " + reason(e));
            System.exit(1);
        }
    }

    /** The home folder as Jupyter finds it: $HOME when set (Java's user.home reads the password
     *  database instead, so the two differ when HOME is set to another folder). */
    static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /** The operating system's reason for a failed file operation, in words. */
    static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName();
    }

    private static void command(String name, List<String> rest) throws Exception {
        switch (name) {
            case "install" -> {
                Installer.Installation done = Installer.install(options(rest), ownJar());
                System.out.println(done.upToDate()
                        ? "The java kernelspec in " + done.dir() + " is up to date (same jar, JVM and options)"
                        : "Installed the java kernelspec in " + done.dir());
            }
            case "uninstall" -> {
                InstallOptions o = options(rest);
                System.out.println(Installer.uninstall(o) ? "Removed " + o.specDir() : "Not installed: " + o.specDir());
            }
            case "warmup" -> {
                Warmup.run();
                System.exit(0);
            }
            default -> new KernelProcess().run(Path.of(name));
        }
    }

    private static InstallOptions options(List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return InstallOptions.parse(args, System.getenv(), home(System.getenv()), java);
    }

    private static Path ownJar() throws Exception {
        Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!p.toString().endsWith(".jar")) {
            throw new IllegalStateException("install must be run from the kernel jar, not from " + p);
        }
        return p;
    }
}
