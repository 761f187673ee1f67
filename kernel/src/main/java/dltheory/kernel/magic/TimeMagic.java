package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.eval.Evaluator;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * {@code %time <code>} and {@code %%time}: run the code, then show (as JJava does) the CPU times of the
 * thread that ran it and the wall-clock time, in seconds; the value is the code's.
 */
final class TimeMagic {
    private final MagicHost host;

    TimeMagic(MagicHost host) {
        this.host = host;
    }

    Object line(List<String> args) throws CellError {
        return args.isEmpty() ? null : timed(String.join(" ", args));
    }

    Object cell(List<String> args, String body) throws CellError {
        return timed(body);
    }

    private Object timed(String code) throws CellError {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread cells = host.cellThread();
        boolean cpu = cells != null && threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long user0 = cpu ? threads.getThreadUserTime(cells.getId()) : -1;
        long total0 = cpu ? threads.getThreadCpuTime(cells.getId()) : -1;
        long start = System.nanoTime();
        try {
            Evaluator.Result r = host.run(code);
            return r.hasValue() ? r.value() : null;
        } finally {
            long wall = System.nanoTime() - start;
            long user1 = cpu ? threads.getThreadUserTime(cells.getId()) : -1;
            long total1 = cpu ? threads.getThreadCpuTime(cells.getId()) : -1;
            StringBuilder text = new StringBuilder();
            if (user0 >= 0 && user1 >= 0 && total0 >= 0 && total1 >= 0) {
                long total = total1 - total0;
                // user time is counted in clock ticks, total CPU time in nanoseconds: keep sys >= 0
                long user = Math.min(user1 - user0, total);
                text.append(String.format(Locale.ROOT, "CPU times: user %.3f s, sys %.3f s, total %.3f s%n",
                        user / 1e9, (total - user) / 1e9, total / 1e9));
            }
            text.append(String.format(Locale.ROOT, "Wall time: %.3f s", wall / 1e9));
            host.display(new DisplayData(text.toString()));
        }
    }
}
