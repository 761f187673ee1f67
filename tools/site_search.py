"""The site's search documents (issue 34): one per section and subsection of a page (h2, h3), with
TeX turned into readable Unicode (search results are not typeset by MathJax: "√κ", "β₁ᵗ", not
"sqrtkappa", "β_1^t"), and the synonyms a reader may type for what a section says ("Xavier" for
Glorot, "BPTT" for backpropagation through time) as extra fields. tools/site/build.js indexes
`section`, `aliases`, `text`, `keywords` and `code`, not the chapter's title, so a word of a
chapter's title finds the sections that use it, not every section of the chapter; site.js weighs
code less than prose and drops results far below the best one (a Setup cell's imports)."""

import re

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ",
    "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "tau": "τ",
    "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}
SYMBOLS = {
    **GREEK,
    "cdot": "·", "times": "×", "odot": "⊙", "otimes": "⊗", "circ": "∘", "ast": "∗", "star": "⋆",
    "nabla": "∇", "partial": "∂", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
    "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫",
    "infty": "∞", "sum": "Σ", "prod": "Π", "int": "∫", "in": "∈", "notin": "∉", "subset": "⊂",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "iff": "⇔", "mapsto": "↦",
    "top": "⊤", "perp": "⊥", "pm": "±", "mp": "∓", "mid": "|", "ell": "ℓ", "forall": "∀",
    "exists": "∃", "ldots": "…", "dots": "…", "cdots": "⋯", "langle": "⟨", "rangle": "⟩",
    "lVert": "‖", "rVert": "‖", "Vert": "‖", "lvert": "|", "rvert": "|", "vert": "|",
    "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "quad": " ", "qquad": " ",
    "max": "max", "min": "min", "log": "log", "exp": "exp", "tanh": "tanh", "sin": "sin",
    "cos": "cos", "det": "det", "arg": "arg", "lim": "lim", "sup": "sup", "inf": "inf",
    "operatorname": "", "displaystyle": "", "textstyle": "", "limits": "", "nolimits": "",
}
DROPPED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl",
           "biggr", "middle", "tag", "label", "nonumber", "notag"}
ARGUMENT = {"mathrm", "text", "textrm", "textit", "textbf", "mathit", "mathbf", "boldsymbol", "bm",
            "mathsf", "mathtt", "mbox", "operatorname", "underbrace", "overbrace", "underline",
            "overline", "emph"}
ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "widetilde": "\u0303",
           "vec": "\u20d7", "dot": "\u0307", "ddot": "\u0308"}
DOUBLE_STRUCK = {"E": "𝔼", "R": "ℝ", "N": "ℕ", "Z": "ℤ", "P": "ℙ", "Q": "ℚ", "C": "ℂ", "1": "𝟙"}
CALLIGRAPHIC = {"N": "𝒩", "U": "𝒰", "L": "ℒ", "O": "𝒪", "D": "𝒟", "H": "ℋ", "F": "ℱ", "B": "ℬ", "E": "ℰ"}
SUPERSCRIPT = dict(zip("0123456789+-−=()nitTklmxyjabcdeprsuvwo⊤*′'",
                       "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱᵗᵀᵏˡᵐˣʸʲᵃᵇᶜᵈᵉᵖʳˢᵘᵛʷᵒᵀ*′′"))
SUBSCRIPT = dict(zip("0123456789+-−=()aeoxhklmnpstijruv", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ"))
MATH = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\\((.+?)\\\)|\$([^$]+?)\$", re.S)


def tex_to_text(tex):
    """One formula's TeX as readable Unicode text: Greek letters and symbols as characters,
    sub- and superscripts as Unicode ones where they exist (else x_(ab)), √, a/b, accents."""
    out, _ = _sequence(tex, 0)
    return re.sub(r"\s+", " ", out).strip()


def plain_tex(text):
    """Every formula of `text` ($…$, $$…$$, \\(…\\), \\[…\\]) as readable Unicode."""
    return MATH.sub(lambda m: tex_to_text(next(g for g in m.groups() if g is not None)), text)


def _wrap(x):
    x = x.strip()
    if len(x) <= 1 or re.fullmatch(r"\w+|√?\([^()]*\)|\[[^\[\]]*\]|‖[^‖]*‖|√\w", x):
        return x
    return f"({x})"


def _script(x, table, mark):
    x = x.strip()
    if x and all(c in table for c in x):
        return "".join(table[c] for c in x)
    return f"{mark}{x}" if len(x) <= 1 or re.fullmatch(r"\([^()]*\)", x) else f"{mark}({x})"


def _sequence(s, i, closing=None):
    """Text of s[i:] up to the unmatched `closing` brace (or the end); returns (text, index after)."""
    out = []
    while i < len(s):
        c = s[i]
        if c == "}" and closing:
            return "".join(out), i + 1
        if c == "{":
            inner, i = _sequence(s, i + 1, "}")
            out.append(inner)
        elif c in "^_":
            arg, i = _atom(s, i + 1)
            if c == "^":
                out.append("ᵀ" if arg.strip() in ("⊤", "T") else _script(arg, SUPERSCRIPT, "^"))
            else:
                out.append(_script(arg, SUBSCRIPT, "_"))
        elif c == "\\":
            text, i = _command(s, i)
            out.append(text)
        elif c == "~":
            out.append(" ")
            i += 1
        elif c == "&":
            out.append(" ")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out), i


def _atom(s, i):
    """The next argument: a {group}, a command, or one character (spaces skipped)."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s):
        return "", i
    if s[i] == "{":
        return _sequence(s, i + 1, "}")
    if s[i] == "\\":
        return _command(s, i)
    return s[i], i + 1


def _command(s, i):
    """A command at s[i] == "\\"; returns (text, index after it and its arguments)."""
    m = re.compile(r"\\([A-Za-z]+)\*?|\\(.)", re.S).match(s, i)
    if not m:
        return "", i + 1
    i = m.end()
    if m.group(2) is not None:
        return {"|": "‖", ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "\\": "; ", "{": "{", "}": "}",
                "%": "%", "$": "$", "#": "#", "&": "&", "_": "_"}.get(m.group(2), m.group(2)), i
    name = m.group(1)
    if name in ("frac", "dfrac", "tfrac"):
        a, i = _atom(s, i)
        b, i = _atom(s, i)
        return f"{_wrap(a)}/{_wrap(b)}", i
    if name == "sqrt":
        root = ""
        if i < len(s) and s[i] == "[":
            end = s.find("]", i)
            root, i = _script(s[i + 1:end], SUPERSCRIPT, ""), end + 1
        a, i = _atom(s, i)
        return f"{root}√{_wrap(a)}", i
    if name in ("begin", "end"):
        _, i = _atom(s, i)
        return " ", i
    if name in ACCENTS:
        a, i = _atom(s, i)
        return (a + ACCENTS[name]) if len(a) == 1 else a, i
    if name in ("mathbb", "mathcal", "mathscr", "mathfrak"):
        a, i = _atom(s, i)
        table = DOUBLE_STRUCK if name == "mathbb" else CALLIGRAPHIC
        return "".join(table.get(c, c) for c in a), i
    if name in ARGUMENT:
        a, i = _atom(s, i)
        return a, i
    if name in DROPPED:
        if name in ("tag", "label"):
            _, i = _atom(s, i)
            return "", i
        if i < len(s) and s[i] == ".":  # \left. is an empty delimiter
            i += 1
        return "", i
    if name in SYMBOLS:
        return SYMBOLS[name], i
    return name, i


# What a reader may type for what a section says: if a section matches the pattern, the words
# are added to its keywords (both directions for a name and its acronym).
SYNONYMS = [
    (r"\bGlorot\b|\bXavier\b", "Glorot Xavier"),
    (r"\bHe et al|\bof He\b|\bHe's\b|\bHe init|\bKaiming\b", "He Kaiming"),
    (r"back-?propagation through time|\bBPTT\b", "BPTT backpropagation through time"),
    (r"\bvanish", "vanishing vanish"),
    (r"\bexplod", "exploding explode"),
    (r"weight[- ]normali[sz]", "weightnorm weight normalization normalisation"),
    (r"batch[- ]normali[sz]|batch norm", "batchnorm batch normalization normalisation"),
    (r"regulari[sz]", "regularization regularisation"),
    (r"initiali[sz]", "initialization initialisation"),
    (r"normali[sz]", "normalization normalisation"),
    (r"minimi[sz]", "minimizer minimiser minimize minimise"),
    (r"stochastic gradient descent|\bSGD\b", "SGD stochastic gradient descent"),
    (r"heavy[- ]ball|\bPolyak\b", "heavy ball Polyak"),
    (r"running average|moving average|\bEMA\b", "EMA exponential moving average running"),
    (r"\bridge\b|L_?2|weight decay|Tikhonov", "ridge L2 weight decay Tikhonov"),
    (r"recurrent (net|neural)|\bRNN", "RNN recurrent neural network"),
    (r"bidirectional|\bBRNN\b|\bBiRNN\b", "bidirectional BRNN BiRNN"),
    (r"\bAdam\b", "Adam Kingma"),
    (r"gradient clipping|clip", "clipping clip"),
]


def keywords(text, seen=None):
    """The synonyms of what `text` says (SYNONYMS), as one string; the words of `text` that called
    for them are added to the list `seen` (the results mark them in the snippet)."""
    found = []
    for pattern, words in SYNONYMS:
        m = re.search(pattern, text, re.I if not pattern.startswith(r"\bHe") else 0)
        if m:
            found.extend(w for w in words.split() if w not in found)
            if seen is not None and m.group(0) not in seen:
                seen.append(m.group(0))
    return " ".join(found)


def heading_text(h):
    """A heading's text as the reader reads it: the ¶ anchor dropped, TeX as Unicode."""
    return plain_tex(h.get_text(" ", strip=True).rstrip("¶").strip())


def search_docs(soup, entry):
    """One search document per section (h2) and subsection (h3) of a page; the text before the
    first heading belongs to the chapter (its title). Fields: id, title (the chapter's), section,
    parent (the h2 of an h3, else ""), href, text (the prose, TeX as Unicode; prose keeps it for
    the snippet), code (code cells and their outputs), aliases (synonyms of the section's title),
    keywords (synonyms of its text), seen (the words of the text those synonyms stand for)."""
    chapter = plain_tex(entry["title"])
    docs = []
    parent = ""
    current = {"id": entry["name"], "title": chapter, "section": chapter, "parent": "",
               "href": entry["href"], "text": [], "code": []}
    for cell in soup.select(".jp-Cell"):
        markdown = cell.select_one(".jp-MarkdownOutput")
        if markdown is None:  # code and its outputs: a field of their own, weighed less than prose
            current["code"].append(cell.get_text(" ", strip=True))
            continue
        for child in markdown.find_all(recursive=False):
            if child.name in ("h2", "h3") and child.get("id"):
                docs.append(current)
                title = heading_text(child)
                if child.name == "h2":
                    parent = title
                current = {"id": f'{entry["name"]}#{child["id"]}', "title": chapter, "section": title,
                           "parent": parent if child.name == "h3" else "",
                           "href": f'{entry["href"]}#{child["id"]}', "text": [], "code": []}
            else:
                current["text"].append(plain_tex(child.get_text(" ", strip=True)))
    docs.append(current)
    for d in docs:
        d["text"] = d["prose"] = " ".join(t for t in d["text"] if t)
        d["code"] = " ".join(t for t in d["code"] if t)
        d["aliases"] = keywords(d["section"])
        d["seen"] = []
        d["keywords"] = keywords(d["text"], d["seen"])
        if d["section"] in STRUCTURAL:  # found by its title; its prose weighs as little as code
            d["code"] = f'{d["text"]} {d["code"]}'.strip()
            d["text"] = d["keywords"] = ""
    return docs


# Sections every chapter has, whose prose is about the notebook rather than its subject: a word
# of the chapter's subject found only there does not list them.
STRUCTURAL = {"Setup", "Exercises", "Summary"}
