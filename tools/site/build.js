'use strict';
// Build steps of the static site that need npm packages, called by tools/notebooks.py:
//
//   node tools/site/build.js search DOCS.json OUT.js   the MiniSearch index of every section
//   node tools/site/build.js pdf PAGE.html OUT.pdf     print PAGE.html (all notebooks) with Chromium
//   node tools/site/build.js serve                     start Chromium now; run the steps read from
//                                                      stdin, one JSON array [step, in, out] a line
//
// Both steps can be given in one call (search … pdf …). The search index is written as a script
// (window.DLTHEORY_SEARCH = …) so that the pages can load it from disk (file://), where fetch()
// is refused; the pages load MiniSearch itself from site/assets/minisearch.js (copied from
// node_modules by notebooks.py). Chromium is Debian's headless shell (chromium-headless-shell,
// which environment/site.sh installs), else its full browser; CHROMIUM=path picks another.
// Nothing is downloaded.

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

/** The options the pages use too (site/assets/site.js): the fields searched and those returned.
 *  Not the chapter's title: its words would find every section of the chapter (issue 34); the
 *  text is stored for the snippet under each result. */
const SEARCH_OPTIONS = {
  fields: ['section', 'aliases', 'text', 'keywords', 'code'],
  storeFields: ['title', 'section', 'parent', 'href', 'prose', 'seen'],
};

function buildSearch(docsFile, outFile) {
  const MiniSearch = require('minisearch');
  const docs = JSON.parse(fs.readFileSync(docsFile, 'utf8'));
  for (const d of docs) if (d.prose === undefined) d.prose = d.text; // the snippet under a result
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll(docs);
  const payload = { options: SEARCH_OPTIONS, index: index.toJSON() };
  fs.writeFileSync(outFile, `window.DLTHEORY_SEARCH = ${JSON.stringify(payload)};\n`);
  return `${docs.length} sections`;
}

/**
 * The browser that prints: $CHROMIUM, else Debian's headless shell, else its full Chromium. The
 * shell (Chromium's headless-only build) starts in 0.4-0.5 s against 1.0-1.1 s here. Its PDF has
 * the same 115 pages and text; MathJax measures the fonts a little differently in it, so a few
 * lines and page breaks fall elsewhere (compared at 70 and 110 dpi: both read the same).
 */
function chromiumPath() {
  const candidates = process.env.CHROMIUM ? [process.env.CHROMIUM]
    : ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => fs.existsSync(p));
}

/** Starts the browser that prints (see chromiumPath). */
async function launchBrowser() {
  const { chromium } = require('playwright-core');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium at /usr/bin/chromium-headless-shell or /usr/bin/chromium (run environment/site.sh, or set CHROMIUM)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Prints pageFile to outFile with `browser` as a book: see print.js. */
const printPdf = (browser, pageFile, outFile) => require('./print').printBook(browser, pageFile, outFile);

/** Runs one step; prints what it wrote and how long it took. */
async function runStep(step, input, output, browser) {
  const start = Date.now();
  const what = step === 'search' ? buildSearch(input, output) : await printPdf(await browser(), input, output);
  console.log(`${step} → ${output} (${what}) in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

/**
 * `serve`: loads Playwright and starts the browser at once, then runs the steps it reads from
 * stdin, one JSON array [step, input, output] per line, until stdin closes. tools/notebooks.py
 * starts it while the last notebook still runs, so that the PDF does not wait for either.
 */
async function serve() {
  const t0 = Date.now();
  let startedAt = null;
  const launched = launchBrowser();
  launched.then(() => { startedAt = Date.now(); }, () => {});  // a failure is reported when a step needs the browser
  const lines = require('node:readline').createInterface({ input: process.stdin });
  try {
    for await (const line of lines) {
      if (!line.trim()) continue;
      const [step, input, output] = JSON.parse(line);
      if (step === 'pdf') {
        const asked = Date.now();
        await launched;
        const waited = Date.now() - asked;
        console.log(`pdf: browser started ${((startedAt - t0) / 1000).toFixed(1)} s after serve, asked for after `
          + `${((asked - t0) / 1000).toFixed(1)} s` + (waited > 50 ? ` (the step waited ${(waited / 1000).toFixed(1)} s for it)` : ''));
      }
      await runStep(step, input, output, () => launched);
    }
  } finally {
    await launched.then((b) => b.close(), () => {});
  }
}

async function main(argv) {
  if (argv.length === 1 && argv[0] === 'serve') {
    await serve();
    return 0;
  }
  const steps = [];
  for (let i = 0; i < argv.length; i += 3) steps.push(argv.slice(i, i + 3));
  if (!steps.length || steps.some((s) => s.length !== 3 || !['search', 'pdf'].includes(s[0]))) {
    console.error('usage: build.js search DOCS.json OUT.js | pdf PAGE.html OUT.pdf  (one or both) | serve');
    return 2;
  }
  let browser = null;
  try {
    for (const [step, input, output] of steps) {
      await runStep(step, input, output, async () => (browser = browser || await launchBrowser()));
    }
  } finally {
    if (browser) await browser.close();
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
  console.error(`site build: ${e.message}`);
  process.exitCode = 1;
});
