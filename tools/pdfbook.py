"""The PDF's book parts that Chromium cannot write: the page of each heading, the outline, the
page labels. tools/site/print.js prints the chapters and the front matter (title page, contents)
as two PDFs and asks this tool, over stdin/stdout, one JSON object a line:

    {"step": "pages", "pdf": MAIN}            -> {"pages": {id: page number, 1 = first page},
                                                  "ends": {"<chapter>--end": [page, top in pt]},
                                                  "count": number of pages}
    {"step": "book", "front": F, "main": [M1, M2, …], "out": O, "outline": [{title, dest, children}]}
                                              -> {"pages": n, "bookmarks": k}

`pages` reads the named destinations that Chromium writes for every link target (the contents
list links to every chapter and section, so each has one). `book` writes O: the front matter's
pages, then the chapters' (print.js prints them in parts, M1, M2, …, at the same time), with the
outline (chapters, each with its sections, as bookmarks that open at the heading), page labels
(i, ii, … for the front matter, then 1, 2, … as printed at the foot of each page) and the outline
shown when the file opens. A link to a part printed apart is written by Chromium as a link to
LINK_BASE + "#" + id (print.js points it there): it becomes a link to that destination in O. The
first part's file is extended in place (an incremental update), so its megabytes are not parsed
or written again.

    pdfbook.py serve                 answer requests from stdin (print.js starts it early, so that
                                     Python's start and pypdf's import overlap the typesetting)
    pdfbook.py outline PDF           print a PDF's outline: one line per bookmark, with its page label
"""

import json
import sys
from urllib.parse import unquote

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, Fit, NameObject

# Where print.js points a link to a chapter printed in another part (never fetched).
LINK_BASE = "https://dltheory.invalid/"


def dest_pages(reader):
    """{destination name: (0-based page index, top)} of the named destinations in `reader`, the
    names percent-decoded (as print.js decodes the links' targets)."""
    found = {}
    for name, dest in reader.named_destinations.items():
        page = reader.get_destination_page_number(dest)
        if page is not None and page >= 0:
            found[unquote(name.removeprefix("/"))] = (page, dest.get("/Top"))
    return found


def pages(pdf):
    """({id: page number counted from 1} of every link target in the PDF `pdf`, {id: [page number,
    top in points]} of the chapters' ends, the targets named `<chapter>--end`, its number of pages)."""
    reader = PdfReader(pdf)
    found = dest_pages(reader)
    return ({name: index + 1 for name, (index, _) in found.items()},
            {name: [index + 1, float(top)] for name, (index, top) in found.items()
             if name.endswith("--end") and top is not None},
            len(reader.pages))


def append_part(writer, part):
    """Appends the pages of the PDF `part` to `writer`, with its named destinations (Chromium's:
    the catalog's /Dests, which its links name) pointing at the pages appended."""
    reader = PdfReader(part)
    first = len(writer.pages)
    index = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    for page in reader.pages:
        writer.add_page(page)
    dests = writer.root_object["/Dests"].get_object()
    for name, dest in reader.root_object.get("/Dests", DictionaryObject()).get_object().items():
        dest = dest.get_object()
        page = dest[0]
        if getattr(page, "idnum", None) not in index:
            continue
        dests[NameObject(name)] = ArrayObject([writer.pages[first + index[page.idnum]].indirect_reference, *dest[1:]])


def link_parts(writer):
    """Every link to LINK_BASE#id becomes a link to the named destination id. Returns the ids
    that have no destination."""
    dests = writer.root_object["/Dests"].get_object()
    by_id = {unquote(name.removeprefix("/")): name for name in dests}
    missing = []
    for page in writer.pages:
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            action = annot.get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if not isinstance(uri, str) or not uri.startswith(LINK_BASE + "#"):
                continue
            target = unquote(uri[len(LINK_BASE) + 1:])
            if target not in by_id:
                missing.append(target)
                continue
            del annot["/A"]
            annot[NameObject("/Dest")] = NameObject(by_id[target])
    return missing


def book(front, main, out, outline):
    """Writes `out`: the pages of `front`, then those of the PDFs `main` (the chapters, printed in
    parts), with `outline` as bookmarks ([{title, dest, children}], dest a named destination of a
    part) and page labels. Returns (pages, bookmarks). Raises ValueError naming an entry whose
    destination is in no part, or a link to a part whose destination is in none."""
    parts = list(main)
    writer = PdfWriter(parts[0], incremental=True)
    for part in parts[1:]:
        append_part(writer, part)
    front_pages = PdfReader(front).pages
    for i, page in enumerate(front_pages):
        writer.insert_page(page, i)
    shift = len(front_pages)
    dangling = link_parts(writer)
    if dangling:
        raise ValueError(f"links to destinations in no part of {', '.join(parts)}: {', '.join(sorted(set(dangling)))}")
    targets = dest_pages(writer)
    missing = []
    count = 0

    def add(items, parent):
        nonlocal count
        for item in items:
            if item["dest"] not in targets:
                missing.append(item["dest"])
                continue
            index, top = targets[item["dest"]]
            ref = writer.add_outline_item(item["title"], index, parent=parent, is_open=False,
                                          fit=Fit.xyz(left=0, top=top))
            count += 1
            add(item.get("children", []), ref)

    if shift > 1:  # the title page, then the contents
        writer.add_outline_item("Contents", 1, fit=Fit.fit())
        count += 1
    add(outline, None)
    if missing:
        raise ValueError(f"outline entries without a destination in {', '.join(parts)}: {', '.join(missing)}")
    total = len(writer.pages)
    if shift:
        writer.set_page_label(0, shift - 1, style="/r")
    writer.set_page_label(shift, total - 1, style="/D", start=1)
    writer.page_mode = "/UseOutlines"
    writer.write(out)
    return total, count


def outline(pdf):
    """[(depth, title, page label)] of the bookmarks of `pdf`, depth 0 for the top level."""
    reader = PdfReader(pdf)
    labels = reader.page_labels
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, labels[reader.get_destination_page_number(item)]))

    walk(reader.outline, 0)
    return found


def serve(stdin=sys.stdin, stdout=sys.stdout):
    for line in stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if request["step"] == "pages":
                numbers, ends, count = pages(request["pdf"])
                answer = {"pages": numbers, "ends": ends, "count": count}
            elif request["step"] == "book":
                total, count = book(request["front"], request["main"], request["out"], request["outline"])
                answer = {"pages": total, "bookmarks": count}
            else:
                answer = {"error": f"unknown step {request['step']!r}"}
        except Exception as e:  # answered, so that print.js fails the build with the reason
            answer = {"error": f"{type(e).__name__}: {e}"}
        stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        stdout.flush()


def main(argv):
    if argv == ["serve"]:
        serve()
        return 0
    if len(argv) == 2 and argv[0] == "outline":
        for depth, title, label in outline(argv[1]):
            print(f"{'  ' * depth}{title} … {label}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
