package dltheory.kernel.handlers;

import com.google.gson.JsonObject;
import dltheory.kernel.NotebookKernel;
import dltheory.kernel.display.DisplayPublisher;
import dltheory.kernel.eval.CodeAnalysis;
import dltheory.kernel.magic.CellPlan;
import dltheory.kernel.magic.MagicCompletion;
import dltheory.kernel.server.Request;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.function.Function;

/** {@code complete_request}, {@code inspect_request} and {@code is_complete_request}. */
public final class AnalysisHandlers {
    /** Time the signatures of a completion's methods may take (JupyterLab drops replies slower than 1 s). */
    static final long TYPES_BUDGET_NANOS = 150_000_000L;

    private final NotebookKernel kernel;

    /** @param kernel gives access to JShell's analysis */
    public AnalysisHandlers(NotebookKernel kernel) {
        this.kernel = kernel;
    }

    /** Asks JShell's analysis (not while a warm-up step or a cell uses JShell). */
    private <T> T ask(Function<CodeAnalysis, T> question) {
        return kernel.evaluator().analyze(a -> question.apply(new CodeAnalysis(a)));
    }

    /** Completion at the cursor. */
    public void complete(Request r) {
        String code = Json.text(r.content(), "code", "");
        int cursor = Math.min(Json.integer(r.content(), "cursor_pos", code.length()), code.length());
        ReplacementOptions names = MagicCompletion.complete(code, cursor, kernel.magics().lineNames(), kernel.magics().cellNames());
        CodeAnalysis.Matches m = names != null
                ? new CodeAnalysis.Matches(names.getReplacements(), names.getSourceStart(), names.getSourceEnd())
                : ask(a -> a.complete(CellPlan.codeOnly(code), cursor));
        java.util.List<CodeAnalysis.Typed> typed = names != null
                ? m.matches().stream().map(n -> new CodeAnalysis.Typed(n, "magic", "")).toList()
                : ask(a -> a.types(CellPlan.codeOnly(code), m, TYPES_BUDGET_NANOS));
        com.google.gson.JsonArray types = new com.google.gson.JsonArray();
        for (CodeAnalysis.Typed t : typed) {
            JsonObject item = new JsonObject();
            item.addProperty("start", m.start());
            item.addProperty("end", m.end());
            item.addProperty("text", t.text());
            item.addProperty("type", t.type());
            item.addProperty("signature", t.signature());
            types.add(item);
        }
        JsonObject metadata = new JsonObject();
        metadata.add("_jupyter_types_experimental", types);
        JsonObject c = Json.ok();
        c.add("matches", Json.array(m.matches()));
        c.addProperty("cursor_start", m.start());
        c.addProperty("cursor_end", m.end());
        c.add("metadata", metadata);
        r.reply("complete_reply", c);
    }

    /** Signature and Javadoc of the element at the cursor. */
    public void inspect(Request r) {
        String code = Json.text(r.content(), "code", "");
        int cursor = Math.min(Json.integer(r.content(), "cursor_pos", code.length()), code.length());
        boolean detail = Json.integer(r.content(), "detail_level", 0) > 0;
        String doc = ask(a -> a.documentation(CellPlan.codeOnly(code), cursor, detail));
        JsonObject c = Json.ok();
        c.addProperty("found", !doc.isEmpty());
        JsonObject bundle = doc.isEmpty() ? new JsonObject() : DisplayPublisher.toJson(new DisplayData(doc));
        c.add("data", bundle.has("data") ? bundle.get("data") : new JsonObject());
        c.add("metadata", new JsonObject());
        r.reply("inspect_reply", c);
    }

    /** Whether the code is complete, incomplete (with indent) or invalid. */
    public void isComplete(Request r) {
        String code = Json.text(r.content(), "code", "");
        CodeAnalysis.Verdict v = ask(a -> a.isComplete(NotebookKernel.codeForAnalysis(code)));
        JsonObject c = new JsonObject();
        c.addProperty("status", v.status());
        if (v.status().equals("incomplete")) {
            c.addProperty("indent", v.indent());
        }
        r.reply("is_complete_reply", c);
    }
}
