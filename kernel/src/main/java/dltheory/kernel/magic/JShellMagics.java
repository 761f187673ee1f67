package dltheory.kernel.magic;

import dltheory.kernel.eval.Evaluator;
import dltheory.kernel.runtime.MagicException;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * JShell's commands as line magics: {@code %vars}, {@code %methods}, {@code %types}, {@code %imports},
 * {@code %list}, and {@code %jshell /vars} (any of the five, written as in JShell). Each prints what the
 * session has defined, one item a line, as JShell's command does ({@code int n = 3},
 * {@code double square(double)}, {@code class Plot}); the value is that list of lines.
 */
final class JShellMagics {
    /** The commands, as {@code %jshell} takes them. */
    static final List<String> COMMANDS = List.of("vars", "methods", "types", "imports", "list");

    private final Supplier<JShell> shell;

    /** @param shell the session (asked for on each use: JShell may still be starting when magics are made) */
    JShellMagics(Supplier<JShell> shell) {
        this.shell = shell;
    }

    /** {@code %jshell /vars} and the like: the command, with or without its slash. */
    List<String> jshell(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0).replaceFirst("^/", "");
        if (!COMMANDS.contains(command)) {
            throw new MagicException("%jshell: unknown command '" + String.join(" ", args)
                    + "'; known: /vars, /methods, /types, /imports, /list");
        }
        return run(command);
    }

    /** Runs one command ({@link #COMMANDS}), prints its lines and returns them. */
    List<String> run(String command) {
        List<String> lines = lines(session(), command);
        if (lines.isEmpty()) {
            System.out.println("(no " + (command.equals("list") ? "snippets" : command) + " defined)");
        } else {
            lines.forEach(System.out::println);
        }
        return lines;
    }

    private JShell session() {
        JShell s = shell.get();
        if (s == null) {
            throw new MagicException("JShell's commands need the kernel's JShell session");
        }
        return s;
    }

    /** The lines of one command for the active snippets of {@code shell}. */
    static List<String> lines(JShell shell, String command) {
        List<Snippet> active = shell.snippets().filter(s -> shell.status(s).isActive()).toList();
        List<String> out = new ArrayList<>();
        for (Snippet s : active) {
            switch (command) {
                case "vars" -> {
                    if (s instanceof VarSnippet v && !v.name().startsWith("$")) {
                        out.add(v.typeName() + " " + v.name() + " = " + value(shell, v));
                    }
                }
                case "methods" -> {
                    if (s instanceof MethodSnippet m) {
                        out.add(method(m));
                    }
                }
                case "types" -> {
                    if (s instanceof TypeDeclSnippet t) {
                        out.add(kind(t) + " " + t.name());
                    }
                }
                case "imports" -> {
                    if (s instanceof ImportSnippet) {
                        out.add(s.source().strip());
                    }
                }
                case "list" -> {
                    if (!Evaluator.STARTUP_IMPORTS.contains(s.source().strip())) {
                        String[] src = s.source().strip().split("\n", -1);
                        out.add(String.format(Locale.ROOT, "%4s : %s", s.id(), src[0]));
                        for (int i = 1; i < src.length; i++) {
                            out.add("       " + src[i]);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown command " + command);
            }
        }
        return out;
    }

    private static String value(JShell shell, VarSnippet v) {
        try {
            return shell.varValue(v);
        } catch (RuntimeException e) {
            return "(not initialized)";
        }
    }

    /** {@code double square(double)} from JShell's signature {@code (double)double}. */
    static String method(MethodSnippet m) {
        String sig = m.signature();
        int close = sig.lastIndexOf(')');
        String params = close > 0 ? sig.substring(1, close) : m.parameterTypes();
        String returns = close >= 0 && close + 1 < sig.length() ? sig.substring(close + 1) : "void";
        return returns + " " + m.name() + "(" + params + ")";
    }

    private static String kind(TypeDeclSnippet t) {
        return switch (t.subKind().name()) {
            case "INTERFACE_SUBKIND" -> "interface";
            case "ENUM_SUBKIND" -> "enum";
            case "ANNOTATION_TYPE_SUBKIND" -> "@interface";
            case "RECORD_SUBKIND" -> "record";
            default -> "class";
        };
    }
}
