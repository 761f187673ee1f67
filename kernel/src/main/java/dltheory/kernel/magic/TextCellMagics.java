package dltheory.kernel.magic;

import dltheory.kernel.runtime.MagicException;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * IPython's everyday cell magics: {@code %%html}, {@code %%markdown}, {@code %%latex} (the cell shown as
 * that type, as a {@code display_data}), {@code %%bash} (the cell run by {@code bash} in the notebook's
 * folder, its output streamed to the cell's) and {@code %%writefile [-a] file} (the cell written to a
 * file, as IPython says: "Writing x", "Overwriting x", "Appending to x").
 */
final class TextCellMagics {
    private static final long POLL_MILLIS = 50;

    private final MagicHost host;

    TextCellMagics(MagicHost host) {
        this.host = host;
    }

    /** The cell body without the blank line the kernel pads it with (to keep line numbers). */
    static String text(String body) {
        return body.startsWith("\n") ? body.substring(1) : body;
    }

    Object html(List<String> args, String body) {
        return show("text/html", body);
    }

    Object markdown(List<String> args, String body) {
        return show("text/markdown", body);
    }

    Object latex(List<String> args, String body) {
        return show("text/latex", body);
    }

    private Object show(String type, String body) {
        DisplayData data = new DisplayData(text(body));
        data.putData(MIMEType.parse(type), text(body));
        host.display(data);
        return null;
    }

    /** {@code %%writefile [-a|--append] file}. */
    Object writefile(List<String> args, String body) throws IOException {
        boolean append = args.contains("-a") || args.contains("--append");
        List<String> names = args.stream().filter(a -> !a.equals("-a") && !a.equals("--append")).toList();
        if (names.size() != 1) {
            throw new MagicException("%%writefile [-a] <file>: one file name expected, got " + names);
        }
        Path file = host.workingDirectory().resolve(names.get(0)).normalize();
        boolean exists = Files.exists(file);
        System.out.println((append && exists ? "Appending to " : exists ? "Overwriting " : "Writing ") + names.get(0));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text(body), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return null;
    }

    /**
     * {@code %%bash}: runs the cell as a bash script in the notebook's folder (extra arguments go to
     * bash), streaming its output. A non-zero exit status fails the cell; an interrupt stops the script.
     */
    Object bash(List<String> args, String body) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "-s", "--"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(host.workingDirectory().toFile()).start();
        Thread out = copy(p.getInputStream(), System.out, "bash-stdout");
        Thread err = copy(p.getErrorStream(), System.err, "bash-stderr");
        try (OutputStream in = p.getOutputStream()) {
            in.write(text(body).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the script ended without reading all of its input: its exit status tells
        }
        while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (host.interrupted() || Thread.currentThread().isInterrupted()) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(1, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                out.join(1000);
                err.join(1000);
                throw new MagicException("%%bash: interrupted");
            }
        }
        out.join();
        err.join();
        if (p.exitValue() != 0) {
            throw new MagicException("%%bash: the script exited with status " + p.exitValue());
        }
        return null;
    }

    private static Thread copy(InputStream from, PrintStream to, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (from) {
                int n;
                while ((n = from.read(buf)) >= 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
