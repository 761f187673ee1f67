"""A chart's SVG put in the print page (tools/inline_svg.py, tools/page_html.py): safe, with ids of
its own, the <img>'s size and alt text; a file that is not SVG keeps its <img>."""

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from inline_svg import inline_svg  # noqa: E402
from page_html import for_print  # noqa: E402

CHART = ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
         'viewBox="0 0 720 440" width="720px" height="440px" x="0px" y="0px">'
         '<defs><clipPath id="clip42"><rect width="10" height="10"/></clipPath></defs>'
         '<g clip-path="url(#clip42)"><path d="M0,0 L5,5" style="stroke:rgb(0,0,0)"/></g>'
         '<text style="font-family:&quot;DejaVu Sans&quot;" x="1" y="2">loss &lt; 1</text></svg>')


def test_a_chart_keeps_its_drawing_and_gets_the_images_size_label_and_prefixed_ids():
    svg = inline_svg(CHART, "fig-1", alt='Chart: "loss" & steps', classes=["wide"], width="720", height="440",
                     src="figures/fig-1.svg")
    opening = svg[:svg.index(">") + 1]
    assert opening.startswith('<svg role="img" aria-label="Chart: &quot;loss&quot; &amp; steps" class="chart-svg wide" '
                              'data-src="figures/fig-1.svg"'), opening
    assert 'width="720"' in opening and 'height="440"' in opening and 'viewBox="0 0 720 440"' in opening
    assert ' x="0px"' not in opening, "the root's position would move the chart in the page"
    assert '<clipPath id="fig-1-clip42">' in svg and 'clip-path="url(#fig-1-clip42)"' in svg
    assert 'id="clip42"' not in svg and "url(#clip42)" not in svg
    assert "loss &lt; 1" in svg and 'd="M0,0 L5,5"' in svg
    assert "<?xml" not in svg and "ns0:" not in svg


def test_two_charts_with_the_same_clip_id_get_different_ids():
    first, second = inline_svg(CHART, "a"), inline_svg(CHART, "b")
    ids = re.findall(r'id="([^"]+)"', first) + re.findall(r'id="([^"]+)"', second)
    assert ids == ["a-clip42", "b-clip42"]


def test_scripts_handlers_foreign_content_and_outside_urls_are_removed():
    evil = ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
            '<script>alert(2)</script><rect onclick="alert(3)" style="fill:url(http://example.org/x)" width="1"/>'
            '<a href="javascript:alert(4)"><text>link</text></a><foreignObject><p>html</p></foreignObject>'
            '<image href="http://example.org/x.png"/><rect fill="url(#nowhere)" height="2"/>'
            '<path xmlns="" d="M0"/></svg>')
    svg = inline_svg(evil, "p")
    for gone in ("alert", "script", "onload", "onclick", "javascript", "example.org", "foreignObject", "<p>",
                 "<image", "<a ", "link", 'd="M0"', "nowhere"):
        assert gone not in svg, (gone, svg)
    assert '<rect width="1"' in svg and 'fill="none"' in svg, svg  # the shape stays; a url to nothing is none


def test_a_file_that_is_not_svg_is_not_inlined():
    assert inline_svg("<svg", "p") is None
    assert inline_svg("<html><body/></html>", "p") is None


def test_the_print_article_has_the_charts_svg_in_place_of_its_img(tmp_path):
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "01-x-1.svg").write_text(CHART, encoding="utf-8")
    (tmp_path / "figures" / "01-x-2.svg").write_text("not svg", encoding="utf-8")
    soup = BeautifulSoup('<figure class="chart" id="fig-a"><img alt="Chart: A." height="440" src="figures/01-x-1.svg" '
                         'width="720"/></figure><figure class="chart" id="fig-b"><img alt="B" '
                         'src="figures/01-x-2.svg"/></figure><p><img alt="photo" src="figures/01-x-1.png"/></p>',
                         "html.parser")
    html = for_print(soup, "01-x", {}, tmp_path)
    assert re.search(r'<figure class="chart" id="01-x--fig-a"><svg role="img" aria-label="Chart: A\." '
                     r'class="chart-svg" data-src="figures/01-x-1.svg"[^>]*>.*</svg></figure>', html, re.S), html
    assert 'id="01-x-1-0-clip42"' in html
    assert '<img alt="B" src="figures/01-x-2.svg"/>' in html, "a file that is not SVG keeps its <img>"
    assert '<img alt="photo" src="figures/01-x-1.png"/>' in html
    assert "dltheory-chart" not in html
