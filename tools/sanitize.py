"""The HTML a notebook brings to the site, made safe to publish.

nbconvert can sanitize the HTML of Markdown cells and of HTML and Markdown outputs
(`HTMLExporter.sanitize_html`), with its filter `clean_html`. That filter's allow-list is bleach's
default, which drops headings, paragraphs, images and tables, so the site replaces the filter with
`clean_html` below: the same sanitizer (bleach) with the tags a notebook's prose and the library's
tables use. Scripts, event-handler attributes (`onerror=`), `style` elements, frames, forms and
links to `javascript:` or `data:` URLs are removed; formulas are text, so MathJax still finds them.
"""

import re

import bleach
from bleach.css_sanitizer import CSSSanitizer

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "samp", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
})
ATTRIBUTES = {
    "*": ["class", "id", "title", "lang", "dir"],
    "a": ["href", "name", "rel"],
    "img": ["src", "alt", "width", "height"],
    "td": ["style", "colspan", "rowspan", "align"],
    "th": ["style", "colspan", "rowspan", "align", "scope"],
    "table": ["style"],
    "col": ["span", "style"],
    "ol": ["start", "type"],
    "span": ["style"],
    "div": ["style"],
}
# Relative links (another page, a figure, an anchor) carry no protocol and are kept.
PROTOCOLS = frozenset({"http", "https", "mailto"})
CSS = CSSSanitizer(allowed_css_properties=[
    "text-align", "vertical-align", "white-space", "font-variant-numeric", "font-weight", "font-style", "color",
    "background-color", "border", "border-top", "border-bottom", "padding", "padding-left",
    "padding-right", "width", "min-width", "max-width",
])

_cleaner = bleach.Cleaner(tags=TAGS, attributes=ATTRIBUTES, protocols=PROTOCOLS, strip=True,
                          strip_comments=True, css_sanitizer=CSS)


def clean_html(element):
    """`element` (str or bytes) with everything but the allowed tags, attributes and URL protocols
    removed; the text of a removed element stays, except in <script> and <style>, which go whole."""
    text = element.decode() if isinstance(element, bytes) else str(element)
    return _cleaner.clean(_drop_script_bodies(text))


def _drop_script_bodies(text):
    """bleach with strip=True keeps the text inside a removed element; a script's or a style
    sheet's text is not prose, so those elements are removed with their content first (what this
    misses, bleach still escapes: safety does not rest on it)."""
    return re.sub(r"<(script|style)\b[^>]*>.*?</\1\s*>", "", text, flags=re.I | re.S)
