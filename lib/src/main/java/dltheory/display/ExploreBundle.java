package dltheory.display;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * {"version": 1, "mime": "image/svg+xml" | "image/png", "compared": {"image/svg+xml": bytes, "image/png": bytes},
 *  "sliders": [{"name": "s", "values": [0.5, …], "labels": ["0.50", …], "initial": 10}],
 *  "initial": 10,                        // the frame of the controls' initial values
 *  "frames": [{"index": [0], "title": "…", "alt": "Chart: …. It plots …", "image": "<svg…" | base64}]}
 * }</pre>
 *
 * Every frame is drawn in one format, the smaller for the initial frame of SVG (text kept as text)
 * and PNG (drawn at 2×, so sharp on high-density screens).
 */
final class ExploreBundle {
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
        bundle.put("version", 1);
        bundle.put("mime", png ? "image/png" : "image/svg+xml");
        bundle.put("compared", Map.of("image/svg+xml", svgSize, "image/png", pngSize));  // bytes, initial frame
        bundle.put("sliders", sliders);
        bundle.put("initial", initial);
        bundle.put("frames", out);
        return bundle;
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
