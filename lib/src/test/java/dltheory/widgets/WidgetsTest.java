package dltheory.widgets;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The widgets outside the project's kernel (a plain JVM, as in IJava or JJava): no comm, text instead
 * of views, and the same values, observers and coalescing. The kernel side is tested in
 * tests/kernel/test_widgets.py.
 */
class WidgetsTest {

    @Test
    void outsideTheKernelWidgetsAreTextAndInteractRunsOnce() {
        assertFalse(Widgets.live());
        FloatSlider p = Widgets.slider("p", 0.05, 0.95, 0.05);
        assertEquals(0.5, p.value(), 1e-12);
        assertFalse(p.isLive());
        assertEquals("FloatSlider p = 0.5", p.toString());
        assertFalse(p.mimeBundle().containsKey("application/vnd.jupyter.widget-view+json"));
        Interactive i = Widgets.interact(p, x -> "p is " + x);
        assertEquals(1, i.runs());
        assertEquals("p = 0.5\np is 0.5", i.toString());
    }

    @Test
    void stateHoldsTheModelOfIpywidgets8() {
        IntSlider n = Widgets.intSlider("n", 1, 9, 2, 3);
        assertEquals("IntSliderModel", n.get("_model_name"));
        assertEquals("@jupyter-widgets/controls", n.get("_model_module"));
        assertEquals("2.0.0", n.get("_model_module_version"));
        assertEquals(3L, n.get("value"));
        assertTrue(String.valueOf(n.get("layout")).startsWith("IPY_MODEL_"));
        assertEquals(".2f", FloatSlider.readoutFormat(0.05));
        assertEquals(".3f", FloatSlider.readoutFormat(0.005));
    }

    @Test
    void valuesFromJavaAreClampedAndSelectionsMapIndexToOption() {
        FloatSlider p = Widgets.slider("p", 0.0, 1.0, 0.1, 0.5);
        p.value(3.0);
        assertEquals(1.0, p.value());
        FloatSlider lr = Widgets.logSlider("lr", 1e-4, 1.0, 4, 1e-2);
        assertEquals(-4.0, ((Number) lr.get("min")).doubleValue(), 1e-12);
        assertEquals(1e-2, lr.value(), 1e-15);
        Selection<String> d = Widgets.dropdown("init", List.of("Xavier", "He"), "He");
        assertEquals(1, d.index());
        d.value("Xavier");
        assertEquals("Xavier", d.value());
        assertEquals(List.of("Xavier", "He"), d.get("_options_labels"));
    }

    @Test
    void badArgumentsNameTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Widgets.slider("p", 1, 0, 0.1));
        assertTrue(e.getMessage().startsWith("min and max must satisfy min < max, got min = 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Widgets.slider("p", 0, 1, 0.1, 2));
        assertTrue(e.getMessage().startsWith("value must be in [0, 1], got 2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Widgets.dropdown("d", List.of("a"), "b"));
        assertTrue(e.getMessage().startsWith("value must be one of [a], got b"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Widgets.checkbox("c", true).observe("nope", c -> { }));
        assertTrue(e.getMessage().startsWith("name (an attribute of Checkbox) must be one of ["), e.getMessage());
        assertTrue(e.getMessage().endsWith("], got nope"), e.getMessage());
    }

    @Test
    void aSlowObserverSeesTheNewestValueNotAQueueOfStaleOnes() throws InterruptedException {
        IntSlider n = Widgets.intSlider("n", 0, 100, 1, 0);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch last = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        n.observe(v -> {
            seen.add(v);
            firstStarted.countDown();
            if (v == 10) {
                last.countDown();
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        n.value(1);
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        for (int v = 2; v <= 10; v++) {
            n.value(v);
        }
        assertTrue(last.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(1, 10), seen);
    }

    @Test
    void anObserverThatThrowsDoesNotStopTheWidget() throws InterruptedException {
        Checkbox c = Widgets.checkbox("c", false);
        CountDownLatch after = new CountDownLatch(1);
        c.observe(v -> {
            if (v) {
                throw new IllegalStateException("boom");
            }
            after.countDown();
        });
        c.value(true);
        Thread.sleep(100);
        c.value(false);
        assertTrue(after.await(5, TimeUnit.SECONDS));
    }
}
