/**
 * How a notebook shows the library's objects, for every notebook: {@link
 * dltheory.display.NotebookDisplay} registers with the kernel (JJava's extension mechanism) and
 * renders charts as SVG with their metadata ({@code application/vnd.dltheory.chart+json}),
 * Tablesaw tables as HTML, records and maps as tables ({@link dltheory.display.Results});
 * {@link dltheory.display.RenderingWarmUp} draws one throw-away chart and table in the background
 * so that a reader's first one comes sooner.
 */
package dltheory.display;
