package dltheory.kernel.magic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.Evaluator;
import dltheory.kernel.runtime.MagicException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code %load <file>}, as IJava: runs a source file, or the code cells of a notebook ({@code .ipynb}) in
 * order, through the kernel's usual path (magics included). A name that is not a file is tried with the
 * extensions {@link #EXTENSIONS} and then {@code .ipynb}. The value is that of the last code run.
 */
final class LoadMagic {
    /** Extensions tried, in order, after the name as written (IJava's list), before {@code .ipynb}. */
    static final List<String> EXTENSIONS = List.of(".jsh", ".jshell", ".java", ".ijava");

    private final MagicHost host;
    private final Set<Path> loading = new HashSet<>();

    LoadMagic(MagicHost host) {
        this.host = host;
    }

    Object load(List<String> args) throws CellError {
        if (args.size() != 1) {
            throw new MagicException("%load <file>: expected one file, got " + args.size() + " arguments");
        }
        Path file = find(host.workingDirectory(), args.get(0));
        if (!loading.add(file)) {
            throw new MagicException("%load " + args.get(0) + ": " + file + " is already being loaded (it loads itself)");
        }
        try {
            return isNotebook(file) ? runNotebook(file) : run(read(file));
        } finally {
            loading.remove(file);
        }
    }

    /** The file {@code name} refers to: itself, or with one of the extensions appended. */
    static Path find(Path base, String name) {
        String expanded = name.equals("~") || name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name;
        Path path = base.resolve(expanded).normalize();
        if (Files.isRegularFile(path)) {
            return path;
        }
        List<String> tried = new ArrayList<>(EXTENSIONS);
        tried.add(".ipynb");
        for (String ext : tried) {
            Path candidate = path.resolveSibling(path.getFileName() + ext);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new MagicException("%load " + name + ": no file " + path + ", nor with " + String.join(", ", tried));
    }

    private static boolean isNotebook(Path file) {
        return file.getFileName().toString().endsWith(".ipynb");
    }

    private Object run(String code) throws CellError {
        Evaluator.Result r = host.run(code);
        return r.hasValue() ? r.value() : null;
    }

    private Object runNotebook(Path file) throws CellError {
        List<String> cells = codeCells(read(file), file);
        Object last = null;
        for (int i = 0; i < cells.size(); i++) {
            try {
                last = run(cells.get(i));
            } catch (CellError e) {
                List<String> trace = new ArrayList<>(e.traceback());
                trace.add("    in code cell " + (i + 1) + " of " + file);
                throw new CellError(e.ename(), e.evalue(), trace);
            }
        }
        return last;
    }

    /** The sources of a notebook's code cells, in order ({@code source} is a string or a list of lines). */
    static List<String> codeCells(String json, Path file) {
        List<String> out = new ArrayList<>();
        try {
            JsonObject nb = JsonParser.parseString(json).getAsJsonObject();
            JsonArray cells = nb.has("cells") ? nb.getAsJsonArray("cells") : new JsonArray();
            for (JsonElement c : cells) {
                JsonObject cell = c.getAsJsonObject();
                if (!cell.has("cell_type") || !"code".equals(cell.get("cell_type").getAsString())) {
                    continue;
                }
                JsonElement source = cell.get("source");
                if (source == null || source.isJsonNull()) {
                    continue;
                }
                if (source.isJsonArray()) {
                    StringBuilder sb = new StringBuilder();
                    source.getAsJsonArray().forEach(line -> sb.append(line.getAsString()));
                    out.add(sb.toString());
                } else {
                    out.add(source.getAsString());
                }
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new MagicException("%load: " + file + " is not a notebook (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MagicException("%load: cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
