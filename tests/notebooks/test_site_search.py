"""tools/site_search.py (issue 34): the search documents of a page. Titles read as text (TeX as
Unicode), a document per h2 and h3, synonyms as keywords, prose and code in separate fields, and
the Setup / Summary / Exercises prose weighed as code."""

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import site_search  # noqa: E402


@pytest.mark.parametrize("tex, text", [
    (r"\sqrt\kappa", "√κ"),
    (r"1-\beta_1^t", "1-β₁ᵗ"),
    (r"\|u\|", "‖u‖"),
    (r"\lambda = (1-p)/p", "λ = (1-p)/p"),
    (r"L_2", "L₂"),
    (r"\frac{1}{\sqrt{d}}", "1/√d"),
    (r"\sqrt{1-\beta_2^t}", "√(1-β₂ᵗ)"),
    (r"W^{(l)}", "W⁽ˡ⁾"),
    (r"(R\odot X)^\top", "(R⊙ X)ᵀ"),
    (r"\mathbb{E}[x]", "𝔼[x]"),
    (r"\mathcal{N}(0, 1/d)", "𝒩(0, 1/d)"),
    (r"\operatorname{Var}[a]", "Var[a]"),
    (r"\left(\frac{1}{2}\right)^{50}", "(1/2)⁵⁰"),
    (r"x_{ab}^{q}", "x_(ab)^q"),
])
def test_tex_reads_as_text(tex, text):
    assert site_search.tex_to_text(tex) == text


def test_plain_tex_leaves_no_tex_in_headings():
    heading = r"6 · Why it matters: $\sqrt\kappa$ instead of $\kappa$; Adam divides by $1-\beta_1^t$"
    assert site_search.plain_tex(heading) == "6 · Why it matters: √κ instead of κ; Adam divides by 1-β₁ᵗ"


def page(*cells):
    html = "".join(
        f'<div class="jp-Cell jp-MarkdownCell"><div class="jp-RenderedHTMLCommon jp-MarkdownOutput">{c}</div></div>'
        if not c.startswith("CODE:") else f'<div class="jp-Cell jp-CodeCell"><pre>{c[5:]}</pre></div>'
        for c in cells)
    return BeautifulSoup(html, "html.parser")


def test_one_document_per_section_and_subsection():
    soup = page('<h1 id="T">1 · Initialization</h1><p>Intro about $\\sigma^2$.</p>',
                '<h2 id="Setup">Setup</h2><p>This notebook loads dltheory.init.</p>',
                "CODE:import dltheory.init.*;",
                '<h2 id="Glorot">Glorot, He</h2><p>Glorot and Bengio balance the passes.</p>',
                '<h3 id="Width">A layer that changes $d_{in}$</h3><p>The harmonic mean.</p>',
                "CODE:Init.glorot(3, 4)",
                '<h2 id="BPTT">Backpropagation through time</h2><p>The gradients vanish.</p>')
    docs = site_search.search_docs(soup, {"name": "01-x", "title": "1 · Initialization", "href": "01-x.html"})
    by = {d["section"]: d for d in docs}
    assert [d["section"] for d in docs] == ["1 · Initialization", "Setup", "Glorot, He", "A layer that changes dᵢₙ",
                                            "Backpropagation through time"]
    assert by["A layer that changes dᵢₙ"]["href"] == "01-x.html#Width"
    assert by["A layer that changes dᵢₙ"]["parent"] == "Glorot, He" and by["Glorot, He"]["parent"] == ""
    assert by["A layer that changes dᵢₙ"]["code"] == "Init.glorot(3, 4)"
    assert "σ²" in docs[0]["text"] and "$" not in docs[0]["text"]
    assert "Xavier" in by["Glorot, He"]["keywords"] and "Glorot" in by["Glorot, He"]["seen"]
    assert "BPTT" in by["Backpropagation through time"]["aliases"]
    assert "vanishing" in by["Backpropagation through time"]["keywords"]
    # Setup's prose is searched with the code's weight, but shown in the snippet
    assert by["Setup"]["text"] == "" and "dltheory.init" in by["Setup"]["code"]
    assert by["Setup"]["prose"] == "This notebook loads dltheory.init."
    for d in docs:
        assert not re.search(r"[\\^_{}$]", d["section"] + d["title"] + d["parent"]), d["section"]
