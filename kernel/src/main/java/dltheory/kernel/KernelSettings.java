package dltheory.kernel;

import dltheory.kernel.magic.Globs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's configuration by environment variables, with IJava's names and JJava's: a variable
 * {@code JJAVA_X} wins over {@code IJAVA_X} when both are set (JJava reads only its own names, IJava
 * only its own; a kernelspec written for either keeps working).
 *
 * @param compilerOptions   extra javac options for cells ({@code COMPILER_OPTS}, split like a shell
 *                          command line: spaces separate, double quotes group)
 * @param classpath         path-separator list of jars, folders or globs added before the first cell
 *                          ({@code CLASSPATH})
 * @param startupSnippets   code run before the first cell: the files of {@code STARTUP_SCRIPTS_PATH}
 *                          (a path-separator list of files or globs), then {@code STARTUP_SCRIPT}
 * @param timeout           longest run of one top-level snippet ({@code TIMEOUT}: milliseconds, or a
 *                          number and a {@link TimeUnit} name such as {@code 30 SECONDS}; below 1: none);
 *                          {@link Duration#ZERO} for none
 */
public record KernelSettings(List<String> compilerOptions, String classpath, List<String> startupSnippets,
                             Duration timeout) {
    private static final Pattern TIMEOUT = Pattern.compile("^(-?\\d+)\\W*([A-Za-z]+)?$");

    /** No settings: what the kernel does without any of the variables. */
    public static final KernelSettings NONE = new KernelSettings(List.of(), "", List.of(), Duration.ZERO);

    /**
     * Reads the settings.
     *
     * @param env  the environment ({@code System.getenv()})
     * @param base folder relative paths are resolved against (the kernel's working folder)
     * @throws IllegalArgumentException naming the variable, for a timeout that cannot be read or a
     *                                  startup script that cannot be read
     */
    public static KernelSettings from(Map<String, String> env, Path base) {
        List<String> options = splitOptions(value(env, "COMPILER_OPTS"));
        String classpath = value(env, "CLASSPATH").strip();
        List<String> snippets = new ArrayList<>();
        String scripts = value(env, "STARTUP_SCRIPTS_PATH");
        for (String pattern : scripts.split(File.pathSeparator)) {
            if (pattern.isBlank()) {
                continue;
            }
            for (Path file : resolveOrNone(base, pattern.strip())) {
                if (Files.isRegularFile(file)) {
                    try {
                        snippets.add(Files.readString(file, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new IllegalArgumentException(name(env, "STARTUP_SCRIPTS_PATH") + ": cannot read " + file
                                + " (" + e.getMessage() + ")", e);
                    }
                }
            }
        }
        String script = value(env, "STARTUP_SCRIPT");
        if (!script.isBlank()) {
            snippets.add(script);
        }
        return new KernelSettings(options, classpath, List.copyOf(snippets), timeout(env));
    }

    /** The jars and folders of {@link #classpath()}, globs expanded; entries that match nothing are left out. */
    public List<Path> classpathEntries(Path base) {
        List<Path> out = new ArrayList<>();
        for (String pattern : classpath.split(File.pathSeparator)) {
            if (!pattern.isBlank()) {
                out.addAll(resolveOrNone(base, pattern.strip()));
            }
        }
        return out;
    }

    /** True if there is something to do before the first cell. */
    public boolean hasStartup() {
        return !classpath.isBlank() || !startupSnippets.isEmpty();
    }

    private static List<Path> resolveOrNone(Path base, String pattern) {
        try {
            return Globs.resolve(base, pattern);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code JJAVA_<suffix>} if set, else {@code IJAVA_<suffix>}, else "". */
    static String value(Map<String, String> env, String suffix) {
        String v = env.get(name(env, suffix));
        return v == null ? "" : v;
    }

    private static String name(Map<String, String> env, String suffix) {
        return env.get("JJAVA_" + suffix) != null ? "JJAVA_" + suffix : "IJAVA_" + suffix;
    }

    static Duration timeout(Map<String, String> env) {
        String v = value(env, "TIMEOUT").strip();
        if (v.isEmpty()) {
            return Duration.ZERO;
        }
        Matcher m = TIMEOUT.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(name(env, "TIMEOUT") + " must be a number of milliseconds or a number"
                    + " and a unit such as 30 SECONDS, not '" + v + "'");
        }
        long amount = Long.parseLong(m.group(1));
        TimeUnit unit = TimeUnit.MILLISECONDS;
        if (m.group(2) != null) {
            try {
                unit = TimeUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name(env, "TIMEOUT") + ": unknown unit '" + m.group(2)
                        + "' (NANOSECONDS ... DAYS)", e);
            }
        }
        return amount < 1 ? Duration.ZERO : Duration.ofNanos(unit.toNanos(amount));
    }

    /** Splits options as a shell would: blanks separate, double quotes group, a backslash escapes. */
    static List<String> splitOptions(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
                any = true;
            } else if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(current.toString());
        }
        return out;
    }
}
