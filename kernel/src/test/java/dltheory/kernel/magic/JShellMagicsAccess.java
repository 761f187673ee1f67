package dltheory.kernel.magic;

import jdk.jshell.JShell;

import java.util.List;

/** {@link JShellMagics#lines} for tests of other packages that hold a JShell. */
public final class JShellMagicsAccess {
    private JShellMagicsAccess() {
    }

    public static List<String> lines(JShell shell, String command) {
        return JShellMagics.lines(shell, command);
    }
}
