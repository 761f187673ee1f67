package dltheory.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/** The key marker of Figures 2.6, 3.1 and 1.7: larger than the chart's markers, with a white halo. */
class KeyMarkerTest {

    /** Paints the marker at the centre of a grey 60×60 image and counts its coloured and white pixels. */
    private static int[] paint(KeyMarker m, int size) {
        BufferedImage image = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 60, 60);
        g.setColor(Color.RED);
        m.paint(g, 30, 30, size);
        g.dispose();
        int red = 0;
        int white = 0;
        for (int x = 0; x < 60; x++) {
            for (int y = 0; y < 60; y++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                red += rgb == 0xFF0000 ? 1 : 0;
                white += rgb == 0xFFFFFF ? 1 : 0;
            }
        }
        return new int[] {red, white};
    }

    @Test
    void aKeyMarkerIsDrawnInTheSeriesColourWithAWhiteHaloAndGrowsWithItsScale() {
        int[] small = paint(KeyMarker.of(KeyMarker.Shape.SQUARE, 1), 7);
        int[] large = paint(KeyMarker.of(KeyMarker.Shape.SQUARE, 2), 7);
        assertTrue(small[0] > 0 && small[1] > 0, "colour and halo: " + small[0] + ", " + small[1]);
        assertTrue(large[0] > 3 * small[0], "area grows like the scale squared: " + small[0] + " → " + large[0]);
        int[] dot = paint(KeyMarker.dot(1), 7);
        assertEquals(0, dot[1], "a dot has no halo");
        for (KeyMarker.Shape s : KeyMarker.Shape.values()) {
            assertTrue(paint(KeyMarker.of(s, 2), 7)[0] > 0, s.toString());
        }
        int[] ring = paint(KeyMarker.hollow(KeyMarker.Shape.CIRCLE, 3), 7);
        int[] disc = paint(KeyMarker.of(KeyMarker.Shape.CIRCLE, 3), 7);
        assertTrue(ring[0] < disc[0], "a hollow marker leaves its inside free");
        assertNotEquals(0, ring[0]);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyMarker.of(KeyMarker.Shape.CIRCLE, 0));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KeyMarker.of(null, 1));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }
}
