"""The list of figures of the site, and a QA report of every chart for reviewing them side by side.

    gallery.py [--executed DIR] [--out DIR]     write the QA report (default: target/qa/)

`write_gallery` writes the site's gallery.html, the list of figures a student reads: every figure
by chapter, numbered and captioned, each linked to where it appears (tools/notebooks.py calls it
with the figures it numbered).

`write_qa_report` reads target/executed/*.ipynb (written by `notebooks.py execute` or `site`) and
writes <out>/gallery.html with each chart at the size the site shows it, under its notebook and
cell number, next to the code of the cell that made it and the layout check the display
extension ran on it (read from the chart's metadata by chartmeta.py). The images go to
<out>/gallery/<notebook>-cell<N>-<k>.svg (the SVG the notebook holds; a chart stored only as PNG
gives a .png). It is a report for authors, not part of the published site: notebooks.py writes it
to target/qa/.
"""

import argparse
import html
import sys
from pathlib import Path

import nbformat

import chartmeta
import places
from outputs import chart_image


def charts(executed):
    """(notebook name, cell number from 1, index in the cell, file suffix, image bytes, metadata, source)
    of each chart: its SVG, or its PNG when the notebook holds no SVG."""
    for path in sorted(Path(executed).glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for number, cell in enumerate(nb.cells, start=1):
            k = 0
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                image = chart_image(data)
                if image is None:
                    continue
                k += 1
                yield path.stem, number, k, *image, chartmeta.read(data), cell.source


def write_gallery(site, entries, page_template, common):
    """Writes `site`/gallery.html, the list of figures: `entries` are the site's notebooks, each
    with its "figures" (number, id, caption, alt, svg/png under figures/) as
    tools/notebooks.py numbered them; the page has the site's layout (`page_template`,
    `common`). Returns the number of figures."""
    from markupsafe import Markup
    chapters = [{"name": e["name"], "title": e["title"], "href": e["href"], "anchor": f"figures-of-{e['name']}",
                 "figures": e.get("figures", [])} for e in entries if e.get("figures")]
    article = page_template.environment.get_template("figures-article.html.j2").render(chapters=chapters, **common)
    page = {"name": "gallery", "title": "List of figures", "is_index": False, "body_class": "gallery-page",
            "sections": [{"id": ch["anchor"], "title": ch["title"]} for ch in chapters], "prev": None, "next": None}
    Path(site, "gallery.html").write_text(page_template.render(page=page, article=Markup(article), **common),
                                          encoding="utf-8")
    return sum(len(ch["figures"]) for ch in chapters)


def write_qa_report(site, executed=places.EXECUTED):
    """Writes `site`/gallery.html and `site`/gallery/*.svg, the QA report; returns the number of
    charts."""
    site = Path(site)
    images = site / "gallery"
    images.mkdir(parents=True, exist_ok=True)
    for old in [*images.glob("*.png"), *images.glob("*.svg")]:
        old.unlink()
    sections = []
    count = 0
    flagged = 0
    for name, cell, k, suffix, image, meta, source in charts(executed):
        count += 1
        file = f"{name}-cell{cell}-{k}.{suffix}"
        (images / file).write_bytes(image)
        verdict = meta.verdict
        bad = meta.ok is not True
        flagged += bad
        sections.append(
            f'<section class="chart{" flagged" if bad else ""}" id="{html.escape(file[:-4])}">\n'
            f'  <h2><a href="../../site/{html.escape(name)}.html">{html.escape(name)}</a>, cell {cell}'
            f'{f" (chart {k})" if k > 1 else ""}</h2>\n'
            f'  <img src="gallery/{html.escape(file)}" alt="{html.escape(meta.description or file)}">\n'
            f'  <p class="verdict">{html.escape(verdict)}</p>\n'
            f'  <details><summary>cell source</summary><pre>{html.escape(source)}</pre></details>\n'
            f'</section>')
    page = PAGE.format(count=count, flagged=flagged, sections="\n".join(sections))
    (site / "gallery.html").write_text(page, encoding="utf-8")
    return count


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Every chart of the notebooks</title>
<style>
  body {{ font-family: "DejaVu Sans", sans-serif; margin: 2em auto; max-width: 45em; padding: 0 1em; }}
  section {{ border-top: 1px solid #ddd; padding: 1em 0; }}
  section.flagged {{ background: #fff4e5; }}
  h2 {{ font-size: 1.05em; margin: 0 0 .5em; }}
  img {{ width: 100%; max-width: 720px; height: auto; display: block; }}
  .verdict {{ font-size: .9em; color: #444; }}
  pre {{ font-size: .85em; overflow-x: auto; background: #f6f6f6; padding: .5em; }}
</style>
</head>
<body>
<h1>Every chart of the notebooks</h1>
<p>{count} charts, shown at the width of the site's column; {flagged} flagged by the layout check.
This is a report for authors (in target/qa/), not part of the site.</p>
{sections}
</body>
</html>
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--executed", type=Path, default=places.EXECUTED)
    parser.add_argument("--out", type=Path, default=places.QA)
    args = parser.parse_args(argv)
    n = write_qa_report(args.out, args.executed)
    print(f"{n} charts → {args.out / 'gallery.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
