"""A chart's SVG file as markup to put inside the print page, in place of the <img> that shows it.

Chromium prints an inline <svg> in about 60 % of the time it takes to print the same chart as an
<img> (an image is a document of its own, with its own fonts: measured on the 63 charts of the
PDF, 6.0 → 3.8 s of the renderer's time). Inline markup is part of the page, so it is made safe
and independent of the other charts first:

- only the elements and attributes a chart uses are kept (an allow-list: no <script>, no
  <foreignObject>, no event handler, no link to anything but this chart's own parts), as the
  pages' HTML is sanitized (tools/sanitize.py): the print page runs scripts (MathJax);
- every id gets the chart's prefix (XChart names its clip paths `clip` + a hash code, and two
  charts may share one: the second would be clipped by the first's rectangle);
- the root keeps the <img>'s size, alt text (as an ARIA label) and classes.

A file that is not well-formed SVG is not inlined: the caller keeps its <img>.
"""

import re
import xml.etree.ElementTree as ET
from html import escape

SVG_NS = "http://www.w3.org/2000/svg"

ELEMENTS = frozenset({
    "svg", "g", "defs", "clipPath", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "title", "desc", "linearGradient", "radialGradient", "stop",
})
ATTRIBUTES = frozenset({
    "id", "class", "style", "transform", "viewBox", "preserveAspectRatio", "version", "width", "height",
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "dx", "dy",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray",
    "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "opacity",
    "clip-path", "clip-rule", "clipPathUnits", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "baseline-shift", "letter-spacing", "offset", "stop-color",
    "stop-opacity", "gradientUnits", "gradientTransform",
})
LOCAL_URL = re.compile(r"url\(\s*#([^)\s]+)\s*\)")
ANY_URL = re.compile(r"url\s*\(", re.I)


def inline_svg(text, prefix, alt="", classes=(), width=None, height=None, src=None):
    """The SVG document `text` as inline markup (see the module's doc), its ids prefixed with
    `prefix`; None when `text` is not well-formed SVG."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return None
    if root.tag != f"{{{SVG_NS}}}svg":
        return None
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    _clean(root, ids, prefix)
    for name in ("x", "y"):
        root.attrib.pop(name, None)
    own = root.attrib.pop("class", "").split()
    if width and height:
        root.set("width", str(width))
        root.set("height", str(height))
    attributes = {"role": "img", "aria-label": alt, "class": " ".join(["chart-svg", *classes, *own]),
                  "data-src": src}
    opening = "<svg" + "".join(f' {k}="{escape(v)}"' for k, v in attributes.items() if v)
    for el in root.iter():
        el.tag = el.tag.removeprefix(f"{{{SVG_NS}}}")  # every element kept is SVG's: written unprefixed
    root.set("xmlns", SVG_NS)
    body = ET.tostring(root, encoding="unicode")
    return opening + body.removeprefix("<svg")


def _clean(element, ids, prefix):
    for child in list(element):
        qualified = isinstance(child.tag, str) and child.tag.startswith(f"{{{SVG_NS}}}")
        if not qualified or child.tag.removeprefix(f"{{{SVG_NS}}}") not in ELEMENTS:
            element.remove(child)  # with what it holds: a <script>'s text is not a chart's
            continue
        _clean(child, ids, prefix)
    for name in list(element.attrib):
        value = element.attrib.pop(name)
        if name not in ATTRIBUTES:
            continue  # href and xlink:href too: no <use> or <a> is kept, so no reference is needed
        if name == "id":
            value = f"{prefix}-{value}"
        elif ANY_URL.search(value):
            if ANY_URL.search(LOCAL_URL.sub("", value)):
                continue  # a url() to anything but this chart's own parts
            value = LOCAL_URL.sub(lambda m: f"url(#{prefix}-{m.group(1)})" if m.group(1) in ids else "none", value)
        element.set(name, value)
