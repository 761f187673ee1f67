"""The charts and tables of an executed notebook, numbered by chapter for its page: each chart's
SVG and PNG written to figures/, with its anchor, caption and alt text (from the cell's metadata,
tools/numbering.py, and the chart's own metadata, tools/chartmeta.py).
"""

import re

import chartmeta
import numbering
from outputs import is_chart, png_of, svg_of


def chart_titles(output):
    """The titles drawn in a chart, or in each chart of a set of small multiples (chartmeta)."""
    meta = chartmeta.read(output.get("data", {}))
    return [meta.title] if meta.title else [title for title, _ in meta.panels if title]


def figure_of(output, chapter, number, stem, out):
    """Writes one chart's SVG and PNG to `out`/figures/ and describes it for the template."""
    data = output.get("data", {})
    meta = chartmeta.read(data)
    title = meta.title
    series = ", ".join(meta.series)
    base = f"figures/{stem}-{number}"
    figure = {"id": f"figure-{number}", "number": f"{chapter}.{number}",
              "caption": title or f"Chart {number} of this notebook", "svg": None, "png": None,
              "width": 720, "height": 440}
    svg, png = svg_of(data), png_of(data)
    if svg is not None:
        (out / f"{base}.svg").write_text(svg, encoding="utf-8")
        figure["svg"] = f"{base}.svg"
        size = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg[:600])
        if size:
            figure["width"], figure["height"] = round(float(size[1])), round(float(size[2]))
    if png is not None:
        (out / f"{base}.png").write_bytes(png)
        figure["png"] = f"{base}.png"
    figure["alt"] = (f"Chart: {title}." + (f" It plots {series}." if series else "")) if title \
        else f"Chart {number} of this notebook (no title)"
    return figure


def add_figures(nb, stem, out):
    """Numbers the charts and tables of an executed notebook (chapter = its two-digit prefix) and
    writes the charts to `out`/figures/. A chart's anchor and caption come from its cell's
    metadata (dltheory.figure, tools/numbering.py), a table's from dltheory.table. Returns the
    figures' descriptions."""
    chapter = int(stem[:2]) if stem[:2].isdigit() else 0
    number = tables = 0
    figures = []
    for cell in nb.cells:
        labelled = iter(numbering.entries(cell, "figure"))
        labelled_tables = iter(numbering.entries(cell, "table"))
        for output in cell.get("outputs", []):
            if is_chart(output):
                number += 1
                figure = figure_of(output, chapter, number, stem, out)
                entry = next(labelled, None)
                if entry is not None:
                    # the alt text says what is drawn (the chart's title, its series) and what to see
                    meta = chartmeta.read(output.get("data", {}))
                    title = meta.title
                    panels = [t for t, _ in meta.panels if t]
                    if title:
                        alt = f"Chart: {title}. {entry['caption']}" + figure["alt"][len(f"Chart: {title}."):]
                    elif panels:
                        alt = f"Charts: {'; '.join(panels)}. {entry['caption']}"
                    else:
                        alt = entry["caption"]
                    figure.update(id=entry["label"], caption=entry["caption"], alt=alt)
                output.setdefault("metadata", {})["dltheory_figure"] = figure
                figures.append(figure)
            elif numbering.is_table(output):
                tables += 1
                entry = next(labelled_tables, None)
                if entry is not None:
                    numbering.number_table(output, entry, f"{chapter}.{tables}")
    return figures
