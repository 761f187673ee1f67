"""The Explore cells without a kernel: a slider on the site's page, small multiples in the PDF.

When bin/site executes the notebooks, its kernels run with DLTHEORY_EXPLORE_FRAMES=on (BATCH_ENV in
tools/notebooks.py), and each `interact` adds to its display data the chart drawn at a grid of its
sliders' values, as one JSON object of the MIME type EXPLORE_MIME (dltheory.widgets.ExploreFrames,
dltheory.display.ExploreBundle):

    {"version": 2, "mime": "image/svg+xml" | "image/png",
     "sliders": [{"name", "values", "labels", "initial"}], "initial": frame index,
     "frames": [{"index": [i, …], "title", "alt", "image": SVG text | base64 PNG}],
     "print": [{"frame": frame index, "label", "width", "height", "image"}]}

`print` holds the PDF's small multiples: the frames it shows (three or four values of one slider,
2 × 2 for two: ExploreFrames.multiples) drawn again at a smaller size, so that two side by side in
the text's width print their labels at about the size of a whole chart's.

Three steps, each called from SiteWriter.page:

    take(nb, stem, out)      the frames out of the outputs, written to out/figures/ (one file each);
                             what the page needs is left in the output's metadata (dltheory_explore)
    add_sliders(soup, nb)    the figure of each such output gets one <input type=range> per slider
                             (label, value, keyboard), the frames' data, and a line naming the frame
                             shown; assets/site.js swaps the image, its alt text and that line
    small_multiples(soup, nb)  for the print page (the PDF): in place of the slider, the frames of
                             `print`, each labelled
"""

import base64
import hashlib
import json

EXPLORE_MIME = "application/vnd.dltheory.explore+json"
VERSION = 2  # of the bundle (dltheory.display.ExploreBundle)
META = "dltheory_explore"
# The kernels that execute notebooks for the site draw the frames (tools/notebooks.py execute());
# the seed sweep's and a reader's kernels do not.
ENV = {"DLTHEORY_EXPLORE_FRAMES": "on"}
# The frames are kept beside the executed copy, not in it (target/executed/NN-x.explore.json), so
# that the copy stays within its size budget (tests/notebooks/test_notebook_size.py).
ASIDE = ".explore.json"
# Beside them, what they were drawn from (inputs_key): when a later run has the same notebook and the
# same jars, its kernel does not draw them again (OFF_ENV) and the frames set aside are kept.
KEY = ".explore.key"
OFF_ENV = {"DLTHEORY_EXPLORE_FRAMES": "off"}


def inputs_key(notebook, jars):
    """A digest of what an Explore cell's frames depend on: the notebook's file and the jars its
    kernel runs (lib's, which draws them, and the kernel's). The frames are drawn from the seed, so
    the same inputs draw the same frames (tests/run_twice.py compares two executions)."""
    digest = hashlib.sha256()
    for path in [notebook, *jars]:
        digest.update(str(path.name).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    return digest.hexdigest()


def kept(aside, key):
    """Whether the frames set aside in `aside` were drawn from the inputs of `key` (inputs_key)."""
    stored = aside.with_name(aside.name[:-len(ASIDE)] + KEY)
    return aside.is_file() and stored.is_file() and stored.read_text().strip() == key


def remember(aside, key):
    """Records that the frames in `aside` (or their absence) come from the inputs of `key`."""
    stored = aside.with_name(aside.name[:-len(ASIDE)] + KEY)
    if aside.is_file():
        stored.write_text(key + "\n")
    elif stored.is_file():
        stored.unlink()


def set_aside(nb, path):
    """Moves the frames out of the executed notebook `nb` into the JSON file `path`, as
    [{"cell", "output", "bundle"}] (indices from 0); removes a stale `path` when there are none."""
    aside = []
    for c, cell in enumerate(nb.cells):
        for o, output in enumerate(cell.get("outputs", [])):
            bundle = output.get("data", {}).pop(EXPLORE_MIME, None)
            if bundle is not None:
                aside.append({"cell": c, "cell_id": cell.get("id"), "output": o, "bundle": bundle})
    if aside:
        path.write_text(json.dumps(aside, ensure_ascii=False), encoding="utf-8")
    elif path.is_file():
        path.unlink()
    return len(aside)


def put_back(nb, path):
    """The frames set aside in `path` (set_aside) back into the outputs of `nb`."""
    if not path.is_file():
        return
    for item in json.loads(path.read_text(encoding="utf-8")):
        cells = nb.cells
        # frames of another execution of the notebook (its cells changed since) are left out
        if item["cell"] < len(cells) and item["output"] < len(cells[item["cell"]].get("outputs", [])) \
                and item.get("cell_id") in (None, cells[item["cell"]].get("id")):
            cells[item["cell"]].outputs[item["output"]].setdefault("data", {})[EXPLORE_MIME] = item["bundle"]


def take(nb, stem, out, aside=None):
    """Writes the frames of every Explore output of `nb` (with those set aside in `aside`, a path)
    to `out`/figures/ and replaces them in the output by their file names
    (output.metadata.dltheory_explore). Returns how many were found."""
    if aside is not None:
        put_back(nb, aside)
    found = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            bundle = data.pop(EXPLORE_MIME, None)
            if bundle is None:
                continue
            if isinstance(bundle, str):
                bundle = json.loads(bundle)
            if bundle.get("version") != VERSION:
                raise SystemExit(f"site: {stem}: its Explore frames were drawn by another version of the library "
                                 f"({bundle.get('version')}, not {VERSION}): execute it again (notebooks.py site)")
            found += 1
            ext = "png" if bundle["mime"] == "image/png" else "svg"
            base = f"figures/{stem}-explore{found if found > 1 else ''}"
            frames = []
            for k, frame in enumerate(bundle["frames"]):
                name = f"{base}-{k}.{ext}"
                write_image(out / name, frame["image"], ext)
                frames.append({"src": name, "title": frame.get("title", ""), "alt": frame.get("alt", ""),
                               "index": frame["index"]})
            printed = []
            for m in bundle["print"]:
                name = f"{base}-print-{m['frame']}.{ext}"
                write_image(out / name, m["image"], ext)
                printed.append({"src": name, "frame": m["frame"], "label": m["label"], "width": m["width"],
                                "height": m["height"]})
            output.setdefault("metadata", {})[META] = {"sliders": bundle["sliders"], "initial": bundle["initial"],
                                                      "frames": frames, "print": printed}
    return found


def write_image(path, image, ext):
    """Writes a frame's image: base64 PNG, or SVG text (one string, or nbformat's list of lines)."""
    if ext == "png":
        path.write_bytes(base64.b64decode(image))
    else:
        path.write_text("".join(image) if isinstance(image, list) else image, encoding="utf-8")


def explorations(nb):
    """(figure id, exploration) of every Explore output that add_figures numbered."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {})
            if META in meta and "dltheory_figure" in meta:
                yield meta["dltheory_figure"], meta[META]


def alt_with_caption(alt, title, caption):
    """A frame's alt text as the site words a figure's (tools/notebooks.py add_figures): the chart's
    title, what to see (the caption), then what it plots."""
    head = f"Chart: {title}."
    if caption and title and alt.startswith(head):
        return f"{head} {caption}{alt[len(head):]}"
    return f"{alt} {caption}".strip() if caption else alt


def slider_text(slider, k):
    return f"{slider['name']} = {slider['labels'][k]}"


def add_sliders(soup, nb):
    """Gives each Explore figure of the page its sliders (see the module's docstring)."""
    for figure, explore in explorations(nb):
        element = soup.find("figure", id=figure["id"])
        if element is None:
            continue
        caption = figure.get("caption", "")
        frames = [{"src": f["src"], "title": f["title"], "alt": alt_with_caption(f["alt"], f["title"], caption)}
                  for f in explore["frames"]]
        initial = frames[explore["initial"]]
        element["class"] = element.get("class", []) + ["explore"]
        picture = element.find("picture")
        img = soup.new_tag("img", attrs={"class": "explore-image", "src": initial["src"], "alt": initial["alt"],
                                         "width": str(figure["width"]), "height": str(figure["height"])})
        picture.replace_with(img)
        controls = soup.new_tag("div", attrs={"class": "explore-controls", "hidden": ""})
        for s, slider in enumerate(explore["sliders"]):
            uid = f"{figure['id']}-slider-{s}"
            row = soup.new_tag("div", attrs={"class": "explore-slider"})
            label = soup.new_tag("label", attrs={"for": uid})
            label.string = slider["name"]
            last = len(slider["values"]) - 1
            text = slider_text(slider, slider["initial"])
            rng = soup.new_tag("input", attrs={"type": "range", "id": uid, "min": "0", "max": str(last), "step": "1",
                                               "value": str(slider["initial"]), "aria-valuetext": text,
                                               "data-slider": str(s)})
            value = soup.new_tag("output", attrs={"for": uid, "class": "explore-value"})
            value.string = slider["labels"][slider["initial"]]
            row.extend([label, rng, value])
            controls.append(row)
        img.insert_after(controls)
        figcaption = element.find("figcaption")
        shown = soup.new_tag("span", attrs={"class": "explore-shown", "aria-live": "polite"})
        shown.string = f"Shown: {initial['title']}" if initial["title"] else ""
        hint = soup.new_tag("span", attrs={"class": "explore-hint"})
        hint.string = f"Move the slider{'s' if len(explore['sliders']) > 1 else ''} to see the figure " \
                      f"at {' × '.join(str(len(s['values'])) for s in explore['sliders'])} precomputed values."
        if figcaption is not None:
            figcaption.append(" ")
            figcaption.append(shown)
            figcaption.append(" ")
            figcaption.append(hint)
        data = {"sliders": [{"name": s["name"], "labels": s["labels"], "size": len(s["values"])}
                            for s in explore["sliders"]], "frames": frames}
        script = soup.new_tag("script", attrs={"type": "application/json", "class": "explore-data"})
        script.string = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        element.append(script)


def small_multiples(soup, nb):
    """In the print version of the page: each Explore figure's slider replaced by its small
    multiples (the bundle's `print` frames), each panel labelled (a), (b), … with its values."""
    for figure, explore in explorations(nb):
        element = soup.find("figure", id=figure["id"])
        if element is None:
            continue
        for gone in element.select(".explore-controls, .explore-data, .explore-hint, .explore-shown"):
            gone.decompose()
        grid = soup.new_tag("div", attrs={"class": "explore-multiples"})
        chosen = explore["print"]
        for n, multiple in enumerate(chosen):
            frame = explore["frames"][multiple["frame"]]
            panel = soup.new_tag("figure", attrs={"class": "explore-panel"})
            img = soup.new_tag("img", attrs={"src": multiple["src"], "width": str(multiple["width"]),
                                             "height": str(multiple["height"]),
                                             "alt": alt_with_caption(frame["alt"], frame["title"], "")})
            sub = soup.new_tag("figcaption")
            # the chart's title, drawn in the frame on the site, is the panel's caption here
            title, label = frame["title"], multiple["label"]
            titled = title.startswith(label)  # "β = 0.90, δ = 0.40: momentum on …" already names the values
            sub.string = f"({chr(ord('a') + n)}) {title if titled else label}"
            if title and not titled:
                sub.append(soup.new_tag("br"))
                line = soup.new_tag("span", attrs={"class": "explore-panel-title"})
                line.string = title
                sub.append(line)
            panel.extend([img, sub])
            grid.append(panel)
        image = element.find("img", class_="explore-image") or element.find("picture")
        image.replace_with(grid)
        figcaption = element.find("figcaption", recursive=False)
        if figcaption is not None:
            figcaption.append(" ")
            note = soup.new_tag("span", attrs={"class": "explore-note"})
            note.string = f"The Explore cell at {len(chosen)} of its values; on the site, a slider shows " \
                          f"{len(explore['frames'])}."
            figcaption.append(note)
