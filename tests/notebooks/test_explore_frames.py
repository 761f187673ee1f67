"""Issue 35, the build side of the Explore cells without a kernel (tools/explore_frames.py):

- the kernels that execute notebooks for the site (DLTHEORY_EXPLORE_FRAMES=on) add the frames of an
  `interact` to its display data, one per value of the slider's grid, each with its own image, title
  and alt text; a kernel started without that variable (a reader's) adds none;
- the executed copy keeps them aside (target/executed/NN-x.explore.json), not in the notebook;
- the page gets one <input type=range> per slider, labelled, with its value and the frames' data,
  and the frames as files in figures/; the print page (the PDF) shows small multiples instead, the
  frames the kernel drew smaller for it, each captioned with its values and its chart's title.

The page tests render small notebooks with hand-made outputs (no kernel); the kernel test runs a
two-cell notebook with the project kernel (JUPYTER_PATH=target/jupyter/share/jupyter).
"""

import json
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import explore_frames  # noqa: E402
import notebooks as runner  # noqa: E402
from temporary_places import temporary_places  # noqa: E402
from test_numbering import book_notebook  # noqa: E402

JAR = ROOT / "lib" / "target" / "dltheory-lib.jar"


def frame_svg(title):
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 440" width="720" height="440">'
            f'<text x="10" y="20">{title}</text></svg>')


def bundle(labels, initial, name="p", printed=(0, 1, 2, 4)):
    """The frames of one slider as the kernel sends them (dltheory.display.ExploreBundle), with the
    PDF's small multiples at the frames `printed` (ExploreFrames.multiples chooses them)."""
    titles = [f"{name} = {label}: the loss ✓" for label in labels]
    return {"version": 2, "mime": "image/svg+xml",
            "sliders": [{"name": name, "values": [float(x) for x in labels], "labels": labels, "initial": initial}],
            "initial": initial,
            "frames": [{"index": [k], "title": t, "alt": f"Chart: {t}. It plots loss.", "image": frame_svg(t)}
                       for k, t in enumerate(titles)],
            "print": [{"frame": k, "label": f"{name} = {labels[k]}", "width": 400, "height": 340,
                       "image": frame_svg(f"printed {k}"), "layout": {"ok": True, "problems": []}}
                      for k in printed if k < len(labels)]}


@pytest.fixture
def folders(tmp_path, monkeypatch):
    return temporary_places(tmp_path, monkeypatch)


def render_explore(folders, capsys, frames):
    """Notebook 03 of test_numbering with `frames` on its figure's output, set aside as
    tools/notebooks.py execute() leaves them; renders the site. Returns the page and print page."""
    nb = book_notebook()
    chart = next(c for c in nb.cells if c.cell_type == "code" and c.outputs)
    chart.outputs[0]["data"][explore_frames.EXPLORE_MIME] = frames
    aside = folders["executed"] / f"03-momentum{explore_frames.ASIDE}"
    assert explore_frames.set_aside(nb, aside) == 1
    assert explore_frames.EXPLORE_MIME not in chart.outputs[0]["data"], "the frames stayed in the executed copy"
    nbformat.write(nb, folders["executed"] / "03-momentum.ipynb")
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    nbformat.write(nb, folders["notebooks"] / "03-momentum.ipynb")
    status = runner.main(["render", "--no-pdf"])
    assert status == 0, capsys.readouterr().err
    site = folders["site"]
    return (site / "03-momentum.html").read_text(encoding="utf-8"), (site / "print.html").read_text(encoding="utf-8")


def test_the_page_shows_a_slider_over_the_frames_and_the_print_page_small_multiples(folders, capsys):
    labels = ["0.00", "0.25", "0.50", "0.75", "1.00"]
    page, printed = render_explore(folders, capsys, bundle(labels, 2))
    site = folders["site"]
    # the frames are files of their own, each its chart
    for k, label in enumerate(labels):
        svg = (site / "figures" / f"03-momentum-explore-{k}.svg").read_text(encoding="utf-8")
        assert f"p = {label}: the loss" in svg
    figure = re.search(r'<figure class="chart explore" id="fig-loss">.*?</figure>', page, re.S)
    assert figure, "the Explore figure has no slider (class explore)"
    figure = figure.group(0)
    assert '<img alt="Chart: p = 0.50: the loss ✓. The loss falls ten times faster with momentum. It plots loss."' \
           in figure and 'src="figures/03-momentum-explore-2.svg"' in figure, "the page does not open on the initial frame"
    slider = re.search(r'<input [^>]*type="range"[^>]*>', figure).group(0)
    for attribute in ('id="fig-loss-slider-0"', 'min="0"', 'max="4"', 'step="1"', 'value="2"', 'aria-valuetext="p = 0.50"'):
        assert attribute in slider, f"{attribute} missing in {slider}"
    assert '<label for="fig-loss-slider-0">p</label>' in figure
    assert '<output class="explore-value" for="fig-loss-slider-0">0.50</output>' in figure
    assert 'Shown: p = 0.50: the loss ✓' in figure
    data = json.loads(re.search(r'<script class="explore-data" type="application/json">(.*?)</script>', figure, re.S)
                      .group(1).replace("<\\/", "</"))
    assert [f["src"] for f in data["frames"]] == [f"figures/03-momentum-explore-{k}.svg" for k in range(5)]
    assert data["sliders"] == [{"name": "p", "labels": labels, "size": 5}]
    assert all("The loss falls ten times faster" in f["alt"] for f in data["frames"]), "an alt text lacks the caption"
    assert explore_frames.EXPLORE_MIME not in page and "<svg" not in figure, "the frames' data is on the page"
    # the print page: the small multiples the kernel drew for it, no slider
    chapter = re.search(r'<figure class="chart explore" id="03-momentum--fig-loss">.*?class="explore-note">[^<]*</span>', printed, re.S)
    assert chapter, "the print page lost the Explore figure"
    chapter = chapter.group(0)
    assert 'type="range"' not in chapter and "explore-data" not in chapter
    # each panel is its printed frame's SVG put in the page (tools/inline_svg.py), named by the file
    # it came from; the frame's title, which the printed frame leaves out, is its caption
    panels = re.findall(r'<figure class="explore-panel"><svg [^>]*data-src="([^"]+)"[^>]*>(.*?)</svg><figcaption>([^<]+)</figcaption>',
                        chapter, re.S)
    assert [(src, caption) for src, _, caption in panels] == [
        ("figures/03-momentum-explore-print-0.svg", "(a) p = 0.00: the loss ✓"),
        ("figures/03-momentum-explore-print-1.svg", "(b) p = 0.25: the loss ✓"),
        ("figures/03-momentum-explore-print-2.svg", "(c) p = 0.50: the loss ✓"),
        ("figures/03-momentum-explore-print-4.svg", "(d) p = 1.00: the loss ✓")], panels
    assert [f"printed {k}" in svg for k, (_, svg, _) in zip((0, 1, 2, 4), panels)] == [True] * 4
    assert "at 4 of its values; on the site, a slider shows 5" in chapter


def test_a_printed_frame_whose_title_does_not_start_with_its_values_has_both_in_its_caption(folders, capsys):
    frames = bundle(["0.00", "0.50", "1.00"], 1, printed=(0, 1, 2))
    for f in frames["frames"]:
        f["title"] = "γ = 0.18: under the bound ✓"
    _, printed = render_explore(folders, capsys, frames)
    captions = re.findall(r'<figure class="explore-panel">.*?<figcaption>(.*?)</figcaption>', printed, re.S)
    assert captions[0] == '(a) p = 0.00<br/><span class="explore-panel-title">γ = 0.18: under the bound ✓</span>', captions


def test_frames_of_another_version_of_the_library_are_named_not_used(folders, capsys):
    old = bundle(["0.00", "1.00"], 0)
    old["version"] = 1
    del old["print"]
    with pytest.raises(SystemExit, match="drawn by another version of the library .1, not 2.: execute it again"):
        render_explore(folders, capsys, old)


def test_a_page_without_frames_keeps_its_plain_figure(folders, capsys):
    nb = book_notebook()
    nbformat.write(nb, folders["executed"] / "03-momentum.ipynb")
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    nbformat.write(nb, folders["notebooks"] / "03-momentum.ipynb")
    assert runner.main(["render", "--no-pdf"]) == 0, capsys.readouterr().err
    page = (folders["site"] / "03-momentum.html").read_text(encoding="utf-8")
    assert '<figure class="chart" id="fig-loss">' in page and 'type="range"' not in page


EXPLORE_CELL = """
var p = slider("p", 0.0, 1.0, 0.25, 0.5);
interact(p, x -> {
    var chart = Plots.xy(String.format("p = %.2f", x), "t", "y");
    Plots.line(chart, "p·t", new double[] {0, 1}, new double[] {0, x});
    return chart;
})
"""


def explore_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(f"%jars {JAR}\nimport static dltheory.widgets.Widgets.*;\n"
                                          "import dltheory.plot.Plots;"),
                nbformat.v4.new_code_cell(EXPLORE_CELL.strip())]
    return nb


@pytest.mark.skipif(not JAR.is_file(), reason="lib/target/dltheory-lib.jar is not built (mvn -B -q package -DskipTests)")
def test_the_site_kernel_draws_the_frames_and_a_readers_kernel_does_not(tmp_path):
    site = explore_notebook()
    runner.run(site, tmp_path, "explore", extra_env=explore_frames.ENV)
    data = site.cells[1].outputs[-1]["data"]
    frames = data.get(explore_frames.EXPLORE_MIME)
    assert frames is not None, f"no frames in the site kernel's output: {sorted(data)}"
    frames = json.loads(frames) if isinstance(frames, str) else frames
    assert frames["sliders"] == [{"name": "p", "values": [0.0, 0.25, 0.5, 0.75, 1.0],
                                  "labels": ["0.00", "0.25", "0.50", "0.75", "1.00"], "initial": 2}]
    assert frames["initial"] == 2
    assert [f["title"] for f in frames["frames"]] == [f"p = {x:.2f}" for x in (0, 0.25, 0.5, 0.75, 1)]
    assert [f["index"] for f in frames["frames"]] == [[k] for k in range(5)]
    assert len({f["image"] for f in frames["frames"]}) == 5, "two frames have the same image"
    assert frames["mime"] in ("image/svg+xml", "image/png")
    # the PDF's small multiples: the ends, the initial value, the middle of the first widest gap
    assert [(m["frame"], m["label"], m["width"]) for m in frames["print"]] == \
        [(0, "p = 0.00", 400), (1, "p = 0.25", 400), (2, "p = 0.50", 400), (4, "p = 1.00", 400)]
    assert all(m["layout"]["ok"] for m in frames["print"]), [m["layout"] for m in frames["print"]]
    assert all(f["alt"].startswith(f"Chart: {f['title']}. It plots p·t") for f in frames["frames"])
    # the figure the cell shows is the initial frame's
    assert "p = 0.50" in "".join(data["text/plain"])
    reader = explore_notebook()
    runner.run(reader, tmp_path, "explore")
    assert explore_frames.EXPLORE_MIME not in reader.cells[1].outputs[-1]["data"], \
        "a kernel without DLTHEORY_EXPLORE_FRAMES drew the frames"


def test_frames_are_kept_only_while_the_notebook_and_the_jars_are_unchanged(folders, monkeypatch):
    """bin/site draws the frames again only when their inputs changed (tools/execution.py execute):
    the key is a digest of the notebook and the jars, and one byte of any of them changes it."""
    notebook, lib, kernel = (folders["executed"].parent / n for n in ("n.ipynb", "lib.jar", "kernel.jar"))
    notebook.parent.mkdir(parents=True, exist_ok=True)
    for path, text in ((notebook, "{}"), (lib, "lib"), (kernel, "kernel")):
        path.write_text(text)
    folders["executed"].mkdir(parents=True, exist_ok=True)
    aside = folders["executed"] / f"n{explore_frames.ASIDE}"
    key = explore_frames.inputs_key(notebook, [lib, kernel])
    assert not explore_frames.kept(aside, key), "no frames set aside yet"
    aside.write_text("[]")
    explore_frames.remember(aside, key)
    assert explore_frames.kept(aside, key)
    for path in (notebook, lib, kernel):
        before = path.read_text()
        path.write_text(before + " ")
        assert not explore_frames.kept(aside, explore_frames.inputs_key(notebook, [lib, kernel])), path.name
        path.write_text(before)
    assert explore_frames.kept(aside, explore_frames.inputs_key(notebook, [lib, kernel]))
    aside.unlink()
    assert not explore_frames.kept(aside, key), "a key without its frames keeps nothing"
    explore_frames.remember(aside, key)
    assert not aside.with_name(f"n{explore_frames.KEY}").exists(), "the key of absent frames is removed"


def test_execute_asks_the_kernel_for_frames_only_when_they_are_not_kept(folders, monkeypatch):
    """execution.execute: the first run draws the frames (DLTHEORY_EXPLORE_FRAMES=on) and sets them
    aside with their key; a second run of the same notebook does not ask for them and keeps them."""
    import execution
    source = folders["executed"].parent / "nb" / "03-x.ipynb"
    source.parent.mkdir(parents=True)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("interact(...)", id="c1")]
    nbformat.write(nb, source)
    asked = []

    def fake_run(nb, folder, name, extra_env, kept=None):
        asked.append(extra_env["DLTHEORY_EXPLORE_FRAMES"])
        data = {"text/plain": "chart"}
        if extra_env["DLTHEORY_EXPLORE_FRAMES"] == "on":
            data[explore_frames.EXPLORE_MIME] = bundle(["0.5", "1"], 0)
        nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data=data)]
        return 0.1
    monkeypatch.setattr(execution, "run", fake_run)
    execution.execute(source)
    aside = folders["executed"] / f"03-x{explore_frames.ASIDE}"
    first = aside.read_text()
    execution.execute(source)
    assert asked == ["on", "off"]
    assert aside.read_text() == first, "the frames set aside by the first run were kept"
    nb.cells[0].source = "interact(...) // changed"
    nbformat.write(nb, source)
    execution.execute(source)
    assert asked == ["on", "off", "on"], "a changed notebook draws its frames again"
