"""A chart's metadata in an executed notebook, read in one place.

The library's display extension (dltheory.display.NotebookDisplay) sends beside each chart's SVG a
JSON part, application/vnd.dltheory.chart+json: the chart's title (none for small multiples), its
series, the layout check's verdict and the colour of each series in the legend. `read` turns an
output's display data into a `ChartMeta`; notebooks.py (figure captions and alt text), gallery.py
(the layout verdict) and the readable-output test use it instead of parsing the text/plain form.
"""

import json
from dataclasses import dataclass

MIME = "application/vnd.dltheory.chart+json"


@dataclass(frozen=True)
class ChartMeta:
    """`title` is "" for small multiples (their panels have titles of their own) and for an output
    without metadata; `ok` is None when no layout check ran; `colours` holds (series, "#rrggbb" or
    None) for each series in the legend, of every panel."""
    title: str = ""
    series: tuple = ()
    panels: tuple = ()
    ok: bool | None = None
    problems: tuple = ()
    colours: tuple = ()

    @property
    def verdict(self):
        """The layout check as one line, as the text form writes it."""
        if self.ok is None:
            return "layout: not checked"
        if self.ok:
            return "layout: ok"
        return f"layout: {len(self.problems)} problem(s): " + "; ".join(self.problems)

    @property
    def description(self):
        """One line naming the chart (or each panel) and its series; "" without metadata."""
        if self.panels:
            return "".join(_line(title, series) + "; " for title, series in self.panels)
        return _line(self.title, self.series) if self.title else ""


def _line(title, series):
    return f'Chart "{title}" ({len(series)} series: {", ".join(series)})'


def read(data):
    """The metadata in an output's display data (a dict of MIME type to value); empty without it."""
    meta = data.get(MIME)
    if meta is None:
        return ChartMeta()
    if isinstance(meta, (str, list)):
        meta = json.loads("".join(meta))
    layout = meta.get("layout") or {}
    return ChartMeta(
        title=meta.get("title") or "",
        series=tuple(meta.get("series") or ()),
        panels=tuple((p.get("title") or "", tuple(p.get("series") or ())) for p in meta.get("panels") or ()),
        ok=layout.get("ok"),
        problems=tuple(layout.get("problems") or ()),
        colours=tuple((c.get("series"), c.get("colour")) for c in meta.get("colours") or ()))
