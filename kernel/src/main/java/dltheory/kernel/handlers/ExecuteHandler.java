package dltheory.kernel.handlers;

import com.google.gson.JsonObject;
import dltheory.kernel.NotebookKernel;
import dltheory.kernel.input.CellInput;
import dltheory.kernel.display.CellOutput;
import dltheory.kernel.display.DisplayPublisher;
import dltheory.kernel.display.OutputStreams;
import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.Evaluator;
import dltheory.kernel.server.Handler;
import dltheory.kernel.server.Request;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Handles {@code execute_request}: publishes the input, runs the cell with output routed to it,
 * publishes the result or the error, replies, and records the cell in the history.
 */
public final class ExecuteHandler implements Handler {
    private final NotebookKernel kernel;
    private final CellOutput output;
    private final CellInput input;
    private final OutputStreams streams;
    private final DisplayPublisher displays;
    private final History history;
    private int executionCount;

    /**
     * @param kernel   runs cells
     * @param output   the current-cell pointer for output
     * @param input    the cells' {@code System.in}
     * @param streams  stdout/stderr (drained before the reply)
     * @param displays publishes results
     * @param history  records cells
     */
    public ExecuteHandler(NotebookKernel kernel, CellOutput output, CellInput input, OutputStreams streams,
                          DisplayPublisher displays, History history) {
        this.kernel = kernel;
        this.output = output;
        this.input = input;
        this.streams = streams;
        this.displays = displays;
        this.history = history;
    }

    @Override
    public void handle(Request request) {
        JsonObject c = request.content();
        String code = Json.text(c, "code", "");
        boolean silent = Json.bool(c, "silent", false);
        boolean store = !silent && Json.bool(c, "store_history", true);
        if (store) {
            executionCount++;
        }
        int count = executionCount;
        streams.drain();
        streams.restore();
        output.attach(request.message());
        if (!silent) {
            JsonObject input = new JsonObject();
            input.addProperty("code", code);
            input.addProperty("execution_count", count);
            request.publish("execute_input", input);
        }
        String shown = null;
        JsonObject reply;
        input.begin(request.message(), Json.bool(c, "allow_stdin", false));
        try {
            Evaluator.Result result = kernel.runCell(code, count);
            if (result.hasValue() && !silent) {
                DisplayData data = kernel.renderResult(result.value());
                displays.result(count, data);
                Object text = data.getData(MIMEType.TEXT_PLAIN);
                shown = text == null ? null : text.toString();
            }
            streams.drain();
            reply = Json.ok();
            reply.addProperty("execution_count", count);
            reply.add("payload", new com.google.gson.JsonArray());
            reply.add("user_expressions", new JsonObject());
        } catch (CellError e) {
            reply = error(request, e, count);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            reply = error(request, kernel.evaluator().reports().runtime(e), count);
        } catch (Throwable e) {
            // any other Error (an InternalError from JShell, an AssertionError while showing a value) is
            // shown in the notebook too, not only in the reply
            String evalue = String.valueOf(e.getMessage());
            reply = error(request, new CellError(e.getClass().getSimpleName(), evalue,
                    java.util.List.of(e.getClass().getName() + ": " + evalue)), count);
        } finally {
            input.end();
        }
        if (!silent && Json.bool(c, "stop_on_error", true) && "error".equals(Json.text(reply, "status", ""))) {
            request.abortWaitingExecutions();
        }
        request.reply("execute_reply", reply);
        if (store) {
            history.add(count, code, shown);
        }
    }

    private JsonObject error(Request request, CellError e, int count) {
        streams.drain();
        JsonObject err = new JsonObject();
        err.addProperty("ename", e.ename());
        err.addProperty("evalue", e.evalue());
        err.add("traceback", Json.array(e.traceback()));
        request.publish("error", err);
        JsonObject reply = err.deepCopy();
        reply.addProperty("status", "error");
        reply.addProperty("execution_count", count);
        return reply;
    }
}
