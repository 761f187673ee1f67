package dltheory.display;

import java.util.Base64;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;

import dltheory.plot.Plots;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * Teaches a JJava-style kernel (the project's, IJava's successor JJava, or any kernel that loads
 * {@code org.dflib.jjava.jupyter.Extension} services from an added jar) how to show the library's
 * objects: XChart charts as {@code image/svg+xml} and {@code image/png}, Tablesaw tables as
 * {@code text/html}, each with a readable {@code text/plain}.
 *
 * <p>Registered in {@code META-INF/services/org.dflib.jjava.jupyter.Extension}; the kernel calls
 * {@link #install} when a notebook's {@code %jars} line adds this library.
 */
public final class NotebookDisplay implements Extension {

    static final MIMEType SVG = MIMEType.parse("image/svg+xml");
    static final MIMEType PNG = MIMEType.parse("image/png");
    static final MIMEType HTML = MIMEType.TEXT_HTML;
    static final MIMEType TEXT = MIMEType.parse("text/plain");

    @Override
    public void install(BaseKernel kernel) {
        register(kernel.getRenderer());
        RenderingWarmUp.start();
    }

    /** Registers the chart and table renderers with {@code renderer}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void register(Renderer renderer) {
        renderer.createRegistration((Class) Chart.class)
                .preferring(SVG, PNG)
                .supporting(SVG, PNG, TEXT)
                .register((chart, context) -> renderChart((Chart<?, ?>) chart, context));
        renderer.createRegistration(Table.class)
                .preferring(HTML)
                .supporting(HTML, TEXT)
                .register(NotebookDisplay::renderTable);
    }

    /** Puts the SVG, PNG (base64) and text forms of {@code chart} that the context asks for. */
    static void renderChart(Chart<?, ?> chart, RenderContext context) {
        context.renderIfRequested(SVG, () -> Plots.svg(chart));
        context.renderIfRequested(PNG, () -> Base64.getEncoder().encodeToString(Plots.png(chart)));
        context.renderIfRequested(TEXT, () -> Plots.describe(chart));
    }

    /** Puts the HTML and text forms of {@code table} that the context asks for. */
    static void renderTable(Table table, RenderContext context) {
        context.renderIfRequested(HTML, () -> Tables.html(table));
        context.renderIfRequested(TEXT, () -> Tables.text(table));
    }
}
