package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.Evaluator;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A kernel side for magic tests: records what the magics ask for; "running" code returns its text. */
final class FakeHost implements MagicHost {
    final Path dir;
    final List<Path> classpath = new ArrayList<>();
    final List<String> ran = new ArrayList<>();
    final List<DisplayData> displayed = new ArrayList<>();
    Magics magics;
    volatile boolean interrupted;

    FakeHost(Path dir) {
        this.dir = dir;
    }

    @Override
    public Path workingDirectory() {
        return dir;
    }

    @Override
    public void addToClasspath(List<Path> entries) {
        classpath.addAll(entries);
    }

    /** Runs cell text as the kernel does: its magic lines through {@link #magics}, the rest recorded. */
    @Override
    public Evaluator.Result run(String cellText) throws CellError {
        CellPlan plan = CellPlan.parse(cellText);
        Evaluator.Result last = new Evaluator.Result(false, null);
        for (CellPlan.Part part : plan.parts()) {
            if (part instanceof CellPlan.Magic m) {
                last = magics.line(m.magic());
            } else {
                String code = ((CellPlan.Code) part).source().strip();
                if (code.startsWith("throw")) {
                    throw new CellError("IllegalStateException", code, List.of("IllegalStateException: " + code));
                }
                ran.add(code);
                last = new Evaluator.Result(true, code);
            }
        }
        return last;
    }

    @Override
    public Thread cellThread() {
        return Thread.currentThread();
    }

    @Override
    public boolean interrupted() {
        return interrupted;
    }

    @Override
    public void display(DisplayData data) {
        displayed.add(data);
    }
}
