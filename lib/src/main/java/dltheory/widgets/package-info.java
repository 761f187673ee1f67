/**
 * Interactive controls for the notebooks' Explore cells, shared by every topic (notebooks 01–06,
 * each {@code import static dltheory.widgets.Widgets.*}): sliders, drop-downs and check boxes on
 * the ipywidgets protocol, and {@code interact}, which redraws a chart or table after every change.
 * No equations: the Explore cells redraw a figure of their notebook at other parameter values.
 *
 * <p>Main types: {@link dltheory.widgets.Widgets} (the factory the notebooks import),
 * {@link dltheory.widgets.Interactive} (controls and the output they redraw),
 * {@link dltheory.widgets.FloatSlider}, {@link dltheory.widgets.IntSlider},
 * {@link dltheory.widgets.Selection}, {@link dltheory.widgets.Checkbox}, and
 * {@link dltheory.widgets.ExploreFrames} (an Explore cell's frames for the static site and the PDF).
 * In a kernel without comms the widgets show as text.
 */
package dltheory.widgets;
