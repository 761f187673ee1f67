'use strict';
// Measurements of a site page as a reader sees it (issue 34), run inside the page by
// page.evaluate: equation numbers cut off, code words split over two lines, table fonts and
// captions, the site title in the top bar. Each returns plain data; the test decides.

/** Equation numbers (MathJax 2's .mjx-label) whose box is not inside what the reader sees of
 *  them: their display's box, and every ancestor that clips (overflow other than visible). */
function clippedEquationNumbers() {
  const cells = [...document.querySelectorAll('.jp-Cell')];
  const labels = [...document.querySelectorAll('article .mjx-label')].filter((l) => l.offsetParent !== null || l.getClientRects().length);
  const clipped = [];
  for (const label of labels) {
    const r = label.getBoundingClientRect();
    if (!r.width) continue;
    let visible = { left: -Infinity, right: Infinity };
    for (let e = label.parentElement; e && e !== document.documentElement; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.overflowX !== 'visible' || e.matches('.MJXc-display, article')) {
        const b = e.getBoundingClientRect();
        // the box's inside: its border box without the borders (clientLeft) and the scroll bar
        const left = b.left + e.clientLeft;
        visible = { left: Math.max(visible.left, left), right: Math.min(visible.right, left + e.clientWidth) };
      }
    }
    visible.right = Math.min(visible.right, document.documentElement.clientWidth);
    if (r.left < visible.left - 0.5 || r.right > visible.right + 0.5) {
      const cell = label.closest('.jp-Cell');
      clipped.push(`${label.textContent.trim()} in cell ${cells.indexOf(cell) + 1} (its box ${Math.round(r.left)}–${Math.round(r.right)} px, `
        + `visible ${Math.round(visible.left)}–${Math.round(visible.right)} px)`);
    }
  }
  return { numbers: labels.length, clipped };
}

/** Words of code (runs of letters, digits and _) drawn over two lines, in code cells and outputs. */
function splitCodeWords() {
  const cells = [...document.querySelectorAll('.jp-Cell')];
  const split = [];
  let words = 0;
  const range = document.createRange();
  for (const pre of document.querySelectorAll('article pre')) {
    if (pre.offsetParent === null) continue;
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    // a word may span two text nodes (highlighting): check each node's words and each node boundary
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\w{2,}/g)) {
        words += 1;
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top)));
        if (tops.size > 1) {
          const cell = pre.closest('.jp-Cell');
          split.push(`"${m[0]}" in cell ${cells.indexOf(cell) + 1}`);
        }
      }
    }
  }
  return { words, split };
}

/** Font sizes of every table's cells and caption, and captions not fully inside their table's box. */
function tables() {
  const found = [];
  for (const table of document.querySelectorAll('article table')) {
    if (table.offsetParent === null) continue;
    const parts = [...table.querySelectorAll('td, th, caption')];
    const px = parts.length ? Math.min(...parts.map((e) => parseFloat(getComputedStyle(e).fontSize))) : Infinity;
    const caption = table.querySelector('caption');
    let captionCut = null;
    if (caption) {
      const box = table.closest('.jp-RenderedHTML, .jp-RenderedHTMLCommon') || table.parentElement;
      const b = box.getBoundingClientRect();
      const c = caption.getBoundingClientRect();
      const right = Math.min(b.left + box.clientWidth, document.documentElement.clientWidth);
      if (c.left < b.left - 0.5 || c.right > right + 0.5) {
        captionCut = `${caption.textContent.trim().slice(0, 50)} (caption ${Math.round(c.left)}–${Math.round(c.right)} px, box ${Math.round(b.left)}–${Math.round(right)} px)`;
      }
    }
    found.push({ px, captionCut, wider: table.getBoundingClientRect().width > table.parentElement.clientWidth + 1 });
  }
  return found;
}

/** The site title in the top bar: whether all of it is shown (not cut, no ellipsis, on screen). */
function siteTitle() {
  const t = document.querySelector('.topbar .site-title');
  if (!t) return null;
  const r = t.getBoundingClientRect();
  const bar = document.querySelector('.topbar').getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(t);
  const text = range.getBoundingClientRect();
  return {
    text: t.textContent.trim(),
    cut: t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1,
    offScreen: text.left < -0.5 || text.right > document.documentElement.clientWidth + 0.5 || r.bottom > bar.bottom + 0.5,
    barHeight: Math.round(bar.height),
  };
}

module.exports = { clippedEquationNumbers, splitCodeWords, tables, siteTitle };
