'use strict';
// Issue 10, part 2: the static site as a reader gets it, offline: site/index.html and every page
// opened from disk (file://) and over a loopback HTTP server, in headless Chromium that may not
// reach anything but this machine. Checks: math typeset by the local MathJax (and no MathJax
// errors, no raw TeX), every image loaded, every link of the index and every previous/next link
// resolves, no request leaves the machine. Screenshots in target/browser/.
//
// The site is what bin/site wrote; this test does not build it (bin/test runs bin/site first).

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL, fileURLToPath } = require('node:url');
const {
  ROOT, ON_CI, browserUnavailable, launchBrowser, isLocalUrl, screenshot, shotPath, shorten,
} = require('./helpers/env');
const { serve } = require('./helpers/static');

const SITE = path.join(ROOT, 'site');
const INDEX = path.join(SITE, 'index.html');
const NOTEBOOKS = path.join(ROOT, 'notebooks');
const MATHJAX_VERSION = '2.7.9';
const pages = fs.existsSync(SITE)
  ? fs.readdirSync(SITE).filter((f) => /^\d\d-.*\.html$/.test(f)).sort() // print.html is the PDF's source
  : [];
const notebookStems = fs.existsSync(NOTEBOOKS)
  ? fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb')).map((f) => f.replace(/\.ipynb$/, '')).sort()
  : [];
const TEX = /\$\$[\s\S]+?\$\$|\$[^$\n]+?\$|\\\([\s\S]+?\\\)|\\\[[\s\S]+?\\\]|\\begin\{[a-z*]+\}/;

/** Whether the Markdown of notebooks/<stem>.ipynb has TeX in it (so its page must show typeset math). */
function notebookHasMath(stem) {
  const file = path.join(NOTEBOOKS, `${stem}.ipynb`);
  if (!fs.existsSync(file)) return null;
  const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  return nb.cells.some((c) => c.cell_type === 'markdown'
    && TEX.test([].concat(c.source).join('').replace(/```[\s\S]*?```|`[^`\n]*`/g, '')));
}

const SUITE = 'the static site, offline, in headless Chromium';
const unavailable = browserUnavailable();

/**
 * A suite that reads the built site in a browser (one per concern below), with the scaffolding
 * they all share: skipped with the reason when no browser can run here, and failed on CI, where it
 * must run; else `describe(name, options)` whose set-up checks that site/ is built, launches the
 * browser and runs the suite's own `site.prepare(fn)` steps, and whose tear-down runs its
 * `site.cleanup(fn)` steps and closes the browser. `body(site)` declares the tests; each starts
 * with `site.ready()`, which fails it with the set-up's error, so that a broken set-up counts as
 * failures rather than a skip. `site.browser` is the browser once the set-up ran.
 */
function siteSuite(name, options, body) {
  if (unavailable) {
    if (ON_CI) test(name, () => assert.fail(`browser tests cannot run on CI: ${unavailable}`));
    else test(name, { skip: `browser tests skipped: ${unavailable}` }, () => {});
    return;
  }
  const steps = [];
  const cleanups = [];
  const site = {
    browser: null,
    setupError: null,
    prepare(fn) { steps.push(fn); },
    cleanup(fn) { cleanups.push(fn); },
    ready() { if (site.setupError) assert.fail(site.setupError.message); },
  };
  describe(name, options, () => {
    before(async () => {
      try {
        if (!fs.existsSync(INDEX)) {
          throw new Error(`site/index.html is missing (${INDEX}): build the site first with bin/site `
            + '(bin/test does this before the browser tests)');
        }
        site.browser = await launchBrowser();
        for (const step of steps) await step();
      } catch (e) {
        site.setupError = e;
      }
    }, { timeout: 120_000 });
    after(async () => {
      for (const step of cleanups) await step().catch(() => {});
      if (site.browser) await site.browser.close();
    });
    body(site);
  });
}

siteSuite(SUITE, {}, (site) => {
  let http;
  const base = {};
  site.prepare(async () => {
    http = await serve(SITE);
    base.file = pathToFileURL(`${SITE}/`).href;
    base.http = http.base;
  });
  site.cleanup(async () => { if (http) await http.close(); });

  test('site/ has one page per notebook', () => {
    site.ready();
    const missing = notebookStems.filter((s) => !pages.includes(`${s}.html`));
    assert.deepEqual(missing, [], `notebooks without a page in site/: ${missing.join(', ')} (is site/ older than notebooks/? run bin/site)`);
    assert.ok(pages.length > 0, 'site/ has no notebook pages');
  });

  for (const mode of ['file', 'http']) {
    const how = mode === 'file' ? 'file://' : 'loopback HTTP';
    // two pages at a time: each spends most of its time typesetting math, on one core
    describe(`opened ${mode === 'file' ? 'from disk (file://)' : 'over loopback HTTP'}`, { concurrency: 2 }, () => {
      test(`index.html (${how})`, { timeout: 120_000 }, async (t) => {
        site.ready();
        await checkPage(t, site.browser, base[mode], 'index.html', mode, { index: true });
      });
      pages.forEach((page, i) => {
        test(`${page} (${how})`, { timeout: 120_000 }, async (t) => {
          site.ready();
          await checkPage(t, site.browser, base[mode], page, mode, {
            prev: i > 0 ? pages[i - 1] : null,
            next: i + 1 < pages.length ? pages[i + 1] : null,
            shots: mode === 'file' || undefined,
          });
        });
      });
    });
  }
});

async function checkPage(t, browser, baseUrl, name, mode, expect) {
  const label = `site/${name} (${mode === 'file' ? 'file://' : 'http'})`;
  const url = new URL(name, baseUrl).href;
  const page = await browser.context.newPage();
  const failures = [];
  const offsite = [];
  const broken = [];
  page.on('requestfailed', (r) => {
    if (!isLocalUrl(r.url())) offsite.push(r.url());
    else broken.push(`${shorten(r.url(), 120)} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) broken.push(`${shorten(r.url(), 120)} (HTTP ${r.status()})`);
  });
  const jsErrors = [];
  page.on('pageerror', (e) => jsErrors.push(shorten(e.message, 160)));
  const stem = name.replace(/\.html$/, '');
  let focus = null;
  let shot = null;
  try {
    const res = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (mode === 'http') assert.equal(res.status(), 200, `${label}: expected HTTP 200`);

    // Math: MathJax 2.7.9 from a relative URL, done typesetting, nothing left raw or in error.
    const math = await typesetMath(page);
    if (!math.script) {
      failures.push('MathJax: expected a <script src=".../MathJax.js"> on the page, found none');
    } else if (/^([a-z][a-z0-9+.-]*:)?\/\//i.test(math.script) || math.script.startsWith('/')) {
      failures.push(`MathJax: expected a relative URL (works offline and from disk), found src="${math.script}"`);
    }
    if (!math.loaded) {
      failures.push(`MathJax: did not load from "${math.script}" within 60 s (is site/mathjax/ complete?)`);
    } else if (math.version !== MATHJAX_VERSION) {
      failures.push(`MathJax: expected version ${MATHJAX_VERSION}, found ${math.version}`);
    }
    const mustHaveMath = expect.index ? false : notebookHasMath(stem);
    if (mustHaveMath && math.typeset === 0) {
      failures.push('math: the notebook\'s Markdown has LaTeX, but no formula was typeset (0 MathJax elements)');
    }
    if (math.scripts > math.typeset) {
      failures.push(`math: MathJax found ${math.scripts} formulas but typeset only ${math.typeset}`);
    }
    for (const e of math.errors) failures.push(`math: expected zero MathJax errors, found ${shorten(e, 120)}`);
    for (const r of math.raw) failures.push(`math: expected typeset math, raw TeX left in the text: ${shorten(r, 120)}`);
    if (math.errors.length || math.raw.length) focus ??= '.MathJax_Error, .mjx-noError, .noError, merror, .mjx-mtext[style*="red"]';

    // Images: every <img> loaded; every inline SVG output has a size.
    const images = await page.evaluate(async () => {
      const imgs = [...document.images];
      await Promise.all(imgs.map((img) => (img.complete ? null : new Promise((r) => {
        img.addEventListener('load', r, { once: true });
        img.addEventListener('error', r, { once: true });
        setTimeout(r, 15_000);
      }))));
      const svgs = [...document.querySelectorAll('.jp-OutputArea-output svg, .output_area svg, .jp-RenderedSVG svg')]
        .filter((s) => !s.parentElement.closest('svg'));
      return {
        bad: imgs.filter((i) => !(i.complete && i.naturalWidth > 0))
          .map((i) => ({ src: i.getAttribute('src') || '', alt: i.alt || '' })),
        imgs: imgs.length,
        svgs: svgs.length,
        badSvgs: svgs.filter((s) => { const r = s.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); }).length,
      };
    });
    for (const b of images.bad) {
      failures.push(`image not loaded (naturalWidth 0): <img src="${shorten(b.src, 100)}"${b.alt ? ` alt="${shorten(b.alt, 60)}"` : ''}>`);
    }
    if (images.bad.length) focus ??= 'img';
    if (images.badSvgs) failures.push(`${images.badSvgs} inline SVG plot(s) have no size`);

    // Links.
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => ({
      href: a.getAttribute('href'), abs: a.href, rel: a.getAttribute('rel') || '', text: a.textContent.trim(),
      nav: !!a.closest('nav'),
    })));
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id], a[name]')]
      .map((e) => e.id || e.getAttribute('name')));
    if (expect.index) {
      const listed = links.filter((l) => !l.href.startsWith('#') && isLocalUrl(l.abs) && /\.html([?#]|$)/.test(l.href))
        .filter((l) => !/^(index|claims|gallery|references|run)\.html([?#]|$)/.test(l.href)) // not notebooks' pages
        .map((l) => l.href.split(/[?#]/)[0]);
      const expected = pages;
      const order = listed.filter((h, i) => listed.indexOf(h) === i);
      if (JSON.stringify(order) !== JSON.stringify(expected)) {
        failures.push(`index: expected links to every notebook page in order [${expected.join(', ')}], found [${order.join(', ')}]`);
      }
      for (const l of links) {
        const why = await unresolved(page, l, ids);
        if (why) failures.push(`index link "${shorten(l.text, 60)}" → ${l.href}: ${why}`);
      }
      t.diagnostic(`${label}: ${links.length} link(s), all checked; ${math.typeset} formula(s)`);
    } else {
      for (const [rel, want] of [['prev', expect.prev], ['next', expect.next]]) {
        const found = links.filter((l) => l.rel.split(/\s+/).includes(rel));
        const hrefs = [...new Set(found.map((l) => l.href))];
        if (want && hrefs.length === 0) failures.push(`navigation: expected a ${rel === 'prev' ? 'previous' : 'next'} link (rel="${rel}") to ${want}, found none`);
        if (!want && hrefs.length) failures.push(`navigation: expected no ${rel === 'prev' ? 'previous' : 'next'} link on this page, found ${hrefs.join(', ')}`);
        if (want && hrefs.length && hrefs.some((h) => h.split('#')[0] !== want)) {
          failures.push(`navigation: expected the ${rel === 'prev' ? 'previous' : 'next'} link to point to ${want}, found ${hrefs.join(', ')}`);
        }
      }
      const home = links.filter((l) => l.nav && l.href.split('#')[0] === 'index.html');
      if (home.length === 0) failures.push('navigation: expected a link back to index.html in the page\'s navigation, found none');
      // Every link to another document (previous/next, home, and any in the text) must resolve.
      for (const l of links) {
        if (!isLocalUrl(l.abs)) continue; // a link to the web: a reader offline cannot follow it anyway
        const why = await unresolved(page, l, ids);
        if (why) failures.push(`link "${shorten(l.text, 60)}"${l.rel ? ` (rel=${l.rel})` : ''} → ${l.href}: ${why}`);
      }
      t.diagnostic(`${label}: ${math.typeset} formula(s), ${images.imgs} image(s), ${images.svgs} inline SVG plot(s), `
        + `previous ${expect.prev || '—'}, next ${expect.next || '—'}`);
    }

    // Offline: nothing may have been fetched from outside this machine, nothing local may be broken.
    for (const u of [...new Set(offsite)]) failures.push(`offline: the page requested ${shorten(u, 120)} (only local files and loopback are allowed)`);
    for (const b of [...new Set(broken)]) failures.push(`broken resource: ${b}`);
    if (jsErrors.length) t.diagnostic(`${label}: JavaScript errors: ${jsErrors.slice(0, 3).join(' | ')}`);

    if (expect.index || expect.shots || failures.length) {
      const tag = `site-${stem}-${mode}`;
      shot = await shootAt(page, focus, tag);
      if (!expect.index && !failures.length) {
        // A second picture of the first plot, where the page has one.
        const plot = await page.$('.jp-OutputArea-output img, .jp-RenderedSVG svg, .jp-OutputArea-output svg');
        if (plot) {
          await plot.evaluate((e) => e.scrollIntoView({ block: 'center' }));
          await screenshot(page, `${tag}-plot`);
        }
      }
    }
  } catch (e) {
    failures.push(e.message);
  } finally {
    if (failures.length && !shot) shot = await shootAt(page, focus, `site-${stem}-${mode}`);
    await page.close().catch(() => {});
  }
  if (failures.length) assert.fail(`${label}:\n  - ${[...new Set(failures), `screenshot: ${shot}`].join('\n  - ')}`);
}

async function typesetMath(page) {
  const script = await page.evaluate(() => {
    const s = document.querySelector('script[src*="MathJax.js"]');
    return s ? s.getAttribute('src') : null;
  });
  const loaded = await page.waitForFunction(() => window.MathJax && window.MathJax.Hub && window.MathJax.isReady,
    null, { timeout: 60_000 }).then(() => true).catch(() => false);
  if (loaded) {
    await page.evaluate(() => new Promise((resolve) => {
      MathJax.Hub.Queue(() => resolve());
      setTimeout(resolve, 60_000);
    }));
  }
  const res = await page.evaluate((texSource) => {
    const tex = new RegExp(texSource);
    const frames = document.querySelectorAll('span.MathJax_CHTML, span.MathJax, span.MathJax_SVG, mjx-container');
    const cells = [...document.querySelectorAll('.jp-Cell, .cell')];
    const where = (el) => {
      const cell = el.closest('.jp-Cell, .cell');
      return cell ? `cell ${cells.indexOf(cell) + 1}: ` : '';
    };
    const errors = [...document.querySelectorAll('.MathJax_Error, .mjx-noError, .noError, merror, [data-mjx-error]')]
      .filter((e) => !e.closest('.MJX_Assistive_MathML'))
      .map((e) => `${where(e)}${e.getAttribute('data-mjx-error') || e.textContent}`);
    // MathJax 2's noUndefined extension shows an unknown macro as red "\name" instead of failing.
    frames.forEach((f) => {
      f.querySelectorAll('[style*="color: red"], [style*="color:red"]').forEach((e) => {
        if (!e.closest('.MJX_Assistive_MathML')) errors.push(`${where(e)}undefined macro ${e.textContent}`);
      });
    });
    const containers = document.querySelectorAll('.jp-MarkdownOutput, .jp-RenderedMarkdown, .text_cell_render');
    const raw = [];
    (containers.length ? [...containers] : [document.body]).forEach((c) => {
      const clone = c.cloneNode(true);
      clone.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_Preview, .MathJax_CHTML, .MJXc-display, .MathJax_SVG, mjx-container, script, style, code, pre')
        .forEach((n) => n.remove());
      const m = clone.textContent.match(tex);
      if (m) raw.push(`${where(c)}${m[0]}`);
    });
    return {
      version: window.MathJax && window.MathJax.version,
      typeset: frames.length,
      scripts: document.querySelectorAll('script[type^="math/tex"]').length,
      errors: [...new Set(errors)],
      raw,
    };
  }, TEX.source);
  return { script, loaded, ...res };
}

/** Why a link does not resolve, or null: the target file must exist (file://) or answer 200 (http). */
async function unresolved(page, link, ids) {
  if (link.href.startsWith('#')) {
    // As browsers do: the fragment as written, then percent-decoded.
    const raw = link.href.slice(1);
    let decoded = raw;
    try { decoded = decodeURIComponent(raw); } catch { /* keep raw */ }
    return raw === '' || ids.includes(raw) || ids.includes(decoded) ? null : `no element with id "${raw}" on this page`;
  }
  if (/^(mailto|tel|javascript):/i.test(link.href)) return null;
  if (!isLocalUrl(link.abs)) return null; // outside links cannot be followed offline; not checked
  const target = new URL(link.abs);
  target.hash = '';
  if (target.protocol === 'file:') {
    const file = fileURLToPath(target);
    if (!fs.existsSync(file)) return `expected the file ${path.relative(ROOT, file)} to exist`;
    if (fs.statSync(file).isDirectory() && !fs.existsSync(path.join(file, 'index.html'))) return 'a folder without index.html';
    return null;
  }
  try {
    const res = await page.request.get(target.href, { timeout: 30_000, maxRedirects: 5 });
    return res.status() === 200 ? null : `expected HTTP 200, got ${res.status()}`;
  } catch (e) {
    return `request failed: ${shorten(e.message, 100)}`;
  }
}

async function shootAt(page, selector, name) {
  if (selector) {
    await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (el) el.scrollIntoView({ block: 'center' });
    }, selector).catch(() => {});
  } else {
    await page.evaluate(() => window.scrollTo(0, 0)).catch(() => {});
  }
  return screenshot(page, name);
}

// Issue 19: the site as a book. Every page (file://) at 1280 px and at 390 px: prose lines of at
// most MAX_CHARS characters in a font of at least 16 px, no visible prompt, every chart a numbered
// figure with a caption and an alt text from its title, nothing scrolls sideways, a sidebar with
// every page and this page's sections, the download link to a copy of the notebook; search finds a
// word of notebook 04 from another page; site/dltheory.pdf has every notebook, in order, each from
// a page of its own (pdftotext, from Debian's poppler-utils). Screenshots in target/browser/.
const { execFileSync } = require('node:child_process');
const book = require('./helpers/book');

const MAX_CHARS = 90;
const MIN_FONT_PX = 16;
const MAX_COLUMN_EM = 45;
const BOOK = 'the static site as a book (issue 19)';

function notebookTitle(stem) {
  const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, `${stem}.ipynb`), 'utf8'));
  for (const c of nb.cells) {
    const first = [].concat(c.source).join('').trim().split('\n')[0];
    if (c.cell_type === 'markdown' && first.startsWith('#')) return first.replace(/^#+\s*/, '');
  }
  return stem;
}

/** A word of notebook 04's Markdown that no other notebook has (what search must find elsewhere). */
function wordOnlyIn(stem) {
  const words = (s) => new Set((JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, `${s}.ipynb`), 'utf8')).cells
    .filter((c) => c.cell_type === 'markdown').map((c) => [].concat(c.source).join('')).join(' ')
    .replace(/\$[^$]*\$/g, ' ').match(/[A-Za-z]{8,}/g) || []).map((w) => w.toLowerCase()));
  const mine = words(stem);
  for (const other of notebookStems.filter((s) => s !== stem)) for (const w of words(other)) mine.delete(w);
  const sorted = [...mine].sort();
  return ['salimans', 'equicorrelated'].find((w) => mine.has(w)) || sorted[0];
}

function commandMissing(cmd) {
  try { execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }); return false; } catch { return true; }
}

siteSuite(BOOK, { concurrency: 2 }, (site) => {

  for (const name of ['index.html', ...pages]) {
    for (const width of [1280, 390]) {
      test(`${name} at ${width} px`, { timeout: 120_000 }, async (t) => {
        site.ready();
        await checkBookPage(t, site.browser, name, width);
      });
    }
  }

  test('search finds a word of notebook 04 from another page, offline', { timeout: 120_000 }, async (t) => {
    site.ready();
    const target = pages.find((p) => p.startsWith('04-'));
    const from = pages.find((p) => p.startsWith('01-')) || pages[0];
    assert.ok(target, 'no page 04-*.html in site/');
    const word = wordOnlyIn(target.replace(/\.html$/, ''));
    assert.ok(word, 'notebook 04 has no word of its own to search for');
    const page = await site.browser.context.newPage();
    try {
      await page.goto(pathToFileURL(path.join(SITE, from)).href, { waitUntil: 'load' });
      await page.fill('#search-input', word);
      const hits = await page.waitForFunction(() => {
        const list = document.getElementById('search-results');
        const links = [...list.querySelectorAll('a')].map((a) => a.getAttribute('href'));
        return !list.hidden && (links.length || list.textContent) ? { links, text: list.textContent } : null;
      }, null, { timeout: 30_000 }).then((h) => h.jsonValue());
      t.diagnostic(`search on ${from} for "${word}": ${hits.links.slice(0, 5).join(', ')}`);
      await screenshot(page, 'book-search');
      assert.ok(hits.links.some((h) => h.split('#')[0] === target),
        `search for "${word}" (a word only notebook 04 has) on ${from}: expected a result on ${target}, got [${hits.links.join(', ')}] ${shorten(hits.text, 120)}`);
      await page.click(`#search-results a[href^="${target}"]`);
      await page.waitForURL((u) => u.pathname.endsWith(`/${target}`), { timeout: 30_000 });
    } finally {
      await page.close();
    }
  });

  test('site/dltheory.pdf: every notebook in order, each from a new page, with page numbers', { timeout: 120_000 }, (t) => {
    const pdf = path.join(SITE, 'dltheory.pdf');
    assert.ok(fs.existsSync(pdf), 'site/dltheory.pdf is missing (bin/site prints it; see its output)');
    for (const cmd of ['pdftotext', 'pdfinfo']) {
      if (commandMissing(cmd)) {
        if (ON_CI) assert.fail(`${cmd} is missing: run environment/site.sh (poppler-utils)`);
        t.skip(`${cmd} is missing: run environment/site.sh (poppler-utils)`);
        return;
      }
    }
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const sheets = text.split('\f').slice(0, count);
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    // A chapter's page: its running head (the chapter's title), its text, its number at the foot.
    const lines = sheets.map((s) => s.split('\n').map(norm).filter(Boolean));
    assert.ok(count >= notebookStems.length + 2, `expected at least ${notebookStems.length + 2} pages, found ${count}`);
    let last = 0;
    const firsts = [];
    // The title as text (math in a title is typeset, so only the part before it is compared).
    const titles = notebookStems.map((stem) => norm(notebookTitle(stem).split('$')[0]));
    notebookStems.forEach((stem, k) => {
      // its first page: the running head, then the title
      const starts = lines.map((l, i) => (l.length > 1 && l[0].startsWith(titles[k])
        && l.slice(1).join(' ').startsWith(titles[k]) ? i + 1 : 0)).filter(Boolean);
      assert.ok(starts.length, `no page of the PDF starts with notebook ${stem}'s title "${titles[k]}"`);
      const first = starts[0];
      assert.ok(first > last, `notebook ${stem} starts on page ${first}, not after the previous notebook (page ${last})`);
      t.diagnostic(`${stem}: from page ${first}`);
      firsts.push(first);
      last = first;
    });
    // the book closes with its References (a chapter of their own, headed "References")
    const references = lines.findIndex((l, i) => i + 1 > last && l.length > 1 && l[0] === 'References'
      && l[1].startsWith('References')) + 1;
    firsts.forEach((first, k) => {
      const end = k + 1 < firsts.length ? firsts[k + 1] - 1 : (references > 0 ? references - 1 : count);
      for (let p = first; p <= end; p += 1) {
        assert.ok(lines[p - 1][0].startsWith(titles[k]), `page ${p} has no running head "${titles[k]}": "${lines[p - 1][0]}"`);
      }
    });
    for (let p = references > 0 ? references : count + 1; p <= count; p += 1) {
      assert.equal(lines[p - 1][0], 'References', `page ${p} of the References has no running head "References"`);
    }
    // Exercises on paper are their questions: no answer or self-check cell (issue 34: four
    // chapters ended on a page holding only the last exercise's two cells and "not answered yet").
    const checkCells = lines.map((l, i) => (l.some((x) => /Exercise \d+\.\d+: not answered yet|Exercise\.check\(/.test(x)) ? i + 1 : 0)).filter(Boolean);
    assert.deepEqual(checkCells, [], `pages with an exercise's answer or check cell: ${checkCells.join(', ')}`);
    // The front matter (title page, contents: i, ii, …), then the chapters from page 1: every
    // chapter page's last line is its number.
    const front = firsts[0] - 1;
    const numbered = lines.slice(front).filter((l, i) => l[l.length - 1] === String(i + 1)).length;
    assert.equal(numbered, count - front, `expected the page number on every page from the first chapter on, found it on ${numbered}`);
    assert.match(norm(sheets[1]), /^Contents .* 1 /, 'expected the contents, with page numbers, on page ii');
    // No heading is split across two pages (issue 34: "5.6 A convention, not an error: the layout
    // of the" at the foot of a page, "Jacobian" at the top of the next): every entry of the
    // contents is whole on one page of the chapters.
    const split = splitHeadings(fs.readFileSync(path.join(SITE, 'print.html'), 'utf8'), sheets.slice(front));
    assert.deepEqual(split, [], 'headings that are not whole on any one page of the PDF');
    // No chapter ends on a near-blank page (issue 34: chapters 0, 1, 5 and 6 ended on a page of
    // two to nine lines, the last exercise): the lowest ink on each chapter's last page, read from
    // the page drawn in grey (pdftoppm, so that a chart counts as well as text), lies at least a
    // fifth of the way down the text. tools/site/print.js tightens a chapter that would end so.
    if (!commandMissing('pdftoppm')) {
      const lasts = firsts.map((first, k) => (k + 1 < firsts.length ? firsts[k + 1] - 1 : (references > 0 ? references - 1 : count)));
      const fills = lasts.map((p) => pageFill(pdf, p));
      lasts.forEach((p, k) => t.diagnostic(`${notebookStems[k]}: last page ${p} (printed ${p - front}), ${Math.round(100 * fills[k])} % of it used`));
      const blank = lasts.filter((p, k) => p > firsts[k] && fills[k] < 0.2);
      assert.deepEqual(blank.map((p) => `page ${p - front}`), [], 'chapters ending on a near-blank page (less than a fifth of it used)');
      // the measurement's control: a chapter's first page, which starts at its top, and a full page
      assert.ok(pageFill(pdf, firsts[0]) > 0.5, `the first page of ${notebookStems[0]} measured as ${pageFill(pdf, firsts[0])} full`);
    }
    // The first pages as pictures (pdftoppm), to look at.
    if (!commandMissing('pdftoppm')) {
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', pdf, path.join(ROOT, 'target', 'browser', 'book-pdf')]);
    }
  });
});

/**
 * The entries of the print page's contents (`html`, site/print.html) that no one page of
 * `sheets` (the chapters' pages as text) holds whole: each entry's words outside its TeX, compared
 * as letters only (pdftotext spaces and hyphenates as the PDF is laid out).
 */
function splitHeadings(html, sheets) {
  const unescape = (s) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]);
  const letters = (s) => s.replace(/[^A-Za-z]/g, '');
  const onPages = sheets.map(letters);
  const titles = [...html.matchAll(/<span class="toc-title">([^<]*)<\/span>/g)].map((m) => unescape(m[1]));
  assert.ok(titles.length > 20, `expected the contents' entries in print.html, found ${titles.length}`);
  return titles.filter((title) => {
    const pieces = title.split(/\$[^$]*\$/).map(letters).filter((piece) => piece.length >= 3);
    return pieces.length > 0 && !onPages.some((page) => pieces.every((piece) => page.includes(piece)));
  });
}

/**
 * How far down the text of page `p` (from 1) of `pdf` the lowest ink lies: 0 at the top of the
 * text, 1 at its foot (A4, 20 mm margins above and below, as tools/site/print.js prints). The page
 * is drawn in grey at 20 dpi (pdftoppm); the running head and the page number, in the margins, do
 * not count.
 */
function pageFill(pdf, p) {
  const pgm = execFileSync('pdftoppm', ['-r', '20', '-gray', '-f', String(p), '-l', String(p), pdf], { maxBuffer: 16 << 20 });
  // binary PGM: "P5", width, height, maximum value, one white space, then a byte a pixel
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const top = Math.ceil((height * 20) / 297) + 1;
  const bottom = Math.floor((height * (297 - 20)) / 297) - 1;
  let lowest = top;
  for (let y = top; y < bottom; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (pixels[y * width + x] < 200) { lowest = y; break; }
    }
  }
  return (lowest - top) / (bottom - top);
}

async function checkBookPage(t, browser, name, width) {
  const page = await browser.context.newPage();
  const failures = [];
  const stem = name.replace(/\.html$/, '');
  try {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    await page.goto(pathToFileURL(path.join(SITE, name)).href, { waitUntil: 'load', timeout: 60_000 });
    await typesetMath(page);
    const prose = await page.evaluate(book.measureProse);
    if (prose.maxCharsPerLine > MAX_CHARS) failures.push(`prose: expected at most ${MAX_CHARS} characters per line, found ${prose.maxCharsPerLine}`);
    if (prose.minFontPx < MIN_FONT_PX) failures.push(`prose: expected a font of at least ${MIN_FONT_PX} px, found ${prose.minFontPx} px`);
    if (prose.columnEm > MAX_COLUMN_EM + 0.01) failures.push(`prose: expected a column of at most ${MAX_COLUMN_EM} em, found ${prose.columnEm.toFixed(1)} em`);
    if (!prose.lines) failures.push('prose: found no paragraph to measure');
    const prompts = await page.evaluate(book.visiblePrompts);
    if (prompts.elements || prompts.inText) failures.push(`prompts: expected none visible, found ${prompts.elements} prompt element(s), text ${prompts.sample.join(' ')}`);
    const figs = await page.evaluate(book.figures);
    figs.forEach((f, i) => {
      const n = i + 1;
      const cap = /^Figure (\d+)\.(\d+)\. (.+)$/.exec(f.caption);
      if (!cap || Number(cap[2]) !== n) failures.push(`figure ${n}: expected the caption "Figure N.${n}. <title>", found "${shorten(f.caption, 80)}"`);
      const title = cap ? cap[3] : '';
      if (!f.alt || /^chart$/i.test(f.alt) || !title || !f.alt.includes(title) || f.alt.length < title.length + 10) {
        failures.push(`figure ${n}: expected an alt text that says what the chart shows (its title "${shorten(title, 60)}" and more), found "${shorten(f.alt, 80)}"`);
      }
      if (!f.svgSource) failures.push(`figure ${n}: expected an SVG source with the PNG as fallback`);
      if (!f.fits) failures.push(`figure ${n}: wider than the column (${f.width} px)`);
      if (!f.centred) failures.push(`figure ${n}: not centred in the column`);
    });
    // On a phone a table of many columns may scroll inside its own box (the page does not).
    const refs = await page.evaluate(book.unlinkedReferences);
    if (refs.unlinked.length) failures.push(`cross-references: expected links, found plain text ${refs.unlinked.slice(0, 5).join(', ')}`);
    const side = await page.evaluate(book.sideways, width < 500);
    if (side.page) failures.push(`sideways: the page scrolls sideways (${side.page})`);
    for (const b of side.blocks.slice(0, 5)) failures.push(`sideways: a block is wider than the column: ${b}`);
    const toc = await page.evaluate(book.contents);
    if (!toc) {
      failures.push('sidebar: expected nav#sidebar, found none');
    } else {
      const missing = pages.filter((p) => !toc.pages.includes(p));
      if (missing.length) failures.push(`sidebar: expected a link to every page, missing ${missing.join(', ')}`);
      const notListed = toc.headings.filter((h) => !toc.sections.includes(h));
      if (notListed.length) failures.push(`on-page contents: sections not listed in the sidebar: ${notListed.join(', ')}`);
      if (name !== 'index.html' && !toc.sections.length) failures.push('on-page contents: the sidebar lists no section of this page');
      if (width >= 1000 && !toc.visible) failures.push(`sidebar: expected it visible at ${width} px`);
      if (width < 500) {
        if (toc.visible) failures.push(`sidebar: expected it folded away at ${width} px`);
        await page.click('.topbar .menu');
        const open = await page.evaluate(book.contents);
        if (!open.visible) failures.push(`sidebar: the Contents button does not open it at ${width} px`);
        else await screenshot(page, `book-${stem}-${width}-contents`);
        await page.click('.topbar .menu');
      }
    }
    if (name !== 'index.html') {
      const links = await page.evaluate(book.pageLinks);
      const want = `notebooks/${stem}.ipynb`;
      if (links.download !== want) failures.push(`download: expected a link to ${want}, found ${links.download}`);
      else if (fs.readFileSync(path.join(SITE, want), 'utf8') !== fs.readFileSync(path.join(NOTEBOOKS, `${stem}.ipynb`), 'utf8')) {
        failures.push(`download: site/${want} differs from notebooks/${stem}.ipynb`);
      }
      // without a repository (DLTHEORY_REPO or a GitHub origin) the page shows no Binder link at all
      const binderText = await page.locator('.page-actions').innerText();
      if (links.binder ? !/^https:\/\/mybinder\.org\/v2\/gh\/.+labpath=notebooks%2F/.test(links.binder) : /binder/i.test(binderText)) {
        failures.push(`binder: expected a mybinder.org link that opens notebooks/${stem}.ipynb, or nothing, found ${links.binder || binderText}`);
      }
    }
    t.diagnostic(`${name} at ${width} px: ≤ ${prose.maxCharsPerLine} characters per line over ${prose.lines} lines, `
      + `${prose.minFontPx} px, column ${prose.columnEm.toFixed(1)} em, ${figs.length} figure(s), `
      + `${refs.links} cross-reference link(s) (${refs.equations} numbered equation(s))`
      + (side.scrollingTables ? `, ${side.scrollingTables} table(s) scroll inside their box` : ''));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `book-${stem}-${width}`);
  } catch (e) {
    failures.push(e.message);
  } finally {
    await page.close().catch(() => {});
  }
  if (failures.length) assert.fail(`site/${name} at ${width} px:\n  - ${[...new Set(failures)].join('\n  - ')}`);
}

// Issue 34: the pages as a reader sees them, at 1280 px and on a phone (390 px), from disk: no
// equation number cut off (every MathJax tag inside what its display box and the page show), no
// word of code drawn over two lines (long lines scroll inside their block), tables at 14 px or
// more with their captions in view, the whole site title in the top bar; a copy button on every
// code cell that copies the cell's source. Screenshots reader-<stem>-<width>.png in target/browser/.
const reader = require('./helpers/reader');

const MIN_TABLE_PX = 14;
const READER = 'the pages as a reader sees them (issue 34)';

/** A notebook's cells as stored (source joined). */
function notebookCells(stem) {
  return JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, `${stem}.ipynb`), 'utf8')).cells
    .map((c) => ({ type: c.cell_type, source: [].concat(c.source).join('') }));
}

/** Opens a page of site/ from disk at `width` px, with its math typeset and fitted (site.js). */
async function openPage(browser, name, width) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
  await page.goto(pathToFileURL(path.join(SITE, name)).href, { waitUntil: 'load', timeout: 60_000 });
  await typesetMath(page);
  // site.js marks <html data-math-fitted> once it has fitted the display formulas to their boxes
  await page.waitForSelector('html[data-math-fitted]', { state: 'attached', timeout: 10_000 }).catch(() => {});
  return page;
}

siteSuite(READER, { concurrency: 2 }, (site) => {

  test('run.html: how to run the notebooks, and the bundle to download', { timeout: 60_000 }, async () => {
    site.ready();
    const page = await openPage(site.browser, 'run.html', 1280);
    try {
      const info = await page.evaluate(() => ({
        bundle: [...document.querySelectorAll('article a[download]')].map((a) => a.getAttribute('href')),
        commands: [...document.querySelectorAll('article pre')].map((p) => p.textContent).join('\n'),
      }));
      assert.equal(info.bundle.length, 1, `expected one download link on run.html, found ${info.bundle.join(', ')}`);
      const zip = path.join(SITE, info.bundle[0]);
      assert.ok(/\.zip$/.test(zip) && fs.existsSync(zip), `the bundle ${info.bundle[0]} is not in site/`);
      assert.match(info.commands, /jupyter lab notebooks\//, 'run.html: expected the command that opens the notebooks');
      assert.match(info.commands, /dltheory-kernel\.jar install/, 'run.html: expected the command that installs the kernel');
      await screenshot(page, 'reader-run-1280');
    } finally {
      await page.close().catch(() => {});
    }
  });

  for (const name of ['index.html', ...pages, 'claims.html', 'run.html', 'gallery.html', 'references.html']) {
    for (const width of [1280, 390]) {
      test(`${name} at ${width} px: equation numbers, code, tables, title`, { timeout: 120_000 }, async (t) => {
        site.ready();
        const page = await openPage(site.browser, name, width);
        const failures = [];
        try {
          const eq = await page.evaluate(reader.clippedEquationNumbers);
          for (const c of eq.clipped) failures.push(`equation number cut off: ${c}`);
          const code = await page.evaluate(reader.splitCodeWords);
          if (code.split.length) {
            failures.push(`code: ${code.split.length} word(s) drawn over two lines, e.g. ${code.split.slice(0, 5).join(', ')}`);
          }
          const tables = await page.evaluate(reader.tables);
          const small = tables.filter((x) => x.px < MIN_TABLE_PX);
          if (small.length) failures.push(`tables: ${small.length} with text under ${MIN_TABLE_PX} px (${Math.min(...small.map((x) => x.px))} px)`);
          for (const x of tables.filter((y) => y.captionCut)) failures.push(`table caption cut off: ${x.captionCut}`);
          if (!(await page.$('nav#sidebar a[href="run.html"]'))) failures.push('sidebar: expected a link to run.html ("Run it yourself")');
          // nothing makes the whole page wider than the window (the Claims page was 1051 px wide
          // at 390 px: a JUnit test's name in a grid column); wide code and tables scroll in their box
          const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (pageWidth > width + 1) failures.push(`the page is ${pageWidth} px wide in a ${width} px window (it scrolls sideways)`);
          const title = await page.evaluate(reader.siteTitle);
          if (!title) failures.push('top bar: no .site-title');
          else if (title.cut || title.offScreen) failures.push(`top bar: the site title "${title.text}" is cut off`);
          t.diagnostic(`${name} at ${width} px: ${eq.numbers} equation number(s), ${code.words} code word(s), `
            + `${tables.length} table(s)${tables.length ? ` (smallest ${Math.min(...tables.map((x) => x.px))} px, `
            + `${tables.filter((x) => x.wider).length} scrolling)` : ''}, top bar ${title ? title.barHeight : '?'} px`);
          await page.evaluate(() => window.scrollTo(0, 0));
          const shot = await screenshot(page, `reader-${name.replace(/\.html$/, '')}-${width}`);
          if (failures.length) failures.push(`screenshot: ${shot}`);
        } finally {
          await page.close().catch(() => {});
        }
        if (failures.length) assert.fail(`site/${name} at ${width} px:\n  - ${failures.join('\n  - ')}`);
      });
    }
  }

  test('every code cell has a copy button that copies its source, not its outputs', { timeout: 120_000 }, async (t) => {
    site.ready();
    const name = pages.find((p) => p.startsWith('01-')) || pages[0];
    const stem = name.replace(/\.html$/, '');
    const page = await openPage(site.browser, name, 390);
    try {
      // what the page hands to the clipboard (the Clipboard API, or the copy command's selection)
      await page.evaluate(() => {
        window.copied = [];
        if (navigator.clipboard) navigator.clipboard.writeText = (s) => { window.copied.push(s); return Promise.resolve(); };
        const exec = document.execCommand.bind(document);
        document.execCommand = (cmd, ...rest) => {
          if (cmd === 'copy') { window.copied.push(document.activeElement.value ?? String(window.getSelection())); return true; }
          return exec(cmd, ...rest);
        };
      });
      const cells = notebookCells(stem);
      const rendered = await page.$$('article .jp-Cell');
      assert.equal(rendered.length, cells.length, `${name}: expected one .jp-Cell per notebook cell`);
      const code = cells.map((c, i) => ({ ...c, i })).filter((c) => c.type === 'code' && c.source.trim());
      const buttons = await page.$$eval('article .jp-CodeCell', (cs) => cs.map((c) => !!c.querySelector('.jp-InputArea-editor button.copy-code')));
      assert.ok(buttons.length && buttons.every(Boolean), `${name}: ${buttons.filter((b) => !b).length} of ${buttons.length} code cell(s) without a copy button (button.copy-code)`);
      // the first code cell and the first with outputs that print something
      const withOutput = await page.$$eval('article .jp-Cell', (cs) => cs.map((c) => !!c.querySelector('.jp-OutputArea-output pre')));
      const picks = [code[0], code.find((c) => withOutput[c.i])].filter(Boolean);
      for (const c of picks) {
        const button = rendered[c.i].$('button.copy-code');
        await (await button).click();
        const got = await page.waitForFunction(() => window.copied.length && window.copied.shift(), null, { timeout: 5_000 })
          .then((h) => h.jsonValue()).catch(() => null);
        assert.equal(got, c.source, `${name}: the copy button of cell ${c.i + 1} copied ${JSON.stringify(shorten(got ?? 'nothing', 80))}, expected the cell's source`);
      }
      t.diagnostic(`${name}: ${buttons.length} copy buttons; cells ${picks.map((c) => c.i + 1).join(', ')} copied their source`);
      const external = await page.$$eval('script[src]', (ss) => ss.map((s) => s.getAttribute('src')).filter((s) => /^([a-z]+:)?\/\//i.test(s)));
      assert.deepEqual(external, [], `${name}: scripts from elsewhere: ${external.join(', ')}`);
    } finally {
      await page.close().catch(() => {});
    }
  });
});

// Issue 34: charts readable on a phone. At 390 px a chart drawn 720 px wide shows its text at about
// half its size; a tap (or Enter on the focused chart) opens it in a viewer at its drawn size at
// least, scrolling sideways, and Escape or × closes it and gives the focus back. From disk (file://).
const ZOOM = 'charts open enlarged, by keyboard and pointer (issue 34)';

siteSuite(ZOOM, {}, (site) => {

  /** The viewer's state: open, the image's drawn and shown size, whether its frame scrolls. */
  const viewer = () => {
    const d = document.querySelector('dialog.chart-viewer');
    const img = d && d.querySelector('.viewer-frame img');
    const frame = d && d.querySelector('.viewer-frame');
    return d && {
      open: d.open,
      loaded: !!img && img.complete && img.naturalWidth > 0,
      src: img ? img.getAttribute('src') : null,
      drawn: img ? +img.getAttribute('data-width') : 0,
      shown: img ? img.getBoundingClientRect().width : 0,
      shownHeight: img ? img.getBoundingClientRect().height : 0,
      scrollsSideways: !!frame && frame.scrollWidth > frame.clientWidth + 1,
      frameWidth: frame ? frame.clientWidth : 0,
      title: (d.querySelector('.viewer-title') || {}).textContent,
      caption: (d.querySelector('.viewer-caption') || {}).textContent,
      focus: document.activeElement ? document.activeElement.className : '',
      closeBox: (() => { const b = d.querySelector('.viewer-close'); if (!b) return null; const r = b.getBoundingClientRect(); return { right: r.right, top: r.top, width: r.width }; })(),
      viewport: window.innerWidth,
    };
  };

  for (const width of [390, 1280]) {
    test(`every chart of a page opens enlarged and closes, at ${width} px`, { timeout: 120_000 }, async (t) => {
      site.ready();
      const name = pages.find((p) => p.startsWith('03-')) || pages[0];
      const page = await openPage(site.browser, name, width);
      try {
        await page.waitForSelector('html[data-chart-zoom]', { state: 'attached', timeout: 10_000 });
        const figs = await page.$$eval('article figure.chart', (fs) => fs.map((f) => {
          const b = f.querySelector('button.chart-zoom');
          const img = f.querySelector('img');
          return { id: f.id, button: !!b && !!b.querySelector('img'), label: b ? b.getAttribute('aria-label') : '',
                   inline: img ? img.getBoundingClientRect().width / (+img.getAttribute('width') || 720) : 0 };
        }));
        assert.ok(figs.length > 0, `${name}: no figure.chart`);
        const without = figs.filter((f) => !f.button || !/^Enlarge Figure \d+\.\d+$/.test(f.label));
        assert.deepEqual(without, [], `${name}: charts without a button "Enlarge Figure c.n" around their image`);

        // keyboard: Tab reaches the first chart's button, Enter opens the viewer
        const first = page.locator('article figure.chart button.chart-zoom').first();
        await first.focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => { const d = document.querySelector('dialog.chart-viewer'); const i = d && d.querySelector('img');
          return d && d.open && i && i.complete && i.naturalWidth > 0; }, null, { timeout: 10_000 });
        let v = await page.evaluate(viewer);
        await screenshot(page, `zoom-${name.replace(/\.html$/, '')}-${width}`);
        assert.ok(v.open && v.loaded, `${name}: the viewer did not open with its image loaded (${JSON.stringify(v)})`);
        assert.match(v.src, /\.svg$/, `${name}: the viewer shows ${v.src}, expected the chart's SVG`);
        assert.match(v.title, /^Figure \d+\.\d+$/, `${name}: the viewer's title is ${JSON.stringify(v.title)}`);
        assert.ok(v.caption.length > 10, `${name}: the viewer shows no caption`);
        assert.ok(v.shown >= v.drawn - 1, `${name}: the chart is shown ${v.shown} px wide in the viewer, under its drawn ${v.drawn} px`);
        if (width < 500) {
          assert.ok(figs[0].inline < 0.6, `${name}: at ${width} px the chart is shown at ${figs[0].inline.toFixed(2)} of its size in the page (the test expects a narrow page)`);
          assert.ok(v.scrollsSideways, `${name}: at ${width} px the enlarged chart (${v.shown} px) should scroll sideways in its ${v.frameWidth} px frame`);
        } else {
          assert.ok(v.shown > v.drawn * 1.2 && !v.scrollsSideways, `${name}: at ${width} px the chart should be enlarged to fit the window (${v.shown} px of ${v.frameWidth})`);
        }
        assert.ok(v.closeBox && v.closeBox.right <= v.viewport && v.closeBox.top >= 0 && v.closeBox.width >= 24,
          `${name}: the close button is not fully in view (${JSON.stringify(v.closeBox)})`);
        assert.equal(v.focus, 'viewer-close', `${name}: the focus should be on the close button once the viewer opens`);
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !document.querySelector('dialog.chart-viewer').open
          && !document.querySelector('dialog.chart-viewer img'), null, { timeout: 5_000 });
        const back = await page.evaluate(() => document.activeElement && document.activeElement.classList.contains('chart-zoom')
          && document.activeElement.closest('figure').id);
        assert.equal(back, figs[0].id, `${name}: Escape should close the viewer and give the focus back to the chart`);

        // pointer: a click on the last chart opens it, × closes it
        const last = page.locator('article figure.chart button.chart-zoom').last();
        await last.scrollIntoViewIfNeeded();
        await last.click();
        await page.waitForFunction(() => document.querySelector('dialog.chart-viewer').open, null, { timeout: 5_000 });
        v = await page.evaluate(viewer);
        assert.equal(v.title, `Figure ${figs.length > 0 ? (await page.$$eval('article figure.chart .figure-number', (n) => n[n.length - 1].textContent.replace(/\.$/, ''))).replace(/^Figure /, '') : ''}`,
          `${name}: a click on the last chart opened ${v.title}`);
        await page.click('dialog.chart-viewer .viewer-close');
        await page.waitForFunction(() => !document.querySelector('dialog.chart-viewer').open
          && !document.querySelector('dialog.chart-viewer img'), null, { timeout: 5_000 });
        const scrollLocked = await page.evaluate(() => document.body.classList.contains('viewer-open'));
        assert.equal(scrollLocked, false, `${name}: the page stays locked after the viewer closed`);
        t.diagnostic(`${name} at ${width} px: ${figs.length} chart(s), shown in the page at ${figs[0].inline.toFixed(2)} of their size, `
          + `in the viewer ${Math.round(v.shown)} px wide (drawn ${v.drawn} px)${v.scrollsSideways ? ', scrolling sideways' : ''}`);
      } finally {
        await page.close().catch(() => {});
      }
    });
  }
});

// Issue 34, search: subsections indexed, a snippet under each result with the match marked, titles
// without TeX, synonyms, and a chapter's title does not pull its Setup and Exercises in.
const SEARCH = 'search as a reader uses it (issue 34)';

/** The first "### " heading of the notebooks (a subsection), without TeX, and its page. */
function firstSubsection() {
  for (const stem of notebookStems) {
    for (const c of notebookCells(stem)) {
      const m = c.type === 'markdown' && /^### +(.+)$/m.exec(c.source);
      if (m && !m[1].includes('$')) return { stem, title: m[1].trim() };
    }
  }
  return null;
}

async function searchFor(page, query) {
  await page.fill('#search-input', '');
  await page.fill('#search-input', query);
  return page.waitForFunction((q) => {
    const list = document.getElementById('search-results');
    if (list.hidden || document.getElementById('search-input').value !== q) return null;
    const items = [...list.querySelectorAll('li')];
    if (!items.length) return null;
    return items.map((li) => {
      const a = li.querySelector('a');
      return a ? {
        href: a.getAttribute('href'),
        section: (a.querySelector('.section') || a).textContent.trim(),
        where: (a.querySelector('.where') || {}).textContent || '',
        snippet: (a.querySelector('.snippet') || {}).textContent || '',
        marks: [...a.querySelectorAll('mark')].map((m) => m.textContent),
      } : { none: li.textContent };
    }).filter((x) => !x.none);
  }, query, { timeout: 30_000 }).then((h) => h.jsonValue());
}

siteSuite(SEARCH, {}, (site) => {
  let page;
  site.prepare(async () => {
    page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(path.join(SITE, pages.find((p) => p.startsWith('00-')) || pages[0])).href, { waitUntil: 'load' });
  });
  site.cleanup(async () => { if (page) await screenshot(page, 'reader-search'); });

  const synonyms = [
    // query, the page, and a word the first result's section or snippet must have
    ['Xavier', '01-', /Glorot/],
    ['BPTT', '06-', /backpropagation through time/i],
    ['weight norm', '04-', /weight normali[sz]ation/i],
    ['vanishing gradient', '05-', /vanish/i],
  ];
  for (const [query, stem, word] of synonyms) {
    test(`"${query}" finds its section, with a snippet marking the match`, { timeout: 60_000 }, async (t) => {
      site.ready();
      const hits = await searchFor(page, query);
      const first = hits[0];
      t.diagnostic(`"${query}": ${hits.slice(0, 3).map((h) => `${h.href} [${h.marks.join(', ')}]`).join(' | ')}`);
      assert.ok(first && first.href.startsWith(stem), `"${query}": expected the first result on ${stem}*.html, got ${hits.map((h) => h.href).slice(0, 5).join(', ') || 'none'}`);
      assert.match(`${first.section} ${first.snippet}`, word, `"${query}": the first result (${first.section}) does not say ${word}`);
      assert.ok(first.snippet.length > 40, `"${query}": expected a snippet of the section's text under the result, found "${first.snippet}"`);
      assert.ok(first.marks.length > 0, `"${query}": expected the match marked (<mark>) in the title "${first.section}" or the snippet "${shorten(first.snippet, 100)}"`);
    });
  }

  test('the page a result leads to marks the words found', { timeout: 60_000 }, async (t) => {
    site.ready();
    const from = page.url();
    try {
      const hits = await searchFor(page, 'vanishing gradient');
      const target = hits[0].href;
      await page.click(`#search-results a[href="${target}"]`);
      await page.waitForURL((u) => u.href.endsWith(target.split('#')[0]) || u.href.includes(`/${target.split('#')[0]}#`), { timeout: 30_000 });
      const marks = await page.waitForFunction(() => {
        const ms = [...document.querySelectorAll('article mark.search-hit')];
        return ms.length ? ms.map((m) => m.textContent) : null;
      }, null, { timeout: 60_000 }).then((h) => h.jsonValue()).catch(() => []);
      t.diagnostic(`${target}: ${marks.length} word(s) marked, e.g. ${[...new Set(marks)].slice(0, 5).join(', ')}`);
      assert.ok(marks.some((m) => /^vanish/i.test(m)) && marks.some((m) => /^gradient/i.test(m)),
        `expected "vanish…" and "gradient…" marked on ${target}, found ${[...new Set(marks)].join(', ') || 'none'}`);
      const math = await page.evaluate(() => document.querySelectorAll('.MathJax_Error, .MathJax_CHTML mark').length);
      assert.equal(math, 0, 'a mark inside a formula, or a MathJax error, after marking');
    } finally {
      await page.goto(from, { waitUntil: 'load' });
    }
  });

  test('a subsection (###) is a result of its own', { timeout: 60_000 }, async (t) => {
    site.ready();
    const sub = firstSubsection();
    if (!sub) { t.skip('no notebook has a ### heading'); return; }
    const hits = await searchFor(page, sub.title.replace(/[^\p{L}\p{N}' ]+/gu, ' '));
    t.diagnostic(`"${sub.title}": ${hits.slice(0, 3).map((h) => h.href).join(', ')}`);
    // the result's title carries the subsection's number (c.s.k), as the page's heading does
    const titled = (h) => h.section === sub.title || h.section.replace(/^\d+(\.\d+)*\s+/, '') === sub.title;
    assert.ok(hits.some((h) => titled(h) && h.href.startsWith(`${sub.stem}.html#`)),
      `expected a result "${sub.title}" linking into ${sub.stem}.html, got ${hits.map((h) => h.section).slice(0, 5).join(' | ')}`);
  });

  test('a word of a chapter\'s title does not list its Setup, Summary and Exercises', { timeout: 60_000 }, async (t) => {
    site.ready();
    for (const query of ['dropout', 'momentum']) {
      const hits = await searchFor(page, query);
      t.diagnostic(`"${query}": ${hits.map((h) => h.section).join(' | ')}`);
      const structural = hits.filter((h) => /^(Setup|Summary|Exercises)$/.test(h.section) || /#(Setup|Summary|Exercises)$/.test(h.href));
      assert.deepEqual(structural.map((h) => h.href), [], `"${query}": expected no Setup, Summary or Exercises section, found them`);
    }
  });

  test('no TeX in the titles of any result', { timeout: 60_000 }, async () => {
    site.ready();
    await searchFor(page, 'gradient');
    const titles = await page.evaluate(() => {
      const stored = window.DLTHEORY_SEARCH.index.storedFields;
      return Object.values(stored).flatMap((d) => [d.title, d.section, d.parent]).filter(Boolean);
    });
    assert.ok(titles.length > 20, `expected the titles of every section in the index, found ${titles.length}`);
    const debris = titles.filter((s) => /[\\^_{}$]|sqrt|kappa|beta|lambda|\bfrac\b/.test(s));
    assert.deepEqual([...new Set(debris)], [], 'titles with TeX left in them');
  });
});

// Issue 35: the Explore figures without a kernel. bin/site drew each Explore cell's chart at a grid
// of its sliders' values (tools/explore_frames.py); the page shows one <input type=range> per
// slider, with a label and its value, that swaps the image, its alt text and the line naming the
// frame. Every notebook whose source calls interact(…) has one; from disk (file://), at 1280 and
// 390 px, each slider is moved with the keyboard and the figure must change. Screenshots
// explore-<stem>-<width>.png (the figure after the move).
const EXPLORE = 'the Explore figures: a slider that swaps precomputed frames (issue 35)';

/** The notebooks whose source has an Explore cell (a call of interact). */
function exploreStems() {
  return notebookStems.filter((stem) => notebookCells(stem).some((c) => c.type === 'code' && /\binteract\(/.test(c.source)));
}

siteSuite(EXPLORE, { concurrency: 2 }, (site) => {

  test('every notebook with an Explore cell has its page', () => {
    site.ready();
    const stems = exploreStems();
    assert.ok(stems.length >= 6, `expected an Explore cell in notebooks 01–06, found ${stems.join(', ')}`);
    assert.deepEqual(stems.filter((s) => !pages.includes(`${s}.html`)), [], 'Explore notebooks without a page');
  });

  for (const stem of exploreStems()) {
    for (const width of [1280, 390]) {
      test(`${stem} at ${width} px: each slider, moved with the keyboard, changes the figure`, { timeout: 120_000 }, async (t) => {
        site.ready();
        const page = await site.browser.context.newPage();
        await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
        try {
          await page.goto(pathToFileURL(path.join(SITE, `${stem}.html`)).href, { waitUntil: 'load', timeout: 60_000 });
          const figure = page.locator('figure.explore');
          assert.equal(await figure.count(), 1, `${stem}.html: expected one Explore figure (figure.explore)`);
          const state = () => figure.evaluate((f) => {
            const img = f.querySelector('img.explore-image');
            return {
              src: img.getAttribute('src'), alt: img.alt, loaded: img.complete && img.naturalWidth > 0,
              shown: (f.querySelector('.explore-shown') || {}).textContent || '',
              values: [...f.querySelectorAll('output.explore-value')].map((o) => o.textContent),
              valueText: [...f.querySelectorAll('input[type=range]')].map((i) => i.getAttribute('aria-valuetext')),
              frame: f.getAttribute('data-frame'),
            };
          });
          const sliders = figure.locator('input[type=range]');
          const count = await sliders.count();
          assert.ok(count >= 1, `${stem}.html: the Explore figure has no slider`);
          assert.ok(await figure.locator('.explore-controls').isVisible(), `${stem}.html: the sliders are hidden`);
          await page.waitForFunction(() => {
            const img = document.querySelector('figure.explore img.explore-image');
            return img && img.complete && img.naturalWidth > 0;
          }, null, { timeout: 30_000 });
          let before = await state();
          for (let s = 0; s < count; s++) {
            const slider = sliders.nth(s);
            const id = await slider.getAttribute('id');
            const label = (await page.locator(`label[for="${id}"]`).textContent() || '').trim();
            assert.ok(label, `${stem}.html: slider ${s + 1} has no label`);
            assert.ok(await slider.isVisible(), `${stem}.html: slider ${s + 1} (${label}) is not visible at ${width} px`);
            const box = await slider.boundingBox();
            assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${stem}.html: slider ${label} is outside the page at ${width} px`);
            // the keyboard: Tab focus is a real <input>, so Home/End/arrows move it
            const value = Number(await slider.inputValue());
            const max = Number(await slider.getAttribute('max'));
            await slider.focus();
            await page.keyboard.press(value < max ? 'ArrowRight' : 'ArrowLeft');
            await page.waitForFunction(
              ([sel, was]) => document.querySelector(sel).getAttribute('data-frame') !== was,
              ['figure.explore', before.frame], { timeout: 10_000 },
            );
            await page.waitForFunction(() => {
              const img = document.querySelector('figure.explore img.explore-image');
              return img.complete && img.naturalWidth > 0;
            }, null, { timeout: 30_000 });
            const after = await state();
            assert.ok(after.loaded, `${stem}.html: the frame ${after.src} did not load`);
            assert.notEqual(after.src, before.src, `${stem}.html: moving ${label} did not change the image`);
            assert.notEqual(after.alt, before.alt, `${stem}.html: moving ${label} did not change the alt text`);
            assert.notEqual(after.shown, before.shown, `${stem}.html: moving ${label} did not change the shown title`);
            assert.notDeepEqual(after.values, before.values, `${stem}.html: moving ${label} did not change its value`);
            assert.match(after.valueText[s] || '', new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} = `),
              `${stem}.html: slider ${label} has no aria-valuetext naming its value`);
            t.diagnostic(`${stem} ${label}: ${before.values[s]} → ${after.values[s]}; ${after.shown}`);
            before = after;
          }
          const shot = shotPath(`explore-${stem}-${width}`);
          await figure.screenshot({ path: shot, timeout: 30_000 }).catch(() => {});
          t.diagnostic(`screenshot: ${path.relative(ROOT, shot)}`);
        } finally {
          await page.close().catch(() => {});
        }
      });
    }
  }
});
