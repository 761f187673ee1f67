"""An executed notebook's outputs as nbformat holds them: the text fields, the first error, the
printed streams joined, the charts' images and the widget views the static site drops.
tools/execution.py, tools/figures.py, tools/gallery.py, tools/numbering.py and tools/claims.py
read outputs through these.
"""

import base64

SVG = "image/svg+xml"
PNG = "image/png"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def joined(text):
    """A notebook's text field as one string (nbformat allows a list of lines; None gives "")."""
    return "".join(text) if isinstance(text, list) else (text or "")


def first_error(nb):
    """(cell number counted from 1, error output) of the first error output, or None."""
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return number, out
    return None


def merge_streams(nb):
    """Joins consecutive stream outputs of the same name (stdout, stderr) in each code cell, as
    JupyterLab shows and saves them. The kernel sends a cell's printing in chunks as it comes, so
    where one chunk ends depends on timing; joined, a notebook executed twice gives the same
    outputs, and so the same pages and PDF."""
    for cell in nb.cells:
        merged = []
        for out in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (out.get("output_type") == "stream" and previous is not None
                    and previous.get("output_type") == "stream" and previous.get("name") == out.get("name")):
                previous["text"] = joined(previous["text"]) + joined(out["text"])
            else:
                merged.append(out)
        if "outputs" in cell:
            cell["outputs"] = merged
    return nb


def is_chart(output):
    """Whether the output shows a chart (an SVG or a PNG image)."""
    data = output.get("data", {})
    return SVG in data or PNG in data


def svg_of(data):
    """The SVG text in an output's display data, or None."""
    return joined(data[SVG]) if SVG in data else None


def png_of(data):
    """The PNG bytes in an output's display data, or None."""
    return base64.b64decode(data[PNG]) if PNG in data else None


def chart_image(data):
    """(file suffix, bytes) of a chart's own image: its SVG, or its PNG when it has no SVG; None
    for an output without a chart."""
    if SVG in data:
        return "svg", svg_of(data).encode("utf-8")
    if PNG in data:
        return "png", png_of(data)
    return None


def drop_widget_views(nb):
    """The static site has no kernel behind its widgets: an Explore cell's output shows what it
    carries beside its view (the figure of its last run, dltheory.widgets), and the saved widget
    state, which would make nbconvert load a widget manager from the web, is dropped."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and len(data) > 1:
                del data[WIDGET_VIEW]
