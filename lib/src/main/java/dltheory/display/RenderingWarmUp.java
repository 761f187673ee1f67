package dltheory.display;

import dltheory.plot.ChartLint;
import dltheory.plot.Plots;
import dltheory.table.Tables;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * Renders a throw-away table and chart on a background thread when the library is added to a kernel.
 *
 * <p>The first table and the first chart of a notebook pay for loading Tablesaw, XChart, Java2D and
 * the fonts (about 0.5 s each on the project's 2-core machine). That work is the same whenever it
 * happens; done on a second core while JShell compiles the notebook's first cells, it is off the
 * notebook's critical path. Nothing is shown and no state is shared with the cells.
 */
final class RenderingWarmUp {
    private record Row(int layer, double variance) {
    }

    private RenderingWarmUp() {
    }

    /**
     * Starts the warm-up on a daemon thread and returns it. Tablesaw's column types are initialized
     * first, on the calling (cell) thread: {@code ColumnType}'s static fields hold an instance of
     * every {@code *ColumnType}, whose own initialization needs {@code ColumnType}, so two threads
     * that create their first columns of different types at the same time can deadlock in class
     * initialization (jtablesaw/tablesaw#1230, #1123). A notebook whose first table came while the
     * warm-up built its own hung in that cell.
     */
    static Thread start() {
        initializeColumnTypes();
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
                + Plots.svg(chart).length() + Plots.png(chart).length + ChartLint.problems(chart).size();
    }
}
