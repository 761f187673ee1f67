package dltheory.kernel.eval;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

import java.io.File;
import java.nio.file.Path;

/** JShell's class-loading hooks, backed by a {@link CellClassLoader}; snippet bytecode is rewritten on load. */
final class CellLoaderDelegate implements LoaderDelegate {
    private final CellClassLoader loader;

    CellLoaderDelegate(CellClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), SnippetRewriter.rewrite(cbc.bytecodes()));
        }
        for (int i = 0; i < cbcs.length; i++) {
            try {
                Class.forName(cbcs[i].name(), false, loader);
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("cannot load " + cbcs[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        // never called: the execution control does not support redefinition, so JShell loads new classes
    }

    @Override
    public void addToClasspath(String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                loader.addPath(Path.of(entry));
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }
}
