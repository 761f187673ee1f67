package dltheory.widgets;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid of values at which bin/site draws an Explore cell's frames (ExploreFrames). */
class ExploreFramesTest {

    @Test
    void aSliderWithFewValuesGivesThemAllAndStartsAtItsValue() {
        // notebook 01: s from 0.5 to 1.5 by 0.05, at 1
        ExploreFrames.Axis s = ExploreFrames.axis(Widgets.slider("s", 0.5, 1.5, 0.05, 1.0), 21);
        assertEquals(21, s.values().size());
        assertEquals(0.5, s.values().get(0));
        assertEquals(1.5, s.values().get(20));
        assertEquals(0.55, s.values().get(1));  // decimal steps, not 0.5 + 0.05 in binary
        assertEquals(10, s.initial());
        assertEquals(1.0, s.values().get(10));
        assertEquals("1.00", s.labels().get(10));
        assertEquals("0.55", s.labels().get(1));
    }

    @Test
    void aLongSliderIsThinnedByAStrideFromItsValueKeepingBothEnds() {
        // notebook 06: 0.5 to 8 by 0.25 is 31 values; stride 2 from 2.0 gives 0.5, 1.0, …, 8.0
        ExploreFrames.Axis scale = ExploreFrames.axis(Widgets.slider("scale", 0.5, 8.0, 0.25, 2.0), 21);
        assertEquals(16, scale.values().size());
        assertEquals(0.5, scale.values().get(0));
        assertEquals(8.0, scale.values().get(15));
        assertEquals(2.0, scale.values().get(scale.initial()));
        // off the even lattice: 2.25 is kept and the ends are added
        ExploreFrames.Axis odd = ExploreFrames.axis(Widgets.slider("scale", 0.5, 8.0, 0.25, 2.25), 21);
        assertTrue(odd.values().size() <= 21 && odd.values().size() >= 9, odd.values().toString());
        assertEquals(2.25, odd.values().get(odd.initial()));
        assertEquals(0.5, odd.values().get(0));
        assertEquals(8.0, odd.values().get(odd.values().size() - 1));
    }

    @Test
    void strideIsTheSmallestWithinTheLimit() {
        assertEquals(List.of(0, 1, 2, 3, 4), ExploreFrames.pick(5, 2, 5));
        assertEquals(List.of(0, 2, 4), ExploreFrames.pick(5, 2, 3));
        assertEquals(List.of(0, 1, 3, 5, 6), ExploreFrames.pick(7, 3, 5));
        for (int n = 3; n < 60; n++) {
            for (int at = 0; at < n; at++) {
                List<Integer> p = ExploreFrames.pick(n, at, 9);
                assertTrue(p.size() <= 9 && p.contains(0) && p.contains(n - 1) && p.contains(at), n + " " + at + " " + p);
                if (n <= 9) {
                    assertEquals(n, p.size());
                } else {
                    assertTrue(p.size() >= 5, n + " " + at + " " + p);  // thinned, not emptied
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ExploreFrames.axis(Widgets.slider("p", 0, 1, 0.1), 2));
    }

    @Test
    void aLogSliderStepsByItsExponentAndLabelsThreeDigits() {
        // notebook 04: α from 0.1 to 10, 4 steps a decade, at 0.1
        ExploreFrames.Axis a = ExploreFrames.axis(Widgets.logSlider("α", 0.1, 10, 4, 0.1), 21);
        assertEquals(9, a.values().size());
        assertEquals(0, a.initial());
        assertEquals(List.of("0.1", "0.178", "0.316", "0.562", "1", "1.78", "3.16", "5.62", "10"), a.labels());
        assertEquals(10.0, (Double) a.values().get(8), 1e-12);
        assertEquals(Math.sqrt(10), (Double) a.values().get(6), 1e-10);
    }

    @Test
    void twoSlidersShareTwentyFiveFramesAndTheInitialFrameIsTheirValues() {
        // notebook 03: β 0–0.95 and δ 0.1–1 by 0.05, at 0.9 and 0.4
        FloatSlider beta = Widgets.slider("β", 0.0, 0.95, 0.05, 0.9);
        FloatSlider delta = Widgets.slider("δ", 0.1, 1.0, 0.05, 0.4);
        List<ExploreFrames.Axis> axes = ExploreFrames.grid(List.of(beta, delta));
        assertEquals(List.of(0.0, 0.3, 0.6, 0.9, 0.95), axes.get(0).values());
        assertEquals(List.of(0.1, 0.4, 0.7, 1.0), axes.get(1).values());
        List<List<Integer>> all = ExploreFrames.indices(axes);
        assertEquals(20, all.size());
        int initial = ExploreFrames.initialFrame(axes);
        assertEquals(List.of(3, 1), all.get(initial));
        assertEquals(initial, all.indexOf(List.of(3, 1)));
        // one slider keeps up to 21
        assertEquals(21, ExploreFrames.grid(List.of(Widgets.slider("s", 0.5, 1.5, 0.05, 1.0))).get(0).values().size());
    }

    @Test
    void framesCallTheFunctionAtEachValueWithoutMovingTheControls() {
        FloatSlider p = Widgets.slider("p", 0.0, 1.0, 0.25, 0.5);
        IntSlider n = Widgets.intSlider("n", 1, 3, 1, 2);
        Interactive i = Widgets.interact(p, n, (x, k) -> x + "×" + k);
        List<ExploreFrames.Axis> axes = ExploreFrames.grid(List.of(p, n));
        List<ExploreFrames.Frame> frames = ExploreFrames.frames(i, axes);
        assertEquals(15, frames.size());
        assertEquals("0.0×1", frames.get(0).value());
        assertEquals("1.0×3", frames.get(14).value());
        assertEquals("0.5×2", frames.get(ExploreFrames.initialFrame(axes)).value());
        assertEquals(0.5, p.value());
        assertEquals(2, n.value());
        assertEquals(1, i.runs());
    }

    @Test
    void onlyTheSwitchAsksForFrames() {
        assertFalse(ExploreFrames.wanted(Map.of()));
        assertFalse(ExploreFrames.wanted(Map.of(ExploreFrames.SWITCH, "off")));
        assertTrue(ExploreFrames.wanted(Map.of(ExploreFrames.SWITCH, "on")));
        assertTrue(ExploreFrames.wanted(Map.of(ExploreFrames.SWITCH, "1")));
    }

    /** An axis of {@code n} values 0, 1, … labelled by {@code label}, at {@code initial}. */
    private static ExploreFrames.Axis axis(String name, int n, int initial, java.util.function.IntFunction<String> label) {
        List<Object> values = new java.util.ArrayList<>();
        List<String> labels = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            values.add(k);
            labels.add(label.apply(k));
        }
        return new ExploreFrames.Axis(name, values, labels, initial);
    }

    @Test
    void oneSlidersMultiplesAreItsEndsItsValueAndTheMiddleOfTheWidestGap() {
        ExploreFrames.Axis s = axis("s", 21, 10, k -> String.format(java.util.Locale.ROOT, "%.2f", (double) k));
        assertEquals(List.of(new ExploreFrames.Multiple(0, "s = 0.00"), new ExploreFrames.Multiple(5, "s = 5.00"),
                new ExploreFrames.Multiple(10, "s = 10.00"), new ExploreFrames.Multiple(20, "s = 20.00")),
                ExploreFrames.multiples(List.of(s)));
        // at an end: the two gaps are one, and the earlier of equal gaps is split
        assertEquals(List.of(0, 2, 4, 8), frames(ExploreFrames.multiples(List.of(axis("α", 9, 0, Integer::toString)))));
        assertEquals(List.of(0, 1, 2), frames(ExploreFrames.multiples(List.of(axis("q", 3, 1, Integer::toString)))));
        assertEquals(List.of(0, 1), frames(ExploreFrames.multiples(List.of(axis("on", 2, 1, Integer::toString)))));
        assertEquals(List.of(0), frames(ExploreFrames.multiples(List.of(axis("v", 1, 0, Integer::toString)))));
    }

    @Test
    void twoSlidersMultiplesAreEachAtItsValueAndItsFartherEnd() {
        // notebook 03: β at index 5 of 7, δ at index 2 of 7
        List<ExploreFrames.Axis> two = List.of(axis("β", 7, 5, Integer::toString), axis("δ", 7, 2, Integer::toString));
        assertEquals(List.of(new ExploreFrames.Multiple(0 * 7 + 2, "β = 0, δ = 2"), new ExploreFrames.Multiple(0 * 7 + 6, "β = 0, δ = 6"),
                new ExploreFrames.Multiple(5 * 7 + 2, "β = 5, δ = 2"), new ExploreFrames.Multiple(5 * 7 + 6, "β = 5, δ = 6")),
                ExploreFrames.multiples(two));
        // a third control stays at its value, and each frame is its place in indices()
        List<ExploreFrames.Axis> three = List.of(axis("a", 3, 0, Integer::toString), axis("b", 2, 1, Integer::toString),
                axis("c", 4, 3, Integer::toString));
        List<List<Integer>> all = ExploreFrames.indices(three);
        for (ExploreFrames.Multiple m : ExploreFrames.multiples(three)) {
            List<Integer> index = all.get(m.frame());
            assertEquals(3, index.get(2));
            assertEquals("a = " + index.get(0) + ", b = " + index.get(1) + ", c = 3", m.label());
        }
        assertEquals(List.of(1 * 4 + 3, 2 * 8 + 0 * 4 + 3, 2 * 8 + 1 * 4 + 3, 0 * 8 + 0 * 4 + 3).stream().sorted().toList(),
                frames(ExploreFrames.multiples(three)));
        assertThrows(IllegalArgumentException.class, () -> ExploreFrames.multiples(List.of()));
    }

    private static List<Integer> frames(List<ExploreFrames.Multiple> multiples) {
        return multiples.stream().map(ExploreFrames.Multiple::frame).toList();
    }
}
