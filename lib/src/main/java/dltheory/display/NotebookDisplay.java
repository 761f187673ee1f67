package dltheory.display;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dltheory.widgets.ExploreFrames;
import dltheory.widgets.Interactive;
import dltheory.widgets.Widget;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

import dltheory.plot.ChartLint;
import dltheory.plot.Encoder;
import dltheory.plot.Panels;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * Teaches a JJava-style kernel (the project's, IJava's successor JJava, or any kernel that loads
 * {@code org.dflib.jjava.jupyter.Extension} services from an added jar) how to show the library's
 * objects: XChart charts as {@code image/svg+xml}, Tablesaw tables as {@code text/html}, each with a
 * readable {@code text/plain}. A chart also carries its metadata (title, series, layout verdict,
 * colours) as JSON, {@value #CHART_META_TYPE} ({@link #chartMeta}), which the site and the gallery
 * read instead of parsing the text form. A chart is sent as SVG alone, which JupyterLab, Notebook 7 and the
 * classic Notebook all show: with a PNG beside it every executed notebook stored each chart twice
 * (notebook 01 weighed about 3 MB). {@code display(chart, "image/png")} still gives a PNG.
 *
 * <p>Registered in {@code META-INF/services/org.dflib.jjava.jupyter.Extension}; the kernel calls
 * {@link #install} when a notebook's {@code %jars} line adds this library.
 */
public final class NotebookDisplay implements Extension {

    static final MIMEType SVG = MIMEType.parse("image/svg+xml");
    static final MIMEType PNG = MIMEType.parse("image/png");
    static final MIMEType HTML = MIMEType.TEXT_HTML;
    static final MIMEType TEXT = MIMEType.parse("text/plain");
    /** The MIME type of a chart's metadata: a JSON object, see {@link #chartMeta(Chart)}. */
    public static final String CHART_META_TYPE = "application/vnd.dltheory.chart+json";
    static final MIMEType CHART_META = MIMEType.parse(CHART_META_TYPE);
    static final MIMEType WIDGET = MIMEType.parse("application/vnd.jupyter.widget-view+json");

    @Override
    public void install(BaseKernel kernel) {
        register(kernel.getRenderer());
        RenderingWarmUp.start();
    }

    /**
     * Registers the chart and table renderers with {@code renderer}. A bare number is left to the
     * kernel, which shows it as Java prints it ({@code Math.PI} as {@code 3.141592653589793}); the
     * rounded format of {@link Results#number} is for the tables that show records and maps.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void register(Renderer renderer) {
        renderer.createRegistration((Class) Chart.class)
                .preferring(SVG, CHART_META)
                .supporting(SVG, PNG, CHART_META, TEXT)
                .register((chart, context) -> renderChart((Chart<?, ?>) chart, context));
        renderer.createRegistration(Panels.class)
                .preferring(SVG, CHART_META)
                .supporting(SVG, PNG, CHART_META, TEXT)
                .register(NotebookDisplay::renderPanels);
        renderer.createRegistration(Record.class)
                .preferring(HTML)
                .supporting(HTML, TEXT)
                .register((record, context) -> renderTable(Results.table((Record) record), context));
        renderer.createRegistration(Map.class)
                .preferring(HTML)
                .supporting(HTML, TEXT)
                .register((map, context) -> renderTable(Results.table((Map<?, ?>) map), context));
        renderer.createRegistration(Widget.class)
                .preferring(WIDGET)
                .supporting(WIDGET, TEXT)
                .register(NotebookDisplay::renderWidget);
        renderer.createRegistration(Table.class)
                .preferring(HTML)
                .supporting(HTML, TEXT)
                .register(NotebookDisplay::renderTable);
    }

    /**
     * Puts the SVG, PNG (base64), text and metadata forms of {@code chart} that the context asks
     * for; the layout check runs once for both the text and the metadata.
     */
    static void renderChart(Chart<?, ?> chart, RenderContext context) {
        context.renderIfRequested(SVG, () -> Encoder.svg(chart));
        context.renderIfRequested(PNG, () -> Base64.getEncoder().encodeToString(Encoder.png(chart)));
        Supplier<List<String>> problems = once(() -> ChartLint.problems(chart));
        context.renderIfRequested(TEXT, () -> Encoder.describe(chart) + "\n" + verdict(problems.get()) + "\n"
                + colours(chart));
        context.renderIfRequested(CHART_META, () -> chartMeta(chart, problems.get()));
    }

    /** Puts the SVG, PNG, text and metadata forms of small multiples. */
    static void renderPanels(Panels panels, RenderContext context) {
        context.renderIfRequested(SVG, () -> Encoder.svg(panels));
        context.renderIfRequested(PNG, () -> Base64.getEncoder().encodeToString(Encoder.png(panels)));
        Supplier<List<String>> problems = once(() -> ChartLint.problems(panels));
        context.renderIfRequested(TEXT, () -> {
            StringBuilder text = new StringBuilder();
            StringBuilder colours = new StringBuilder("colours:");
            for (XYChart panel : panels.panels()) {
                text.append(Encoder.describe(panel)).append("; ");
                colours.append(colours(panel).substring("colours:".length())).append(" |");
            }
            return text + "\n" + verdict(problems.get()) + "\n" + colours;
        });
        context.renderIfRequested(CHART_META, () -> chartMeta(panels, problems.get()));
    }

    /**
     * The metadata of {@code chart} as a JSON object: {@code title}, {@code series} (the names,
     * guides left out), {@code layout} ({@code ok} and the {@link ChartLint} {@code problems}), and
     * {@code colours}, a list of {@code {series, colour}} ({@code #rrggbb}, or null) for the series
     * in the legend. Read by {@code tools/chartmeta.py}.
     */
    static Map<String, Object> chartMeta(Chart<?, ?> chart, List<String> problems) {
        Map<String, Object> meta = titleAndSeries(chart);
        meta.put("layout", layoutOf(problems));
        meta.put("colours", colourList(chart));
        return meta;
    }

    /**
     * The metadata of small multiples: no title of their own ({@code title} null, no
     * {@code series}), {@code panels} with each panel's title, series and colours, the
     * {@code layout} of all panels (problems prefixed with the panel number), and every panel's
     * {@code colours}.
     */
    static Map<String, Object> chartMeta(Panels panels, List<String> problems) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("title", null);
        meta.put("series", List.of());
        List<Object> each = new ArrayList<>();
        List<Object> colours = new ArrayList<>();
        for (XYChart panel : panels.panels()) {
            Map<String, Object> one = titleAndSeries(panel);
            one.put("colours", colourList(panel));
            colours.addAll(colourList(panel));
            each.add(one);
        }
        meta.put("panels", each);
        meta.put("layout", layoutOf(problems));
        meta.put("colours", colours);
        return meta;
    }

    private static Map<String, Object> titleAndSeries(Chart<?, ?> chart) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("title", chart.getTitle());
        meta.put("series", Encoder.seriesNames(chart));
        return meta;
    }

    static Map<String, Object> layoutOf(List<String> problems) {
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("ok", problems.isEmpty());
        layout.put("problems", problems);
        return layout;
    }

    /** {@code {series, colour}} for each series in the legend; the colour {@code #rrggbb} or null. */
    private static List<Object> colourList(Chart<?, ?> chart) {
        List<Object> out = new ArrayList<>();
        for (Object o : chart.getSeriesMap().values()) {
            if (o instanceof XYSeries s && s.isShowInLegend()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("series", s.getName());
                entry.put("colour", colourOf(s));
                out.add(entry);
            }
        }
        return out;
    }

    private static String colourOf(XYSeries s) {
        Color c = s.getLineColor() != null ? s.getLineColor() : s.getMarkerColor();
        return c == null ? null : String.format("#%06x", c.getRGB() & 0xFFFFFF);
    }

    /** The layout check as one line: {@code layout: ok}, or {@code layout: } and the defects found. */
    static String verdict(List<String> problems) {
        return problems.isEmpty() ? "layout: ok" : "layout: " + problems.size() + " problem(s): " + String.join("; ", problems);
    }

    /** {@code colours: name #rrggbb | …} for the series in the legend (the text form of {@code colours}). */
    static String colours(Chart<?, ?> chart) {
        StringBuilder out = new StringBuilder("colours:");
        for (Object o : chart.getSeriesMap().values()) {
            if (o instanceof XYSeries s && s.isShowInLegend()) {
                String c = colourOf(s);
                out.append(out.length() > 8 ? " | " : " ").append(s.getName()).append(c == null ? "" : " " + c);
            }
        }
        return out.toString();
    }

    /** {@code value}, computed at the first call only. */
    private static <T> Supplier<T> once(Supplier<T> value) {
        List<T> memo = new ArrayList<>(1);
        return () -> {
            if (memo.isEmpty()) {
                memo.add(value.get());
            }
            return memo.get(0);
        };
    }

    /**
     * A widget: its view ({@code application/vnd.jupyter.widget-view+json}, when it is live in the
     * project's kernel) and its text form (the controls' values, for front ends without widgets).
     */
    static void renderWidget(Widget widget, RenderContext context) {
        Map<String, Object> bundle = widget.mimeBundle();
        Object view = bundle.get(WIDGET.toString());
        String shown = null;
        if (widget instanceof Interactive i) {
            shown = staticForm(i, context.getOutputContainer(), context.getRenderer());
        }
        if (view != null) {
            context.renderIfRequested(WIDGET, () -> view);
        }
        if (widget instanceof Interactive i && shown != null && ExploreFrames.wanted()) {
            // for bin/site only (its kernels' environment); drawn without claiming colours, so the
            // notebook's later charts look the same with and without the frames
            Map<String, Object> frames = dltheory.plot.Plots.withoutNewColours(() -> ExploreBundle.of(i));
            if (frames != null) {
                context.getOutputContainer().putData(ExploreFrames.MIME_TYPE, frames);
            }
        }
        // the values, then the output's own text form (never an object's identity)
        String text = shown == null ? widget.toString()
                : (((Interactive) widget).values() == null ? "" : ((Interactive) widget).values() + "\n") + shown;
        context.renderIfRequested(TEXT, () -> text);
    }

    /**
     * {@code interact} also shows its output as it is now, the chart or table of its last run, beside
     * its view: JupyterLab and Notebook 7 show the view (their widget renderer ranks first), while
     * nbconvert, the static site, a front end with an older widget manager and a kernel without comms
     * show the figure.
     * Returns the text form of that output, or null when there is none.
     */
    static String staticForm(Interactive i, DisplayData out, Renderer renderer) {
        Object value = i.output().lastValue();
        if (value != null && !(value instanceof Throwable)) {
            DisplayData shown = renderer.render(value);
            out.assign(shown);
            Object text = shown.getData(TEXT);
            return text == null ? null : text.toString();
        }
        List<Map<String, Object>> outputs = i.output().outputs();
        for (int k = outputs.size() - 1; k >= 0; k--) {
            if ("display_data".equals(outputs.get(k).get("output_type"))
                    && outputs.get(k).get("data") instanceof Map<?, ?> data) {
                data.forEach((mime, content) -> out.putData(String.valueOf(mime), content));
                Object text = data.get("text/plain");
                return text == null ? null : text.toString();
            }
        }
        return null;
    }

    /** Puts the HTML and text forms of {@code table} that the context asks for. */
    static void renderTable(Table table, RenderContext context) {
        context.renderIfRequested(HTML, () -> Tables.html(table));
        context.renderIfRequested(TEXT, () -> Tables.text(table));
    }
}
