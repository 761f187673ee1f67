"""Issue 34: one number format per column in every table of the executed notebooks
(target/executed/*.ipynb), as dltheory.table.ColumnFormat promises: the numbers of a column share
one notation (fixed, or 1.234×10⁻⁷) and one count of decimals (at most five significant digits: not 0.192726 beside 0.008192), so that a reader compares them at a
glance. Scientific notation only where fixed decimals cannot show the column (more than two decades
apart): then every cell carries its power of ten, ×10⁰ included (pandas writes e+00 there), and a
column whose every cell would be ×10⁰ is written plainly. Two exceptions, both one format still: a zero in a scientific column is written 0, and a
column of exact short decimals (p = 0.000001 … 0.999, 1) shows each in its shortest form (no
trailing zero). Columns that Tables.alike groups (their headers carry data-format-group) are read as
one column, since their notation is chosen for the group's values together. Text cells carry no TeX scripts (m_t is typeset, not printed).

Run after `tools/notebooks.py execute` (or bin/site): `pytest tests/notebooks/test_table_formats.py`.
"""

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_notebooks import IDS, NOTEBOOKS, executed  # noqa: E402

SCIENTIFIC = re.compile(r"^[−-]?\d(?:\.(\d+))?×10[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$")
FIXED = re.compile(r"^[−-]?(?:\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?$")
TEX = re.compile(r"[_^][{\w]|\\[a-zA-Z]+")


def cell_format(text):
    """('sci', decimals), ('fixed', decimals), 'zero', None (no number: –, ∞, blank) or 'text'."""
    s = text.strip()
    if s in ("", "–", "∞", "−∞"):
        return None
    m = SCIENTIFIC.match(s)
    if m:
        return ("sci", len(m.group(1) or ""))
    m = FIXED.match(s)
    if m:
        if re.fullmatch(r"[−-]?[0,.]+", s):
            return "zero"
        return ("fixed", len(m.group(1) or ""))
    return "text"


SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")


def exponent(text):
    """The power of ten of a scientific cell: −7 for 1.234×10⁻⁷."""
    return int(text.strip().split("×10", 1)[1].translate(SUPERSCRIPTS))


def digits(text):
    """Significant digits of a fixed-notation cell: 0.008192 has 4, 1,234.500 has 7."""
    return len(re.sub(r"[^0-9]", "", text).lstrip("0")) or 1


def column_problems(header, cells):
    """What breaks 'one number format per column' in a column (header, cell texts): [] when none."""
    formats = [(c, cell_format(c)) for c in cells]
    numbers = [(c, f) for c, f in formats if isinstance(f, tuple)]
    if not numbers:
        return [f"{header!r}: TeX left in a cell: {c!r}" for c, f in formats if f == "text" and TEX.search(c)]
    problems = []
    texts = [c for c, f in formats if f == "text"]
    if texts:
        problems.append(f"{header!r}: numbers and text in one column ({numbers[0][0]!r}, {texts[0]!r})")
    kinds = {f[0] for _, f in numbers}
    if len(kinds) > 1:
        sci = next(c for c, f in numbers if f[0] == "sci")
        fixed = next(c for c, f in numbers if f[0] == "fixed")
        problems.append(f"{header!r}: fixed and scientific notation mixed ({fixed!r}, {sci!r})")
        return problems
    decimals = {f[1] for _, f in numbers}
    # exact short decimals in their shortest form: no trailing zero, at most 4 significant digits
    shortest = kinds == {"fixed"} and not any("." in c and c.rstrip().endswith("0") for c, _ in numbers) \
        and max(digits(c) for c, _ in numbers) <= 4
    if len(decimals) > 1 and not shortest:
        by = {}
        for c, f in numbers:
            by.setdefault(f[1], c)
        problems.append(f"{header!r}: {' and '.join(map(str, sorted(by)))} decimals mixed "
                        f"({', '.join(repr(by[d]) for d in sorted(by))})")
    elif kinds == {"fixed"} and decimals != {0}:
        # decimals chosen for the smallest value alone: 0.192726 beside 0.008192
        widest = max((c for c, _ in numbers), key=digits)
        if digits(widest) > 5:
            problems.append(f"{header!r}: {digits(widest)} significant digits in {widest!r} "
                            f"(at most 5: the decimals follow from the largest and smallest values)")
    if kinds == {"sci"}:
        # Scientific notation is for a column that fixed decimals cannot show (more than two
        # decades, or beyond [10⁻³, 10⁶)): then every cell carries its power of ten, ×10⁰ included,
        # as pandas writes e+00 in such a column; the mantissa alone only when the whole column is
        # at 10⁰, and then the column is fixed (ColumnFormat).
        exponents = sorted({exponent(c) for c, _ in numbers})
        if exponents == [0]:
            problems.append(f"{header!r}: every cell ×10⁰ ({numbers[0][0]!r}): write the plain numbers")
        elif exponents[0] >= -3 and exponents[-1] <= 5 and exponents[-1] - exponents[0] <= 2:
            problems.append(f"{header!r}: scientific notation for values within two decades "
                            f"({numbers[0][0]!r} … {numbers[-1][0]!r}): fixed decimals show them")
    zeros = [c for c, f in formats if f == "zero"]
    if kinds == {"sci"} and any(z.strip() not in ("0", "−0") for z in zeros):
        problems.append(f"{header!r}: a zero written {zeros[0]!r} in a scientific column (write 0)")
    return problems


def table_problems(html):
    """Problems of every <table> in an HTML output, each 'caption: column: problem'."""
    problems = []
    for table in BeautifulSoup(html, "html.parser").find_all("table"):
        caption = table.caption.get_text(" ", strip=True) if table.caption else "(no caption)"
        ths = table.find_all("th")
        rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.find_all("tr")]
        rows = [r for r in rows if r]
        # Columns that Tables.alike gave one format (a measured value beside its prediction) are
        # read as one column: the notation is chosen for the group's values together.
        columns = {}
        for j, th in enumerate(ths):
            key = th.get("data-format-group") or th.get_text(" ", strip=True)
            columns.setdefault(key, []).extend(r[j] for r in rows if j < len(r))
        for header, cells in columns.items():
            for p in column_problems(header, cells):
                problems.append(f"{caption[:70]}: {p}")
    return problems


def html_tables(nb):
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html")
            if html:
                html = "".join(html) if isinstance(html, list) else html
                if "<table" in html:
                    yield number, html


def test_the_check_rejects_mixed_columns_and_accepts_one_format():
    def table(*cols):
        head = "".join(f"<th>{h}</th>" for h, _ in cols)
        body = "".join("<tr>" + "".join(f"<td>{c[1][i]}</td>" for c in cols) + "</tr>"
                       for i in range(len(cols[0][1])))
        return f"<table><caption>t</caption><tr>{head}</tr>{body}</table>"
    bad = table(("p", ["1.000×10⁻⁶", "0.5"]), ("SE", ["0.192726", "0.0082"]),
                ("d", ["0.000", "1.110×10⁻¹⁶"]), ("q", ["m_t", "s_t"]), ("mix", ["1.5", "n/a"]),
                ("se", ["0.192726", "0.008192"]))
    problems = table_problems(bad)
    assert len(problems) == 7, problems  # q: one for each of its two cells
    assert any("6 significant digits in '0.192726'" in p for p in problems)
    assert any("fixed and scientific" in p for p in problems)
    assert any("6 and 4 decimals" in p for p in problems) or any("4 and 6 decimals" in p for p in problems)
    assert any("zero written '0.000'" in p for p in problems)
    assert any("TeX" in p for p in problems)
    assert any("numbers and text" in p for p in problems)
    # the old forms of a column of the power 10⁰: ×10⁰ written in every cell, or dropped in some
    assert any("every cell ×10⁰" in p for p in table_problems(table(("r", ["1.027×10⁰", "9.357×10⁰"]))))
    assert any("fixed and scientific" in p for p in table_problems(table(("r", ["1.024", "3.340×10⁻¹"]))))
    assert any("within two decades" in p for p in table_problems(table(("r", ["1.024×10⁰", "3.340×10⁻²"]))))
    # a group of alike columns (data-format-group) is one column: scientific for the group's span
    grouped = ('<table><caption>t</caption><tr><th data-format-group="a | b">a</th>'
               '<th data-format-group="a | b">b</th></tr><tr><td>−6.547×10⁻¹⁷</td><td>0</td></tr>'
               '<tr><td>−5.684×10⁻¹</td><td>−5.696×10⁻¹</td></tr>'
               '<tr><td>2.813×10⁰</td><td>2.828×10⁰</td></tr></table>')
    assert table_problems(grouped) == []
    assert any("within two decades" in p for p in table_problems(grouped.replace('data-format-group="a | b"', "")))
    good = table(("p", ["0.000001", "0.01", "0.999", "1"]), ("SE", ["0.1927", "0.0082", "0.0100", "0.0000"]),
                 ("d", ["0", "1.110×10⁻¹⁶", "−2.220×10⁻¹⁶", "–"]),
                 ("share", ["1.000×10⁰", "2.850×10⁻¹", "5.187×10⁻²", "3.169×10⁻⁴"]), ("n", ["1,000", "20", "3", "4"]),
                 ("law", ["N(0, 1)", "U(±√3)", "m<sub>t</sub>", "s"]))
    assert table_problems(good) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_table_has_one_number_format_per_column(path):
    bad = [f"cell {number}: {p}" for number, html in html_tables(executed(path)) for p in table_problems(html)]
    assert not bad, f"{path.stem}:\n" + "\n".join(bad)
