package dltheory.kernel.install;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Parsed arguments of {@code install}/{@code uninstall}: where the kernelspec goes and which
 * {@code java} runs the kernel.
 *
 * @param kernelsDir  the {@code .../share/jupyter/kernels} (or user data) folder
 * @param javaBinary  java launcher for the kernel
 * @param extraJvmOptions options added after the defaults
 */
public record InstallOptions(Path kernelsDir, String javaBinary, List<String> extraJvmOptions) {

    /**
     * Parses {@code [--user | --sys-prefix | --prefix DIR] [--java PATH] [--jvm-option OPT]...}.
     *
     * @param args        the arguments after the command
     * @param env         environment variables (for XDG_DATA_HOME, VIRTUAL_ENV, CONDA_PREFIX)
     * @param home        the user's home folder
     * @param currentJava the java launcher running the installer (the default)
     */
    public static InstallOptions parse(List<String> args, Map<String, String> env, Path home, String currentJava) {
        Path kernels = userDir(env, home);
        String java = currentJava;
        List<String> extra = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--user" -> kernels = userDir(env, home);
                case "--sys-prefix" -> kernels = prefixDir(Path.of(sysPrefix(env)));
                case "--prefix" -> kernels = prefixDir(Path.of(value(args, ++i, a)));
                case "--java" -> java = Path.of(value(args, ++i, a)).toAbsolutePath().toString();
                case "--jvm-option" -> extra.add(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a
                        + "; usage: install|uninstall [--user | --sys-prefix | --prefix DIR] [--java PATH] [--jvm-option OPT]");
            }
        }
        return new InstallOptions(kernels, java, List.copyOf(extra));
    }

    /** The kernelspec folder itself: {@code kernelsDir/java}. */
    public Path specDir() {
        return kernelsDir.resolve(KernelSpec.NAME);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static Path userDir(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : home.resolve(".local/share");
        return data.resolve("jupyter/kernels");
    }

    private static Path prefixDir(Path prefix) {
        return prefix.toAbsolutePath().normalize().resolve("share/jupyter/kernels");
    }

    private static String sysPrefix(Map<String, String> env) {
        for (String name : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "/usr";
    }
}
