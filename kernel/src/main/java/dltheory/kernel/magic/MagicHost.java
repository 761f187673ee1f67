package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.Evaluator;

import java.nio.file.Path;
import java.util.List;

/** What magics may ask of the kernel. */
public interface MagicHost {
    /** The folder relative paths are resolved against (the notebook's folder). */
    Path workingDirectory();

    /** Adds jars/folders to the cells' class path and installs the {@code Extension} services they contain. */
    void addToClasspath(List<Path> entries) throws CellError;

    /** Runs cell text (which may itself contain line magics) and returns its last value. */
    Evaluator.Result run(String cellText) throws CellError;
}
