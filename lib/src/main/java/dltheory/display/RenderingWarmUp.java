package dltheory.display;

import dltheory.plot.ChartLint;
import dltheory.plot.Encoder;
import dltheory.plot.Plots;
import dltheory.table.Tables;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;

/**
 * Renders a throw-away table and chart on a background thread when the library is added to a kernel.
 *
 * <p>The first table and the first chart of a notebook pay for loading Tablesaw, XChart, Java2D and
 * the fonts (about 0.5 s each on the project's 2-core machine). Most of that work (loading classes,
 * compiling them) is the same whenever it happens; done on a second core while JShell compiles the
 * notebook's first cells, it is off the notebook's critical path. Rendering the throw-away table
 * and chart is extra work, which a batch run on busy cores turns off ({@link #SWITCH}). Nothing is
 * shown and no state is shared with the cells.
 */
final class RenderingWarmUp {
    private record Row(int layer, double variance) {
    }

    private RenderingWarmUp() {
    }

    /**
     * The environment variable that turns the warm-up off ({@code off}, {@code false} or {@code 0}):
     * for batch runs such as {@code bin/site}, where nobody waits for a first chart and every core
     * already runs a kernel, so that the throw-away chart only adds work (about 3 CPU-seconds over
     * the seven notebooks, measured).
     */
    static final String SWITCH = "DLTHEORY_WARM_UP";

    /** Whether {@code env} leaves the warm-up on (it is on unless {@link #SWITCH} turns it off). */
    static boolean wanted(Map<String, String> env) {
        String value = env.get(SWITCH);
        return value == null || !(value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")
                || value.trim().equals("0"));
    }

    /** {@link #start(Map)} with the process's environment. */
    static Thread start() {
        return start(System.getenv());
    }

    /**
     * Starts the warm-up on a daemon thread and returns it, or returns null when {@code env} turns
     * it off ({@link #SWITCH}). Either way, Tablesaw's column types are initialized
     * first, on the calling (cell) thread: {@code ColumnType}'s static fields hold an instance of
     * every {@code *ColumnType}, whose own initialization needs {@code ColumnType}, so two threads
     * that create their first columns of different types at the same time can deadlock in class
     * initialization (jtablesaw/tablesaw#1230, #1123). A notebook whose first table came while the
     * warm-up built its own hung in that cell.
     */
    static Thread start(Map<String, String> env) {
        initializeColumnTypes();
        if (!wanted(env)) {
            return null;
        }
        Thread t = new Thread(RenderingWarmUp::run, "dltheory-rendering-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Initializes {@code ColumnType} and, through it, every Tablesaw column type, on this thread. */
    static int initializeColumnTypes() {
        return ColumnType.values().length;
    }

    /**
     * Renders one small table (HTML and text) and one small chart (SVG and PNG).
     *
     * @return the total number of characters and bytes rendered (positive when everything rendered)
     */
    static long run() {
        Table table = Tables.of("warm-up", List.of(new Row(1, 1.0), new Row(2, 0.5)));
        XYChart chart = Plots.xy("warm-up", "t", "value");
        // a colour of its own, so the warm-up takes no colour from the notebook's series
        Plots.line(chart, "series", new double[]{1, 2, 3}, new double[]{1, 0.5, 0.25}).setLineColor(java.awt.Color.GRAY);
        Plots.logY(chart);
        return Tables.html(table).length() + Tables.text(table).length()
                + Encoder.svg(chart).length() + Encoder.png(chart).length + ChartLint.problems(chart).size();
    }
}
