package dltheory.kernel.handlers;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dltheory.kernel.NotebookKernel;
import dltheory.kernel.server.Handler;
import dltheory.kernel.server.Request;
import dltheory.kernel.wire.Headers;

/** Answers {@code kernel_info_request} with status, protocol version and the full {@code language_info}. */
public final class KernelInfoHandler implements Handler {
    @Override
    public void handle(Request request) {
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", NotebookKernel.languageVersion());
        language.addProperty("mimetype", "text/x-java-source");
        language.addProperty("file_extension", ".jshell");
        language.addProperty("pygments_lexer", "java");
        language.addProperty("codemirror_mode", "text/x-java");
        JsonObject c = Json.ok();
        c.addProperty("protocol_version", Headers.PROTOCOL_VERSION);
        c.addProperty("implementation", NotebookKernel.IMPLEMENTATION);
        c.addProperty("implementation_version", NotebookKernel.VERSION);
        c.add("language_info", language);
        c.addProperty("banner", "Java " + Runtime.version() + " (JShell) :: " + NotebookKernel.IMPLEMENTATION
                + " " + NotebookKernel.VERSION);
        c.addProperty("debugger", false);
        c.add("help_links", new JsonArray());
        request.reply("kernel_info_reply", c);
    }
}
