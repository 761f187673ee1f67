'use strict';
// Measurements of a site page as a reader sees it (issue 19), run inside the page by
// page.evaluate: prose line length and font size, prompts, figures, sideways scrolling,
// sidebar and on-page contents, download link. Each returns plain data; the test decides.

/** Prose: font size and characters per line of every paragraph of the article without math. */
function measureProse() {
  const paras = [...document.querySelectorAll('article p, article li')]
    .filter((p) => !p.querySelector('.MathJax, .MathJax_CHTML, mjx-container, code, ol, ul, .MathJax_Preview')
      && p.offsetParent !== null && p.textContent.trim().length > 0);
  const lines = [];
  for (const p of paras.slice(0, 80)) {
    // Group the words of the paragraph by the top of their box: one group per rendered line.
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const perLine = new Map();
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /\S+\s*/g;
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].trimEnd().length);
        const rects = range.getClientRects();
        if (!rects.length) continue;
        // A word broken over two lines counts on the line where it starts.
        const key = Math.round(rects[0].top);
        perLine.set(key, (perLine.get(key) || 0) + m[0].length);
      }
    }
    for (const n of perLine.values()) lines.push(n);
  }
  const sizes = paras.map((p) => parseFloat(getComputedStyle(p).fontSize));
  const article = document.querySelector('article');
  const px = parseFloat(getComputedStyle(article).fontSize);
  return {
    paragraphs: paras.length,
    lines: lines.length,
    maxCharsPerLine: lines.length ? Math.max(...lines) : 0,
    minFontPx: sizes.length ? Math.min(...sizes) : 0,
    columnEm: article.getBoundingClientRect().width / px,
  };
}

/** Visible "In [n]:" / "Out[n]:" prompts. */
function visiblePrompts() {
  const visible = (e) => e.offsetParent !== null && e.getBoundingClientRect().width > 0;
  const prompts = [...document.querySelectorAll('.jp-InputPrompt, .jp-OutputPrompt, .prompt, .input_prompt, .output_prompt')]
    .filter(visible).filter((e) => e.textContent.trim());
  const text = (document.body.innerText.match(/\b(In|Out)\s?\[[\d\s]*\]:/g) || []);
  return { elements: prompts.length, inText: text.length, sample: text.slice(0, 3) };
}

/** Figures: number, caption, alt text and size of every chart. */
function figures() {
  const captionText = (cap) => {
    const copy = cap.cloneNode(true);
    copy.querySelectorAll('.explore-shown, .explore-hint').forEach((e) => e.remove());
    return copy.textContent.trim();
  };
  return [...document.querySelectorAll('article img')].map((img) => {
    const fig = img.closest('figure');
    const cap = fig && fig.querySelector('figcaption');
    const col = document.querySelector('article').getBoundingClientRect();
    const r = img.getBoundingClientRect();
    return {
      alt: img.alt || '',
      // an Explore figure's caption also says which frame is shown and how to move it
      caption: cap ? captionText(cap) : '',
      // its frames are SVG files swapped by the slider, with no PNG beside them
      svgSource: !!(fig && fig.querySelector('source[type="image/svg+xml"]'))
        || (img.classList.contains('explore-image') && /\.svg$/.test(img.getAttribute('src') || '')),
      current: img.currentSrc.split('/').pop().slice(0, 60),
      fits: r.width <= col.width + 1,
      centred: Math.abs((r.left + r.right) / 2 - (col.left + col.right) / 2) <= 2,
      width: Math.round(r.width),
    };
  });
}

/** Sideways scrolling: the document, and every code or output block, wider than its box. */
function sideways(tablesMayScroll) {
  const doc = document.documentElement;
  const selector = tablesMayScroll ? 'article pre, article .jp-InputArea-editor, article .jp-OutputArea-output:not(.jp-RenderedHTML)'
    : 'article pre, article .jp-InputArea-editor, article .jp-OutputArea-output, article table';
  const blocks = [...document.querySelectorAll(selector)]
    .filter((e) => e.offsetParent !== null)
    // A code block may scroll its long lines inside its own box (issue 34); the box stays in the column.
    .filter((e) => (e.scrollWidth > e.clientWidth + 1 && !e.matches('pre'))
      // Code stays in the column; a table may use the margins of the content area.
      || e.getBoundingClientRect().right > document.querySelector(e.matches('table, .jp-RenderedHTML') ? 'main' : 'article')
        .getBoundingClientRect().right + 1)
    .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}: ${e.textContent.trim().slice(0, 60)}`);
  const scrollingTables = [...document.querySelectorAll('article .jp-RenderedHTML')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1).length;
  return { page: doc.scrollWidth > doc.clientWidth + 1 ? `${doc.scrollWidth} > ${doc.clientWidth}` : null, blocks, scrollingTables };
}

/** The sidebar's notebook links, its on-page contents and the article's h2 ids. */
function contents() {
  const side = document.querySelector('nav#sidebar');
  if (!side) return null;
  const r = side.getBoundingClientRect();
  return {
    visible: getComputedStyle(side).display !== 'none' && getComputedStyle(side).visibility !== 'hidden'
      && r.width > 0 && r.height > 0 && r.right > 0,
    pages: [...side.querySelectorAll('.book > li > a')].map((a) => a.getAttribute('href')),
    sections: [...side.querySelectorAll('.sections a')].map((a) => a.getAttribute('href')),
    headings: [...document.querySelectorAll('article h2[id]')].map((h) => `#${h.id}`),
  };
}

/** The download and Binder links. */
function pageLinks() {
  const a = document.querySelector('a.download');
  const b = document.querySelector('a.binder');
  return { download: a && a.getAttribute('href'), binder: b && b.getAttribute('href') };
}

module.exports = { measureProse, visiblePrompts, figures, sideways, contents, pageLinks };

/** Cross-references left as plain text: "notebook 0N" and "(N)" where this page has equation N. */
function unlinkedReferences() {
  const found = [];
  const eqs = new Set([...document.querySelectorAll('[id^="eq-"]')].map((e) => e.id.slice(3)));
  const links = document.querySelectorAll('article a.xref').length;
  document.querySelectorAll('article .jp-MarkdownOutput').forEach((md) => {
    const walker = document.createTreeWalker(md, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('a, code, pre, script, .MathJax, .MathJax_CHTML, .MathJax_Display, .MJX_Assistive_MathML')) continue;
      const text = node.data;
      for (const m of text.matchAll(/\b[Nn]otebooks? (\d\d)\b/g)) found.push(m[0]);
      for (const m of text.matchAll(/\((\d{1,3}(?:\.\d{1,3})?)\)/g)) {
        const before = text.slice(Math.max(0, m.index - 20), m.index);
        if (eqs.has(m[1]) && !/(text['’]s|of the text|reference text)\s*$/.test(before)) found.push(m[0]);
      }
      // Numbered by chapter (docs/numbering.md): figures, tables, sections and exercises are links.
      const heading = node.parentElement.closest('strong, h1, h2, h3'); // "**Exercise 3.2.**" itself
      for (const m of text.matchAll(/\b(Figure|Table|[Ss]ection|Exercise) \d{1,2}\.\d{1,3}\b/g)) {
        if (!(heading && m[1] === 'Exercise')) found.push(m[0]);
      }
    }
  });
  return { unlinked: found, links, equations: eqs.size };
}

module.exports.unlinkedReferences = unlinkedReferences;
