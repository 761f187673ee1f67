package dltheory.kernel.runtime;

import java.util.List;

/** Where {@link Notebook#lineMagic} and {@link Notebook#cellMagic} send magic calls; implemented by the kernel. */
public interface MagicSink {
    /** Runs a line magic and returns its value (null if it has none). */
    Object line(String name, List<String> args);

    /** Runs a cell magic on {@code body} and returns its value (null if it has none). */
    Object cell(String name, List<String> args, String body);
}
