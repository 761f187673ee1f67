package dltheory.display;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dltheory.plot.ChartLint;
import dltheory.plot.Panels;
import dltheory.plot.Encoder;
import dltheory.widgets.ExploreFrames;
import dltheory.widgets.Interactive;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The frames of an Explore cell as one JSON object ({@value ExploreFrames#MIME_TYPE}), which
 * {@code interact} adds to its display data when the kernel runs for {@code bin/site}
 * ({@link ExploreFrames#wanted()}). tools/explore_frames.py turns it into the page's slider and the
 * PDF's small multiples:
 *
 * <pre>{@code
 * {"version": 2, "mime": "image/svg+xml" | "image/png", "compared": {"image/svg+xml": bytes, "image/png": bytes},
 *  "sliders": [{"name": "s", "values": [0.5, …], "labels": ["0.50", …], "initial": 10}],
 *  "initial": 10,                        // the frame of the controls' initial values
 *  "frames": [{"index": [0], "title": "…", "alt": "Chart: …. It plots …", "image": "<svg…" | base64}],
 *  "print": [{"frame": 0, "label": "s = 0.50", "width": 400, "height": 340, "image": "<svg…" | base64,
 *             "layout": {"ok": true, "problems": []}}]}
 * }</pre>
 *
 * Every frame is drawn in one format, the smaller for the initial frame of SVG (text kept as text)
 * and PNG (drawn at 2×, so sharp on high-density screens). {@code print} holds the PDF's small
 * multiples ({@link ExploreFrames#multiples}), each frame drawn again at {@link #PRINT_WIDTH}×{@link
 * #PRINT_HEIGHT} without its title (the PDF prints it in the panel's caption): the PDF sets two of
 * them side by side, each at half the text's width, where a frame drawn at the chart's own size
 * would print its labels at half their size (about 4 pt).
 */
final class ExploreBundle {
    /**
     * The size at which a small multiple is drawn: in a column of half the text's width (321 px on
     * A4), its text prints at 0.8 of the size a chart of {@link dltheory.plot.Plots#WIDTH} prints
     * at across the whole text, about 7 pt for the tick labels.
     */
    static final int PRINT_WIDTH = 400;
    static final int PRINT_HEIGHT = 340;

    private ExploreBundle() {
    }

    /** The frames of {@code i}, or null when its function does not give a chart. */
    static Map<String, Object> of(Interactive i) {
        List<ExploreFrames.Axis> axes = ExploreFrames.grid(i.controls());
        List<ExploreFrames.Frame> frames = ExploreFrames.frames(i, axes);
        int initial = ExploreFrames.initialFrame(axes);
        Object first = frames.get(initial).value();
        if (!(first instanceof Chart<?, ?> || first instanceof Panels)) {
            return null;
        }
        // sizes as the site stores them: the PNG's bytes against the SVG's (UTF-8); the initial
        // frame keeps the encoding chosen (a chart gives the same bytes each time it is encoded)
        byte[] firstPng = pngBytes(first);
        String firstSvg = svg(first);
        int pngSize = firstPng.length;
        int svgSize = firstSvg.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        boolean png = pngSize < svgSize;
        String firstImage = png ? Base64.getEncoder().encodeToString(firstPng) : firstSvg;
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            ExploreFrames.Frame f = frames.get(k);
            Object v = f.value();
            if (!(v instanceof Chart<?, ?> || v instanceof Panels)) {
                return null;
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("index", f.index());
            String title = v instanceof Chart<?, ?> c ? c.getTitle() : null;
            one.put("title", title == null ? "" : title);
            one.put("alt", alt(v));
            one.put("image", k == initial ? firstImage : png ? png(v) : svg(v));
            out.add(one);
        }
        List<Object> printed = new ArrayList<>();
        for (ExploreFrames.Multiple m : ExploreFrames.multiples(axes)) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("frame", m.frame());
            one.put("label", m.label());
            Object v = frames.get(m.frame()).value();
            if (v instanceof Chart<?, ?> c) {  // drawn smaller; small multiples of their own keep their size
                one.put("width", PRINT_WIDTH);
                one.put("height", PRINT_HEIGHT);
                one.put("image", png ? Base64.getEncoder().encodeToString(untitled(c, () -> Encoder.png(c, PRINT_WIDTH, PRINT_HEIGHT)))
                        : untitled(c, () -> Encoder.svg(c, PRINT_WIDTH, PRINT_HEIGHT)));
                one.put("layout", NotebookDisplay.layoutOf(untitled(c, () -> ChartLint.problems(c, PRINT_WIDTH, PRINT_HEIGHT))));
            } else {
                Panels p = (Panels) v;
                one.put("width", p.width());
                one.put("height", p.height());
                one.put("image", png ? png(v) : svg(v));
                one.put("layout", NotebookDisplay.layoutOf(ChartLint.problems(p)));
            }
            printed.add(one);
        }
        List<Object> sliders = new ArrayList<>();
        for (ExploreFrames.Axis a : axes) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", a.name());
            s.put("values", a.values());
            s.put("labels", a.labels());
            s.put("initial", a.initial());
            sliders.add(s);
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("version", 2);
        bundle.put("mime", png ? "image/png" : "image/svg+xml");
        bundle.put("compared", Map.of("image/svg+xml", svgSize, "image/png", pngSize));  // bytes, initial frame
        bundle.put("sliders", sliders);
        bundle.put("initial", initial);
        bundle.put("frames", out);
        bundle.put("print", printed);
        return bundle;
    }

    /**
     * What {@code draw} gives with the chart's title hidden: a small multiple's title goes under it,
     * in the PDF's caption of the panel, where it wraps (at the print size a title of 50 characters
     * is wider than the picture, which XChart would clip).
     */
    private static <T> T untitled(Chart<?, ?> chart, Supplier<T> draw) {
        boolean visible = chart.getStyler().isChartTitleVisible();
        chart.getStyler().setChartTitleVisible(false);
        try {
            return draw.get();
        } finally {
            chart.getStyler().setChartTitleVisible(visible);
        }
    }

    private static String svg(Object v) {
        return v instanceof Panels p ? Encoder.svg(p) : Encoder.svg((Chart<?, ?>) v);
    }

    private static byte[] pngBytes(Object v) {
        return v instanceof Panels p ? Encoder.png(p) : Encoder.png((Chart<?, ?>) v);
    }

    private static String png(Object v) {
        return Base64.getEncoder().encodeToString(pngBytes(v));
    }

    /** What the chart shows, as the site words a figure's alt text: its title and its series. */
    static String alt(Object v) {
        List<String> titles = new ArrayList<>();
        List<String> series = new ArrayList<>();
        if (v instanceof Chart<?, ?> c) {
            if (c.getTitle() != null && !c.getTitle().isBlank()) {
                titles.add(c.getTitle());
            }
            series.addAll(Encoder.seriesNames(c));
        } else {
            for (var panel : ((Panels) v).panels()) {
                if (panel.getTitle() != null && !panel.getTitle().isBlank()) {
                    titles.add(panel.getTitle());
                }
                series.addAll(Encoder.seriesNames(panel));
            }
        }
        String head = titles.isEmpty() ? "Chart" : "Chart: " + String.join("; ", titles) + ".";
        return series.isEmpty() ? head : head + " It plots " + String.join(", ", series) + ".";
    }
}
