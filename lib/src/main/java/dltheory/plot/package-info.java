/**
 * The collection's charts on XChart, for every notebook. {@link dltheory.plot.Plots} builds them
 * ({@link dltheory.plot.Plots#xy} makes a {@link dltheory.plot.HouseChart}, which keeps its own
 * state: the series' roles, equal aspect); a chart is drawn with the house rules each time
 * ({@code Drawing}: colours and cues by series name ({@code Looks}), drawing order, round ticks,
 * log axes as decades ({@code LogAxes}, with a linear fallback under one decade)), leaving the
 * author's data untouched. {@link dltheory.plot.HouseTheme} is the look,
 * {@link dltheory.plot.Panels} small multiples,
 * {@link dltheory.plot.KeyMarker} the large haloed markers of a figure's key points,
 * {@link dltheory.plot.ChartLint} the layout check, and {@link dltheory.plot.Encoder}, the one
 * encoder, writes SVG (text kept as text) and PNG and names a chart in one line.
 */
package dltheory.plot;
