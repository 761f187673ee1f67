package dltheory.kernel.eval;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Hands JShell the kernel's single, pre-built {@link CellExecutionControl}. */
final class CellExecutionProvider implements ExecutionControlProvider {
    private final CellExecutionControl control;

    CellExecutionProvider(CellExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "dltheory-cells";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
