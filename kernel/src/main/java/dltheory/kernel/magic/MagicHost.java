package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.Evaluator;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.nio.file.Path;
import java.util.List;

/** What magics may ask of the kernel. */
public interface MagicHost {
    /** The folder relative paths are resolved against (the notebook's folder). */
    Path workingDirectory();

    /** Adds jars/folders to the cells' class path and installs the {@code Extension} services they contain. */
    void addToClasspath(List<Path> entries) throws CellError;

    /** Runs cell text (which may itself contain magics) and returns its last value. */
    Evaluator.Result run(String cellText) throws CellError;

    /** The thread that runs cell code (for {@code %time}'s CPU times). */
    Thread cellThread();

    /** True once the user has interrupted the running cell. */
    boolean interrupted();

    /** Publishes a {@code display_data} in the current cell's output. */
    void display(DisplayData data);

    /** The JShell session, for JShell's commands as magics ({@code %vars}); null where there is none. */
    default jdk.jshell.JShell jshell() {
        return null;
    }
}
