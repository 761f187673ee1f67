package dltheory.widgets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dltheory.check.Arguments;

/**
 * The frames of an {@code interact} for a page without a kernel: the function's value at a grid of
 * the controls' values, which {@code bin/site} shows behind a slider of its own (the static site) or
 * as small multiples (the PDF). Wanted only when the kernel runs with {@value #SWITCH}{@code =on}
 * (tools/notebooks.py sets it for its batch kernels), so that a reader's kernel never computes them.
 *
 * <p>A slider's grid is its own lattice of values ({@code min + k·step}, or its exponents for a
 * logarithmic slider), all of it when it has at most {@link #MAX_PER_SLIDER} values, else every
 * {@code s}-th value counted from the slider's initial value, with the smallest stride {@code s}
 * that keeps it, the two ends and the initial value within the limit. Several sliders share
 * {@link #MAX_FRAMES} frames: each gets at most the {@code n}-th root of it. The initial values are
 * always in the grid, so the frame the page opens on is the figure the notebook shows.
 */
public final class ExploreFrames {
    /** The environment variable that asks for the frames ({@code on}, {@code true} or {@code 1}). */
    public static final String SWITCH = "DLTHEORY_EXPLORE_FRAMES";
    /** The MIME type of the frames in a display-data message (a JSON object; see tools/explore_frames.py). */
    public static final String MIME_TYPE = "application/vnd.dltheory.explore+json";
    /** The most values one slider gets. */
    public static final int MAX_PER_SLIDER = 21;
    /**
     * The most frames in all, for an {@code interact} with several controls: 5 × 5 for two sliders, so
     * that no page carries many more frames than one slider's 21 (notebook 03's chart is a 44 kB SVG:
     * 7 × 7 frames weighed 2.1 MB, its 5 × 4 weigh 0.9 MB).
     */
    public static final int MAX_FRAMES = 25;

    private ExploreFrames() {
    }

    /** One control's values in the grid, how the page labels them, and the index of its initial value. */
    public record Axis(String name, List<Object> values, List<String> labels, int initial) {
        public Axis {
            values = List.copyOf(values);
            labels = List.copyOf(labels);
            Arguments.nonEmpty(values, "values");
            Arguments.that(labels.size() == values.size(), "labels", "hold one label per value ("
                    + values.size() + ")", labels.size());
            Arguments.inRange(initial, 0, values.size() - 1, "initial");
        }
    }

    /** One frame: the index into each axis, and the function's value there. */
    public record Frame(List<Integer> index, Object value) {
    }

    /** Whether the process's environment asks for the frames ({@link #SWITCH}). */
    public static boolean wanted() {
        return wanted(System.getenv());
    }

    static boolean wanted(Map<String, String> env) {
        String v = env.get(SWITCH);
        return v != null && (v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true") || v.trim().equals("1"));
    }

    /** The grid of {@code controls}: one axis each, {@link #MAX_FRAMES} shared among them. */
    public static List<Axis> grid(List<ValueWidget<?>> controls) {
        int each = controls.size() <= 1 ? MAX_PER_SLIDER
                : Math.min(MAX_PER_SLIDER, (int) Math.floor(Math.pow(MAX_FRAMES, 1.0 / controls.size()) + 1e-9));
        List<Axis> axes = new ArrayList<>();
        for (ValueWidget<?> c : controls) {
            axes.add(axis(c, each));
        }
        return axes;
    }

    /**
     * The values of one control in the grid, at most {@code most} (≥ 3) for a slider: a checkbox
     * gives false and true; any other control only its current value.
     */
    public static Axis axis(ValueWidget<?> control, int most) {
        Arguments.that(most >= 3, "most", "be >= 3 (the two ends and the initial value)", most);
        String name = control.description();
        if (control instanceof FloatSlider s) {
            double min = num(s, "min"), max = num(s, "max"), step = num(s, "step");
            int n = (int) Math.floor((max - min) / step + 1e-9) + 1;
            double at = s.isLog() ? Math.log10(s.value()) : s.value();
            List<Integer> picked = pick(n, (int) Math.round((at - min) / step), most);
            List<Object> values = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            String format = String.valueOf(s.get("readout_format"));
            for (int k : picked) {
                double v = BigDecimal.valueOf(min).add(BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(k)))
                        .doubleValue();
                if (s.isLog()) {
                    v = new BigDecimal(Math.pow(10, v)).round(new MathContext(12)).doubleValue();
                }
                values.add(v);
                labels.add(s.isLog() ? significant(v, 3) : String.format(java.util.Locale.ROOT, "%" + format, v));
            }
            int initial = initialIndex(values, s.value());
            values.set(initial, s.value());  // the frame the page opens on is the notebook's own figure
            labels.set(initial, s.isLog() ? significant(s.value(), 3)
                    : String.format(java.util.Locale.ROOT, "%" + format, s.value()));
            return new Axis(name, values, labels, initial);
        }
        if (control instanceof IntSlider s) {
            long min = (long) num(s, "min"), max = (long) num(s, "max"), step = (long) num(s, "step");
            int n = (int) ((max - min) / step) + 1;
            List<Integer> picked = pick(n, (int) Math.round((s.value() - min) / (double) step), most);
            List<Object> values = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int k : picked) {
                int v = (int) (min + k * step);
                values.add(v);
                labels.add(Integer.toString(v));
            }
            int initial = initialIndex(values, s.value());
            values.set(initial, s.value());
            return new Axis(name, values, labels, initial);
        }
        if (control instanceof Checkbox c) {
            boolean v = c.value();
            return new Axis(name, List.of(false, true), List.of("off", "on"), v ? 1 : 0);
        }
        Object v = control.value();
        return new Axis(name, List.of(v), List.of(String.valueOf(v)), 0);
    }

    /**
     * Indices of a lattice {@code 0..n-1} for the grid: all of them when {@code n ≤ most}, else
     * those at a multiple of the stride from {@code initial}, and the two ends, for the smallest
     * stride that gives at most {@code most}.
     */
    static List<Integer> pick(int n, int initial, int most) {
        int at = Math.max(0, Math.min(n - 1, initial));
        for (int stride = 1; ; stride++) {
            TreeSet<Integer> chosen = new TreeSet<>();
            chosen.add(0);
            chosen.add(n - 1);
            for (int k = at % stride; k < n; k += stride) {
                chosen.add(k);
            }
            if (chosen.size() <= most) {
                return new ArrayList<>(chosen);
            }
        }
    }

    /** The frames of {@code interactive} over {@code axes}, the last axis varying fastest. */
    public static List<Frame> frames(Interactive interactive, List<Axis> axes) {
        List<Frame> out = new ArrayList<>();
        for (List<Integer> index : indices(axes)) {
            List<Object> chosen = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                chosen.add(axes.get(a).values().get(index.get(a)));
            }
            out.add(new Frame(index, interactive.valueAt(new Values(interactive.controls(), chosen))));
        }
        return out;
    }

    /** Every combination of the axes' indices, the last axis varying fastest. */
    public static List<List<Integer>> indices(List<Axis> axes) {
        List<List<Integer>> all = new ArrayList<>();
        all.add(List.of());
        for (Axis axis : axes) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> head : all) {
                for (int k = 0; k < axis.values().size(); k++) {
                    List<Integer> one = new ArrayList<>(head);
                    one.add(k);
                    next.add(List.copyOf(one));
                }
            }
            all = next;
        }
        return all;
    }

    /** A frame the PDF shows as one of the Explore cell's small multiples, and its label ({@code β = 0.90, δ = 0.40}). */
    public record Multiple(int frame, String label) {
    }

    /**
     * The frames the PDF shows in place of the slider. For one slider, three or four values: its two
     * ends, its initial value, and the middle of the widest gap between those. For several, the
     * first two sliders each at its initial value and at the end farther from it (2 × 2), the
     * others at their initial values. Listed in the order of the frames.
     */
    public static List<Multiple> multiples(List<Axis> axes) {
        Arguments.nonEmpty(axes, "axes");
        List<List<Integer>> picked = new ArrayList<>();
        if (axes.size() == 1) {
            int n = axes.get(0).values().size();
            TreeSet<Integer> chosen = new TreeSet<>(List.of(0, axes.get(0).initial(), n - 1));
            while (chosen.size() < Math.min(4, n)) {
                List<Integer> at = new ArrayList<>(chosen);
                int widest = 0;
                for (int i = 1; i < at.size() - 1; i++) {
                    if (at.get(i + 1) - at.get(i) > at.get(widest + 1) - at.get(widest)) {
                        widest = i;
                    }
                }
                int width = at.get(widest + 1) - at.get(widest);
                if (width < 2) {
                    break;
                }
                chosen.add(at.get(widest) + width / 2);
            }
            chosen.forEach(k -> picked.add(List.of(k)));
        } else {
            List<TreeSet<Integer>> ends = new ArrayList<>();
            for (Axis a : axes.subList(0, 2)) {
                int last = a.values().size() - 1;
                ends.add(new TreeSet<>(List.of(a.initial(), a.initial() > last / 2.0 ? 0 : last)));
            }
            for (int first : ends.get(0)) {
                for (int second : ends.get(1)) {
                    List<Integer> index = new ArrayList<>(List.of(first, second));
                    axes.subList(2, axes.size()).forEach(a -> index.add(a.initial()));
                    picked.add(index);
                }
            }
        }
        List<Multiple> out = new ArrayList<>();
        for (List<Integer> index : picked) {
            List<String> parts = new ArrayList<>();
            int frame = 0;
            for (int a = 0; a < axes.size(); a++) {
                parts.add(axes.get(a).name() + " = " + axes.get(a).labels().get(index.get(a)));
                frame = frame * axes.get(a).values().size() + index.get(a);
            }
            out.add(new Multiple(frame, String.join(", ", parts)));
        }
        return out;
    }

    /** The position of the initial values' frame in {@link #indices}. */
    public static int initialFrame(List<Axis> axes) {
        int at = 0;
        for (Axis axis : axes) {
            at = at * axis.values().size() + axis.initial();
        }
        return at;
    }

    private static int initialIndex(List<Object> values, double initial) {
        int best = 0;
        for (int k = 1; k < values.size(); k++) {
            if (Math.abs(((Number) values.get(k)).doubleValue() - initial)
                    < Math.abs(((Number) values.get(best)).doubleValue() - initial)) {
                best = k;
            }
        }
        return best;
    }

    private static double num(Widget w, String key) {
        return ((Number) w.get(key)).doubleValue();
    }

    /** {@code v} to {@code digits} significant digits, without trailing zeros: 0.1, 0.178, 10. */
    static String significant(double v, int digits) {
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
