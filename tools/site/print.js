'use strict';
// The PDF of the whole collection, site/dltheory.pdf, printed by headless Chromium from the print
// page (tools/templates/print.html.j2) as a book:
//
//   1. the page is laid out as the printer lays it out (print media, a viewport as wide as the
//      text) and MathJax typesets it;
//   2. display maths and tables wider than the text are scaled down to its width (CSS zoom), and
//      then every formula and table is measured: one still wider than the text, or one that would
//      need to shrink below MIN_SCALE, fails the build, naming it;
//   3. every MathJax font the formulas use is loaded (a chapter that Chromium had not laid out yet
//      would otherwise print with a fallback font: boxes for the underbraces' pieces), and one
//      that cannot be loaded fails the build;
//   4. the chapters are printed (pages 1, 2, …, the chapter's title at the top of each page, the
//      page number at the bottom: CSS named pages and page-margin boxes), each tightened first
//      (CSS zoom, down to MIN_TIGHTEN) if its last page would be near-blank: drafts, the same
//      print with nothing painted, show where each chapter ends, and the zooms found are kept
//      (TIGHTENED) for the next run with the same chapters, which makes no draft;
//   5. tools/pdfbook.py reads the page of every chapter and section from that PDF (Chromium writes
//      a named destination for every link target), the contents list gets its page numbers, and
//      the title page and contents are printed (pages i, ii, …);
//   6. tools/pdfbook.py puts the two together and adds the outline (chapters and their sections
//      as bookmarks) and page labels (i, ii, … then 1, 2, …).
//
// A page without a contents list (.print-toc) is printed in one pass (steps 1-4), without Python.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '..', '..');
/** The page and its margins in mm: A4, text 174 mm × 257 mm. */
const PAGE = { width: 210, height: 297, top: 20, bottom: 20, left: 18, right: 18 };
const PX_PER_MM = 96 / 25.4;
/** The text's width in CSS px: the viewport's width while the page is typeset and measured. */
const TEXT_WIDTH = Math.floor((PAGE.width - PAGE.left - PAGE.right) * PX_PER_MM);
const TEXT_HEIGHT = Math.floor((PAGE.height - PAGE.top - PAGE.bottom) * PX_PER_MM);
/** A display or table is scaled to the text's width down to this size, and no further. */
const MIN_SCALE = 0.7;
/** A chapter whose last page is filled less than this (a fraction of the text's height) is
 *  tightened (CSS zoom on the chapter) so that it ends a page sooner, down to MIN_TIGHTEN. */
const STUB_FILL = 0.25;
const MIN_TIGHTEN = 0.93;
const TIGHTEN_ROUNDS = 3;
/** The zooms that tightened chapters, by a hash of what lays them out (see chapterKeys): a run
 *  that prints the same chapters applies them before printing and prints once. */
const TIGHTENED = process.env.DLTHEORY_PDF_TIGHTENED || path.join(ROOT, 'target', 'site', 'pdf-tightened.json');

/** The @page rules: the page, the numbers at its foot, the front matter's roman numbers. */
function pageRules() {
  const foot = 'font: 8.5pt "DejaVu Sans", sans-serif; color: #59636e;';
  return `@page { size: ${PAGE.width}mm ${PAGE.height}mm;
      margin: ${PAGE.top}mm ${PAGE.right}mm ${PAGE.bottom}mm ${PAGE.left}mm;
      @bottom-center { content: counter(page); ${foot} } }
    @page title { @bottom-center { content: none; } }
    @page front { @bottom-center { content: counter(page, lower-roman); ${foot} } }`;
}

/** A CSS string holding `text`. */
function cssString(text) {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ').replace(/</g, '\\3c ')}"`;
}

/** The Python that has pypdf: $DLTHEORY_PYTHON, else the one environment/setup.sh recorded. */
function pythonPath() {
  if (process.env.DLTHEORY_PYTHON) return process.env.DLTHEORY_PYTHON;
  const recorded = path.join(ROOT, 'target', 'python');
  return fs.existsSync(recorded) ? fs.readFileSync(recorded, 'utf8').trim() : 'python3';
}

/**
 * tools/pdfbook.py, started at once (its start and pypdf's import overlap the typesetting):
 * `call(request)` sends one JSON request a line and resolves with its one-line JSON answer.
 */
function startPdfTool() {
  // pypdf, pinned in tools/site/requirements.txt, is installed there by environment/site.sh
  const pylib = path.join(ROOT, 'target', 'site', 'pylib');
  const env = { ...process.env, PYTHONPATH: [pylib, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter) };
  const child = spawn(pythonPath(), [path.join(ROOT, 'tools', 'pdfbook.py'), 'serve'],
    { stdio: ['pipe', 'pipe', 'pipe'], env });
  let buffer = '';
  let stderr = '';
  let ended = null;  // why the tool is gone, once it is
  const waiting = [];
  const failAll = (e) => { ended = ended || e; while (waiting.length) waiting.shift().reject(e); };
  child.stdin.on('error', () => {});  // a tool that has ended: reported by failAll
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const next = waiting.shift();
      if (!next) continue;
      const answer = JSON.parse(line);
      if (answer.error) next.reject(new Error(`pdfbook.py: ${answer.error}`)); else next.resolve(answer);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  child.on('error', (e) => failAll(new Error(`cannot run ${pythonPath()} tools/pdfbook.py: ${e.message}`)));
  child.on('exit', (code) => failAll(new Error(`pdfbook.py ended (status ${code}): ${stderr.trim()}`)));
  return {
    call(request) {
      return new Promise((resolve, reject) => {
        if (ended) { reject(ended); return; }
        waiting.push({ resolve, reject });
        child.stdin.write(`${JSON.stringify(request)}\n`);
      });
    },
    close() { child.stdin.end(); },
  };
}

// --- functions run in the page --------------------------------------------------------------

/**
 * Scales each display formula and table wider than the space it has to that width (CSS zoom, so
 * that the layout around it follows), unless that needs less than `minScale`. Zoomed text does
 * not scale exactly in proportion (glyphs are fitted to the pixel grid: a table set in DejaVu Sans
 * at 84 % came out 3 % wider than that), so the scale leaves 1 % to spare and up to three more
 * rounds scale again what is still too wide. Returns what was scaled, as [{what, scale}].
 */
function fitToText(minScale) {
  document.querySelectorAll('article.chapter').forEach((a) => { a.style.contentVisibility = 'visible'; });
  const describe = (el) => {
    const where = el.closest('[id]:not([id^="MathJax-"])');
    const text = (el.querySelector('script[type^="math/tex"]') || el).textContent.replace(/\s+/g, ' ').trim();
    return `${el.matches('table') ? 'table' : 'display maths'} in #${where ? where.id : '?'} "${text.slice(0, 60)}"`;
  };
  const contentWidth = (el) => {
    const cs = getComputedStyle(el);
    return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  };
  const scales = new Map();
  for (let round = 0; round < 4; round += 1) {
    // every measurement first, then every change: one layout a round
    const wide = [];
    for (const el of document.querySelectorAll('.MJXc-display')) {
      if (el.scrollWidth > el.clientWidth + 0.5) wide.push({ el, need: el.scrollWidth, have: el.clientWidth });
    }
    for (const el of document.querySelectorAll('table')) {
      const need = el.getBoundingClientRect().width;  // after its zoom, as the parent's width
      const have = contentWidth(el.parentElement);
      if (need > have + 0.5) wide.push({ el, need, have });
    }
    if (!wide.length) break;
    for (const { el, need, have } of wide) {
      const before = scales.get(el) || 1;
      // a formula: need and have in its own (zoomed) units; a table: its drawn width and the space
      const scale = Math.floor(((before * have) / need) * 990) / 1000;
      if (scale < minScale) continue;  // left as it is: checkFit names it
      // a zoomed table would take the room its zoom gives it (fewer wrapped headers, so wider):
      // it keeps the width it has, in its own units
      if (el.matches('table') && !scales.has(el)) el.style.width = `${need}px`;
      el.style.zoom = scale;
      scales.set(el, scale);
    }
  }
  return [...scales].map(([el, scale]) => ({ what: describe(el), scale }));
}

/**
 * Every formula (inline or display) and table must lie within the text's width, and a display
 * formula's box must hold all of it (print clips what overflows). Returns the ones that do not.
 */
function checkFit(minScale) {
  const body = document.body.getBoundingClientRect();
  const cs = getComputedStyle(document.body);
  const left = body.left + parseFloat(cs.paddingLeft) - 0.5;
  const right = body.right - parseFloat(cs.paddingRight) + 0.5;
  const bad = [];
  for (const el of document.querySelectorAll('.mjx-chtml, table')) {
    // a display's formula is checked as its display box (which must hold it all)
    if (el.closest('.MJX_Assistive_MathML') || (el.parentElement && el.parentElement.closest('.MJXc-display'))
        || !el.getClientRects().length) continue;
    const r = el.getBoundingClientRect();
    const clipped = el.matches('.MJXc-display') && el.scrollWidth > el.clientWidth + 0.5;
    if (r.right > right || r.left < left || clipped) {
      const where = el.closest('[id]:not([id^="MathJax-"])');
      const text = (el.querySelector('script[type^="math/tex"]') || el.parentElement.querySelector('script[type^="math/tex"]')
        || el).textContent.replace(/\s+/g, ' ').trim();
      const width = clipped ? el.scrollWidth : r.width;
      const space = clipped ? el.clientWidth : right - left - 1;
      bad.push(`${el.matches('table') ? 'a table' : 'a formula'} in #${where ? where.id : '?'} is ${Math.round(width)} px wide `
        + `in ${Math.round(space)} px (it would have to shrink to ${Math.round((100 * space) / width)} %, `
        + `${Math.round(100 * minScale)} % is the least allowed): "${text.slice(0, 70)}"`);
    }
  }
  return bad;
}

/**
 * Loads the MathJax fonts the formulas use, before anything is laid out (a font that arrives
 * later makes Chromium lay out again the text that uses it; one that arrives after printing has
 * begun is printed as a fallback: boxes for the underbraces' pieces, in a chapter that Chromium
 * had not laid out yet), and returns those of them that could not be loaded (neither the system's
 * copy, MJXc-TeX-size4-R, nor the site's woff, MJXc-TeX-size4-Rw). Computed styles only: no layout.
 */
async function loadMathFonts() {
  const used = new Map();  // class → an element of that class
  for (const el of document.querySelectorAll('[class*="MJXc-TeX-"]')) {
    for (const c of el.classList) if (c.startsWith('MJXc-TeX-') && !used.has(c)) used.set(c, el);
  }
  // load() loads the faces that would draw the text: the system's copy if there is one, else the woff
  await Promise.allSettled([...used.values()].map((el) => {
    const cs = getComputedStyle(el);
    return document.fonts.load(`${cs.fontStyle} ${cs.fontWeight} 16px ${cs.fontFamily}`, el.textContent || 'x');
  }));
  await document.fonts.ready;
  const loaded = new Set([...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
  return [...used.keys()].filter((c) => ![c, `${c}x`, `${c}w`].some((f) => loaded.has(f))).sort();
}

/**
 * The contents list as [{title, dest, children}]: each entry's text without MathJax's rendering
 * (the text of its MathML kept: ‖u‖ for $\\|u\\|$), and the id its link goes to, decoded.
 */
function contents() {
  const plainText = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.mjx-math, script, .anchor-link').forEach((e) => e.remove());
    return copy.textContent.replace(/¶/g, '').replace(/\s+/g, ' ').trim();
  };
  const targetOf = (a) => { const f = a.getAttribute('href').slice(1); try { return decodeURIComponent(f); } catch (e) { return f; } };
  const entry = (li) => {
    const a = li.querySelector(':scope > a');
    return {
      title: plainText(a.querySelector('.toc-title') || a),
      dest: targetOf(a),
      children: [...li.querySelectorAll(':scope > ol > li')].map(entry),
    };
  };
  return [...document.querySelectorAll('.print-toc > ol > li')].map(entry);
}

/**
 * Marks the end of each chapter with an empty block (id `<chapter>--end`) and a link to it that is
 * never shown, so that Chromium writes a named destination there: tools/pdfbook.py then reads on
 * which page, and how far down it, each chapter ends. Returns the chapters' ids.
 */
function markChapterEnds() {
  const links = document.createElement('nav');
  links.className = 'chapter-ends';
  links.style.display = 'none';
  const ids = [];
  document.querySelectorAll('article.chapter').forEach((a) => {
    const end = document.createElement('div');
    end.className = 'chapter-end';
    end.id = `${a.id}--end`;
    end.style.cssText = 'height: 0; margin: 0; padding: 0;';
    a.appendChild(end);
    const link = document.createElement('a');
    link.href = `#${encodeURIComponent(end.id)}`;
    links.appendChild(link);
    ids.push(a.id);
  });
  document.body.appendChild(links);
  return ids;
}

/** Running heads: each chapter on pages named after it, whose top margin holds its title
 * (`heads`: {chapter's id: its title as a CSS string}). */
function runningHeads(heads) {
  const rules = [];
  document.querySelectorAll('article.chapter').forEach((article, i) => {
    const name = `chapter-${i}`;
    article.style.page = name;
    rules.push(`@page ${name} { @top-center { content: ${heads[article.id] || 'none'};
      font: italic 8.5pt "DejaVu Serif", serif; color: #59636e; vertical-align: bottom; padding-bottom: 3mm; } }`);
  });
  const style = document.createElement('style');
  style.textContent = rules.join('\n');
  document.head.appendChild(style);
}

/**
 * A contents list whose last page would hold less than a quarter of a page is scaled (CSS zoom)
 * to fit on one page fewer, so that it leaves no near-blank page.
 */
function tightenContents(pageHeight) {
  const toc = document.querySelector('.print-toc');
  const pages = toc.getBoundingClientRect().height / pageHeight;
  const whole = Math.floor(pages);
  if (whole >= 1 && pages - whole > 0 && pages - whole < 0.25) toc.style.zoom = Math.floor((whole / pages) * 960) / 1000;
}

// --- the steps ---------------------------------------------------------------------------------

/** The chapters of the print page's HTML in order: [{id, html}], each from its <article> tag on. */
function chapterPieces(html) {
  return html.split('<article class="chapter" id="').slice(1)
    .map((piece) => ({ id: piece.slice(0, piece.indexOf('"')), html: piece }));
}

/**
 * {chapter id: key}: a hash of what decides how a chapter breaks into pages — its HTML as
 * pageFile has it (`html`), the page's <head> (the print style), the style sheets it links, the
 * page's geometry and this file. Read from the files, not the page, which MathJax changes as it loads.
 */
function chapterKeys(pageFile, html) {
  const folder = path.dirname(path.resolve(pageFile));
  const head = (/<head>[\s\S]*?<\/head>/.exec(html) || [''])[0];
  const sheets = [...head.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)]
    .map((m) => { try { return fs.readFileSync(path.join(folder, m[1]), 'utf8'); } catch (e) { return m[1]; } });
  const common = [fs.readFileSync(__filename, 'utf8'), JSON.stringify(PAGE), head, ...sheets].join('\n');
  const keys = {};
  for (const c of chapterPieces(html)) keys[c.id] = crypto.createHash('sha256').update(common).update(c.html).digest('hex');
  return keys;
}

function readTightened() {
  try { return JSON.parse(fs.readFileSync(TIGHTENED, 'utf8')); } catch (e) { return {}; }
}

/** Zooms each chapter by {id: zoom} (1 or absent: as it is). */
function zoomChapters(zooms) {
  document.querySelectorAll('article.chapter').forEach((a) => { a.style.zoom = zooms[a.id] && zooms[a.id] !== 1 ? String(zooms[a.id]) : ''; });
}

/**
 * Where each chapter ends in the chapters' PDF: [{id, pages, fill}], `pages` the chapter's
 * number of pages and `fill` how far down its last page the text reaches (0 = top, 1 = bottom).
 * `answer` is tools/pdfbook.py's answer to `pages` (pages and the ends' tops in points).
 */
function chapterEnds(ids, answer) {
  const pt = 72 / 25.4;
  const textTop = (PAGE.height - PAGE.top) * pt;
  const textHeight = (PAGE.height - PAGE.top - PAGE.bottom) * pt;
  return ids.filter((id) => id in answer.pages && `${id}--end` in answer.ends).map((id) => {
    const [page, top] = answer.ends[`${id}--end`];
    return { id, pages: page - answer.pages[id] + 1, fill: Math.min(1, Math.max(0, (textTop - top) / textHeight)) };
  });
}
/** Where a link to a chapter printed in another part points: tools/pdfbook.py (LINK_BASE) makes
 *  it a link inside the book. Never fetched. */
const LINK_BASE = 'https://dltheory.invalid/';
/** The book is printed in this many parts at the same time: Chromium lays out and prints a page
 *  on one core, and a part is a page of its own (a renderer of its own). */
const PARTS = 2;

/**
 * The book's chapters in up to `count` parts of consecutive chapters, split where the HTML is
 * shared most evenly (the time to lay out and print a part goes with its size): [[id, …], …].
 */
function splitChapters(html, count) {
  const chapters = chapterPieces(html).map((c) => ({ id: c.id, size: c.html.length }));
  if (count < 2 || chapters.length < 2) return [chapters.map((c) => c.id)];
  const total = chapters.reduce((sum, c) => sum + c.size, 0);
  let best = 1;
  let bestGap = Infinity;
  let before = 0;
  for (let k = 1; k < chapters.length; k += 1) {
    before += chapters[k - 1].size;
    if (Math.abs(before - total / 2) < bestGap) { bestGap = Math.abs(before - total / 2); best = k; }
  }
  return [chapters.slice(0, best).map((c) => c.id), chapters.slice(best).map((c) => c.id)];
}

/**
 * Run in the page before its scripts: once the HTML is parsed, the chapters not in `keep` are
 * removed (before MathJax typesets on load), and the ids they held are kept for linkOutside.
 */
function keepChapters(keep) {
  document.addEventListener('DOMContentLoaded', () => {
    const outside = [];
    document.querySelectorAll('article.chapter').forEach((a) => {
      if (keep.includes(a.id)) return;
      outside.push(a.id);
      a.querySelectorAll('[id]').forEach((e) => outside.push(e.id));
      a.remove();
    });
    window.dltheoryOutside = outside;
  });
}

/** Links to a chapter of another part (Chromium writes no link to a target the page lacks) go
 *  to LINK_BASE#id instead. Returns how many. */
function linkOutside(base) {
  const outside = new Set(window.dltheoryOutside || []);
  let changed = 0;
  document.querySelectorAll('a[href^="#"]').forEach((a) => {
    const f = a.getAttribute('href').slice(1);
    let id = f;
    try { id = decodeURIComponent(f); } catch (e) { /* as written */ }
    if (outside.has(id)) { a.setAttribute('href', `${base}#${encodeURIComponent(id)}`); changed += 1; }
  });
  return changed;
}

/**
 * Every id that a link of the book points to and this page holds gets a link that is never shown
 * (Chromium writes a named destination only for a target that a link of the same page points to:
 * a chapter that only another part links to would have none). Returns how many.
 */
function anchorTargets(targets) {
  const links = document.createElement('nav');
  links.className = 'link-targets';
  links.style.display = 'none';
  for (const id of targets) {
    if (!document.getElementById(id)) continue;
    const a = document.createElement('a');
    a.href = `#${encodeURIComponent(id)}`;
    links.appendChild(a);
  }
  document.body.appendChild(links);
  return links.children.length;
}

/** The ids the links of the print file point to. */
function linkTargets(html) {
  const ids = new Set();
  for (const m of html.matchAll(/href="#([^"]+)"/g)) {
    const f = m[1].replace(/&amp;/g, '&');
    try { ids.add(decodeURIComponent(f)); } catch (e) { ids.add(f); }
  }
  return [...ids];
}

/** One page of the print file with its phases timed ("loaded 2.1 s, …", from `t0`). */
async function openPage(browser, pageFile, t0, keep) {
  const page = await browser.newPage({ viewport: { width: TEXT_WIDTH, height: TEXT_HEIGHT } });
  // DLTHEORY_PDF_PROFILE=1: the renderer's CPU time (Chromium's TaskDuration) by phase too
  const cdp = process.env.DLTHEORY_PDF_PROFILE === '1' ? await page.context().newCDPSession(page) : null;
  if (cdp) await cdp.send('Performance.enable');
  let busy = 0;
  const phases = [];
  const phase = async (name) => {
    let cpu = '';
    if (cdp) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const now = metrics.find((m) => m.name === 'TaskDuration').value;
      cpu = ` (renderer ${(now - busy).toFixed(1)} s)`;
      busy = now;
    }
    phases.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s${cpu}`);
  };
  // Offline, and only the site's own files: a request for anything outside the folder of the
  // print page (the web, /etc, a file a notebook names) is refused.
  const siteUrl = pathToFileURL(path.dirname(path.resolve(pageFile))).href + '/';
  await page.route((url) => !url.href.startsWith(siteUrl), (route) => route.abort());
  await page.emulateMedia({ media: 'print' });
  if (keep) await page.addInitScript(keepChapters, keep);
  return { page, phases, phase };
}

/**
 * Steps 1-3 on a page: loaded, typeset, fonts loaded, display maths and tables fitted and
 * checked. Returns what was scaled.
 */
async function typesetAndFit(part, pageFile) {
  const { page, phase } = part;
  await page.goto(pathToFileURL(path.resolve(pageFile)).href, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.MathJax && window.MathJax.isReady, null, { timeout: 120_000 });
  await phase('loaded');
  await page.evaluate(() => new Promise((resolve) => window.MathJax.Hub.Queue(resolve)));
  await phase('math typeset');
  const errors = await page.evaluate(() => document.querySelectorAll('.MathJax_Error, merror').length);
  if (errors) throw new Error(`${errors} MathJax error(s) in ${pageFile}`);
  const missingFonts = await page.evaluate(loadMathFonts);
  if (missingFonts.length) throw new Error(`MathJax font(s) not loaded: ${missingFonts.join(', ')}`);
  const scaled = await page.evaluate(fitToText, MIN_SCALE);
  const tooWide = await page.evaluate(checkFit, MIN_SCALE);
  if (tooWide.length) {
    throw new Error(`${tooWide.length} formula(s) or table(s) wider than the text (${TEXT_WIDTH} px):\n  `
      + `${tooWide.join('\n  ')}\n(break the formula into lines, or narrow the table)`);
  }
  await phase(`fitted (${scaled.length} scaled${scaled.length ? ` to ${Math.round(100 * Math.min(...scaled.map((s) => s.scale)))}`
    + `–${Math.round(100 * Math.max(...scaled.map((s) => s.scale)))} %` : ''})`);
  await page.addStyleTag({ content: pageRules() });
  return scaled;
}

const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false };

/**
 * A part of the book made ready to print (steps 1-4 but the print): typeset and fitted, running
 * heads, links to other parts, the front matter hidden, each chapter's end marked and its zoom
 * found. No chapter ends with a near-blank page: one whose last page would hold less than
 * STUB_FILL of a page is zoomed to end a page sooner. Where each chapter ends is read from drafts:
 * the same pages with nothing painted (visibility: hidden), which lay out as the book does (the
 * same pages, the same destinations) in two thirds of a print's time. The zooms are kept
 * (TIGHTENED), with each chapter's number of pages: a run whose chapters are all as before applies
 * them, makes no draft, and knows each part's number of pages before printing. Sets `part.ids`,
 * `part.toc`, `part.zooms`, `part.floor`, `part.scaled` and `part.count` (the part's number of
 * pages, null when not known before printing).
 */
async function prepare(part, pageFile, keys, kept, tool, draftFile, targets) {
  const { page, phase } = part;
  part.scaled = await typesetAndFit(part, pageFile);
  part.toc = await page.evaluate(contents);
  await page.evaluate(runningHeads, Object.fromEntries(part.toc.map((c) => [c.dest, cssString(c.title)])));
  await page.evaluate(linkOutside, LINK_BASE);
  await page.evaluate(anchorTargets, targets);
  // Only the chapters: the front matter hidden, and each chapter laid out on the screen only
  // when in view again (content-visibility: auto, as while MathJax typeset), which spares
  // Chromium a second full layout when it returns from printing. Inline styles on a few
  // elements, not a class on <body>, so that no style of the whole page is recomputed.
  await page.evaluate(() => {
    document.querySelectorAll('.front').forEach((e) => { e.style.display = 'none'; });
    document.querySelectorAll('article.chapter').forEach((a) => { a.style.contentVisibility = ''; });
  });
  const ids = await page.evaluate(markChapterEnds);
  const zooms = {};
  for (const id of ids) if (kept[id] && kept[id].key === keys[id]) zooms[id] = kept[id].zoom;
  await page.evaluate(zoomChapters, zooms);
  const floor = new Set();  // chapters that would need less than MIN_TIGHTEN
  let count = ids.every((id) => id in zooms && Number.isInteger(kept[id].pages))
    ? ids.reduce((sum, id) => sum + kept[id].pages, 0) : null;
  if (ids.some((id) => !(id in zooms))) {
    const draft = await page.addStyleTag({ content: 'body.print * { visibility: hidden !important; }' });
    const tightened = [];
    let drafts = 0;
    for (let round = 0; round <= TIGHTEN_ROUNDS; round += 1) {
      await page.pdf({ ...PDF_OPTIONS, path: draftFile });
      drafts += 1;
      const answer = await tool.call({ step: 'pages', pdf: draftFile });
      count = answer.count;
      const stubs = chapterEnds(ids, answer).filter((c) => c.pages > 1 && c.fill < STUB_FILL);
      const tighter = [];
      for (const c of round < TIGHTEN_ROUNDS ? stubs : []) {
        // the chapter's text in pages, (pages - 1) + fill, to fit in pages - 1 with a tenth to
        // spare, and by 1.5 % at least: a block that may not break moves a whole block of lines
        const zoom = Math.floor((zooms[c.id] || 1) * Math.min((c.pages - 1.1) / (c.pages - 1 + c.fill), 0.985) * 1000) / 1000;
        if (zoom >= MIN_TIGHTEN) { zooms[c.id] = zoom; tighter.push(c.id); } else floor.add(c.id);
      }
      if (!tighter.length) break;
      tightened.push(...tighter.filter((id) => !tightened.includes(id)));
      await page.evaluate(zoomChapters, zooms);
    }
    await draft.evaluate((e) => e.remove());
    await phase(`laid out (${drafts} draft${drafts > 1 ? 's' : ''}${tightened.length ? `; near-blank last page, tightened: `
      + `${tightened.map((id) => `${id} to ${Math.round(1000 * zooms[id]) / 10} %`).join(', ')}` : ''})`);
  }
  Object.assign(part, { ids, zooms, floor, count });
}

/** Prints a part whose first page is number `start`; returns tools/pdfbook.py's `pages` answer. */
async function printPart(part, start, file, tool) {
  await part.page.evaluate((n) => { document.documentElement.style.counterReset = `page ${n}`; }, start - 1);
  await part.page.pdf({ ...PDF_OPTIONS, path: file });
  const tight = Object.values(part.zooms).filter((z) => z !== 1).length;
  await part.phase(`chapters printed${tight ? ` (${tight} tightened)` : ''}${start > 1 ? ` from page ${start}` : ''}`);
  return tool.call({ step: 'pages', pdf: file });
}

/** Prints pageFile to outFile with `browser` (a Playwright Browser); returns a short summary. */
async function printBook(browser, pageFile, outFile) {
  const t0 = Date.now();
  const html = fs.readFileSync(pageFile, 'utf8');
  const book = html.includes('class="print-toc');
  if (!book) {  // one pass: steps 1-4, without Python
    const single = await openPage(browser, pageFile, t0, null);
    try {
      const scaled = await typesetAndFit(single, pageFile);
      await single.page.pdf({ ...PDF_OPTIONS, path: outFile });
      await single.phase('printed');
      console.log(`pdf: ${single.phases.join(', ')}`);
      reportScaled(scaled);
    } finally {
      await single.page.close();
    }
    return `${(fs.statSync(outFile).size / 1e6).toFixed(1)} MB`;
  }
  const split = splitChapters(html, PARTS);
  const files = split.map((_, k) => `${outFile}.part${k + 1}.pdf`);
  const drafts = split.map((_, k) => `${outFile}.part${k + 1}.draft.pdf`);
  const frontFile = `${outFile}.front.pdf`;
  const tool = startPdfTool();
  const parts = [];
  try {
    for (const keep of split) parts.push(await openPage(browser, pageFile, t0, split.length > 1 ? keep : null));
    const keys = chapterKeys(pageFile, html);
    const kept = readTightened();
    const targets = split.length > 1 ? linkTargets(html) : [];
    await Promise.all(parts.map((part, k) => prepare(part, pageFile, keys, kept, tool, drafts[k], targets)));
    // Each part starts on the page after the last of the part before. When every part's number
    // of pages is known (drafts, or the zooms kept), the parts print at the same time; otherwise
    // one after the other. A part that did not start where it was printed to is printed again.
    const starts = [1];
    const known = parts.slice(0, -1).every((p) => p.count !== null);
    for (const p of parts.slice(0, -1)) starts.push(known ? starts[starts.length - 1] + p.count : null);
    const answers = [];
    if (known) {
      answers.push(...await Promise.all(parts.map((p, k) => printPart(p, starts[k], files[k], tool))));
    } else {
      for (let k = 0; k < parts.length; k += 1) {
        if (k > 0) starts[k] = starts[k - 1] + answers[k - 1].count;
        answers.push(await printPart(parts[k], starts[k], files[k], tool));
      }
    }
    for (let k = 1; k < parts.length; k += 1) {
      const start = starts[k - 1] + answers[k - 1].count;
      if (start !== starts[k]) {
        starts[k] = start;
        answers[k] = await printPart(parts[k], start, files[k], tool);
      }
    }
    const numbers = {};
    const now = Object.fromEntries(Object.entries(kept).filter(([id]) => !parts.some((p) => p.ids.includes(id))));
    const stubs = [];
    parts.forEach((part, k) => {
      for (const [id, n] of Object.entries(answers[k].pages)) numbers[id] = starts[k] - 1 + n;
      const ends = chapterEnds(part.ids, answers[k]);
      stubs.push(...ends.filter((c) => c.pages > 1 && c.fill < STUB_FILL).map((c) => ({ ...c, floor: part.floor.has(c.id) })));
      // this book's chapters as printed now (1: as they are); other books' (the tests') as they were
      for (const c of ends) now[c.id] = { key: keys[c.id], zoom: part.zooms[c.id] || 1, pages: c.pages };
    });
    if (stubs.length) {
      console.log(`pdf: a near-blank last page is left in ${stubs.map((c) => `${c.id} (${Math.round(100 * c.fill)} % of a page, `
        + `${c.floor ? `it would have to shrink below ${Math.round(100 * MIN_TIGHTEN)} %` : `after ${TIGHTEN_ROUNDS} tries`})`).join(', ')}`);
    }
    try {
      fs.mkdirSync(path.dirname(TIGHTENED), { recursive: true });
      fs.writeFileSync(TIGHTENED, `${JSON.stringify(now, null, 1)}\n`);
    } catch (e) { /* a folder that cannot be written: the next run makes its drafts again */ }
    // The front matter (title page, contents with page numbers), printed from the first part.
    const front = parts[0];
    const missing = await front.page.evaluate((pages) => {
      const targetOf = (a) => {
        const href = a.getAttribute('href');
        const f = href.slice(href.indexOf('#') + 1);
        try { return decodeURIComponent(f); } catch (e) { return f; }
      };
      const absent = [];
      document.querySelectorAll('.print-toc a[href*="#"]').forEach((a) => {
        const id = targetOf(a);
        const slot = a.querySelector('.toc-page');
        if (!(id in pages)) absent.push(id); else if (slot) slot.textContent = String(pages[id]);
      });
      document.documentElement.style.counterReset = '';
      document.querySelectorAll('.front').forEach((e) => { e.style.display = ''; });
      document.querySelectorAll('article.chapter').forEach((e) => { e.style.display = 'none'; });
      return absent;
    }, numbers);
    await front.page.evaluate(tightenContents, TEXT_HEIGHT);
    if (missing.length) throw new Error(`no page found for contents entries: ${missing.join(', ')}`);
    await front.page.pdf({ ...PDF_OPTIONS, path: frontFile });
    await front.phase('contents printed');
    const made = await tool.call({ step: 'book', front: frontFile, main: files, out: outFile, outline: parts[0].toc });
    await front.phase(`book assembled (${made.pages} pages, ${made.bookmarks} bookmarks)`);
    parts.forEach((part, k) => {
      const named = split.length > 1 ? `part ${k + 1} of ${split.length} (${part.ids.join(', ')}): ` : '';
      console.log(`pdf: ${named}${part.phases.join(', ')}`);
    });
    reportScaled(parts.flatMap((p) => p.scaled));
  } finally {
    tool.close();
    await Promise.all(parts.map((p) => p.page.close()));
    for (const f of [...files, ...drafts, frontFile]) fs.rmSync(f, { force: true });
  }
  return `${(fs.statSync(outFile).size / 1e6).toFixed(1)} MB`;
}

function reportScaled(scaled) {
  if (scaled.length) console.log(`pdf: scaled to the text's width: ${scaled.map((s) => `${s.what} to ${Math.round(100 * s.scale)} %`).join('; ')}`);
}

module.exports = { printBook, PAGE, TEXT_WIDTH, MIN_SCALE, STUB_FILL, fitToText, checkFit, loadMathFonts };
