package dltheory.plot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes VectorGraphics2D's SVG smaller without changing the picture. XChart draws a line series as
 * one {@code <line>} per segment, each with the same long style (a histogram panel of notebook 01:
 * 2,646 of them, 543 KB), and every coordinate with up to 17 digits. Here a run of consecutive
 * {@code <line>} elements with the same style becomes one {@code <path>} (segments that continue
 * where the previous one ended are joined), and the numbers inside tags are rounded to 0.01 px.
 * Text between tags (the labels) is left as it is.
 */
final class SvgCompaction {

    private static final Pattern LINE = Pattern.compile(
            "<line style=\"([^\"]*)\" x1=\"([^\"]*)\" x2=\"([^\"]*)\" y1=\"([^\"]*)\" y2=\"([^\"]*)\"/>(\\s*)");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");

    private SvgCompaction() {
    }

    /** The SVG with runs of same-style lines merged into paths and coordinates rounded. */
    static String compact(String svg) {
        return round(mergeLines(svg));
    }

    static String mergeLines(String svg) {
        StringBuilder out = new StringBuilder(svg.length());
        Matcher m = LINE.matcher(svg);
        int at = 0;
        String style = null;
        StringBuilder d = null;
        String lastX = null;
        String lastY = null;
        String gap = "";
        while (m.find()) {
            boolean continues = style != null && m.start() == at && m.group(1).equals(style);
            if (!continues) {
                if (style != null) {
                    out.append(pathOf(style, d)).append(gap);
                }
                out.append(svg, at, m.start());
                style = m.group(1);
                d = new StringBuilder();
                lastX = null;
                lastY = null;
            }
            String x1 = m.group(2);
            String x2 = m.group(3);
            String y1 = m.group(4);
            String y2 = m.group(5);
            if (!(x1.equals(lastX) && y1.equals(lastY))) {
                d.append(d.length() == 0 ? "M" : " M").append(x1).append(',').append(y1);
            }
            d.append(" L").append(x2).append(',').append(y2);
            lastX = x2;
            lastY = y2;
            gap = m.group(6);
            at = m.end();
        }
        if (style != null) {
            out.append(pathOf(style, d)).append(gap);
        }
        out.append(svg, at, svg.length());
        return out.toString();
    }

    private static String pathOf(String style, StringBuilder d) {
        return "<path style=\"" + style + "\" d=\"" + d + "\"/>";
    }

    /** {@code x} to two decimals, without trailing zeros: 32.123 → 32.12, 1.004 → 1, −0.001 → 0. */
    static String hundredths(double x) {
        long cents = Math.round(x * 100);
        if (cents == 0) {
            return "0";
        }
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        long frac = abs % 100;
        if (frac == 0) {
            return sign + abs / 100;
        }
        return sign + abs / 100 + "." + (frac % 10 == 0 ? String.valueOf(frac / 10) : String.format("%02d", frac));
    }

    /** Numbers with three or more decimals inside tags, rounded to two (0.01 px). */
    static String round(String svg) {
        Matcher tags = TAG.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        while (tags.find()) {
            Matcher numbers = DECIMAL.matcher(tags.group());
            StringBuilder tag = new StringBuilder();
            while (numbers.find()) {
                numbers.appendReplacement(tag, hundredths(Double.parseDouble(numbers.group())));
            }
            numbers.appendTail(tag);
            tags.appendReplacement(out, Matcher.quoteReplacement(tag.toString()));
        }
        tags.appendTail(out);
        return out.toString();
    }
}
