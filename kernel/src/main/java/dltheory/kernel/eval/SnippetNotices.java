package dltheory.kernel.eval;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What JShell knows about a snippet but does not say through the statuses the kernel reports: variables
 * it reset to their default value, javac's class-file limits, and why a method that used to compile no
 * longer does.
 */
final class SnippetNotices {
    private SnippetNotices() {
    }

    /**
     * The variables that {@code events} reset: when a class or method a variable's declaration uses is
     * redeclared, JShell recompiles the variable and sets it to its default value (the jshell tool says
     * "update modified variable b, reset to null"). One line per variable.
     */
    static List<String> resets(List<SnippetEvent> events) {
        List<String> out = new ArrayList<>();
        for (SnippetEvent e : events) {
            // an import's resets are named by Evaluator, with the import and the new type
            if (e.causeSnippet() != null && !(e.causeSnippet() instanceof ImportSnippet)
                    && e.snippet() instanceof VarSnippet v
                    && e.status().isActive() && e.previousStatus().isActive()) {
                out.add("note: variable " + v.name() + " was reset to " + defaultValue(v.typeName())
                        + " because " + describe(e.causeSnippet()) + " was redeclared");
            }
        }
        return out;
    }

    private static String defaultValue(String type) {
        return switch (type) {
            case "boolean" -> "false";
            case "byte", "short", "int", "long", "float", "double" -> "0";
            case "char" -> "'\\u0000'";
            default -> "null";
        };
    }

    /** True for javac's class-file limits ("constant string too long", "code too large", ...). */
    static boolean isLimit(Diag d) {
        return d.isError() && d.getCode() != null && d.getCode().startsWith("compiler.err.limit.");
    }

    /** True if compiling {@code events} hit a class-file limit (javac's reused context is then broken). */
    static boolean hitLimit(JShell shell, List<SnippetEvent> events) {
        return events.stream().anyMatch(e -> shell.diagnostics(e.snippet()).anyMatch(SnippetNotices::isLimit));
    }

    /**
     * The error of a method that compiled once and no longer does because something it uses was
     * redeclared (JShell lists no undefined name then): names what was redeclared and javac's reason.
     */
    static CellError noLongerCompiles(JShell shell, DeclarationSnippet method) {
        List<String> reasons = shell.diagnostics(method).filter(Diag::isError)
                .map(d -> d.getMessage(Locale.ROOT).split("\n")[0]).distinct().toList();
        List<String> changed = shell.snippets()
                .filter(s -> s instanceof DeclarationSnippet d && d != method
                        && shell.status(s) == Snippet.Status.OVERWRITTEN
                        && Pattern.compile("\\b" + Pattern.quote(d.name()) + "\\b").matcher(method.source()).find())
                .map(s -> describe(s)).distinct().toList();
        String msg = describe(method) + " no longer compiles"
                + (changed.isEmpty() ? "" : " since " + String.join(", ", changed) + " changed")
                + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
        return new CellError(ErrorReports.COMPILE_ENAME, msg, List.of("Compilation error: " + msg,
                "    correct " + describe(method) + " and run its cell again, or change back what it uses"));
    }

    static String describe(Snippet s) {
        if (s instanceof DeclarationSnippet d) {
            String kind = d instanceof TypeDeclSnippet ? "class" : d.kind().toString().toLowerCase(Locale.ROOT);
            return kind + " " + d.name();
        }
        return "snippet " + s.source().strip();
    }
}
