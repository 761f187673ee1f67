'use strict';
// Build steps of the static site that need npm packages, called by tools/notebooks.py:
//
//   node tools/site/build.js search DOCS.json OUT.js   the MiniSearch index of every section
//   node tools/site/build.js pdf PAGE.html OUT.pdf     print PAGE.html (all notebooks) with Chromium
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

/** The options the pages use too (site/assets/site.js): the fields searched and those returned. */
const SEARCH_OPTIONS = {
  fields: ['title', 'section', 'text'],
  storeFields: ['title', 'section', 'href'],
};

function buildSearch(docsFile, outFile) {
  const MiniSearch = require('minisearch');
  const docs = JSON.parse(fs.readFileSync(docsFile, 'utf8'));
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

async function printPdf(pageFile, outFile) {
  const { chromium } = require('playwright-core');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium at /usr/bin/chromium-headless-shell or /usr/bin/chromium (run environment/site.sh, or set CHROMIUM)');
  const t0 = Date.now();
  const phases = [];
  const phase = (name) => phases.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    // Offline: only local files.
    await page.route(/^(?!file:)/, (route) => route.abort());
    phase('started');
    await page.goto(pathToFileURL(path.resolve(pageFile)).href, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => window.MathJax && window.MathJax.isReady, null, { timeout: 120_000 });
    phase('loaded');
    await page.evaluate(() => new Promise((resolve) => window.MathJax.Hub.Queue(resolve)));
    phase('math typeset');
    const errors = await page.evaluate(() => document.querySelectorAll('.MathJax_Error, merror').length);
    if (errors) throw new Error(`${errors} MathJax error(s) in ${pageFile}`);
    await page.pdf({
      path: outFile,
      format: 'A4',
      margin: { top: '18mm', bottom: '20mm', left: '18mm', right: '18mm' },
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font: 9px sans-serif; width: 100%; text-align: center; color: #555;">'
        + '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      outline: true,
      tagged: process.env.TAGGED === "1",
    });
    phase('printed');
    console.log(`pdf: ${phases.join(', ')}`);
  } finally {
    await browser.close();
  }
  return `${(fs.statSync(outFile).size / 1e6).toFixed(1)} MB`;
}

async function main(argv) {
  const steps = [];
  for (let i = 0; i < argv.length; i += 3) steps.push(argv.slice(i, i + 3));
  if (!steps.length || steps.some((s) => s.length !== 3 || !['search', 'pdf'].includes(s[0]))) {
    console.error('usage: build.js search DOCS.json OUT.js | pdf PAGE.html OUT.pdf  (one or both)');
    return 2;
  }
  for (const [step, input, output] of steps) {
    const start = Date.now();
    const what = step === 'search' ? buildSearch(input, output) : await printPdf(input, output);
    console.log(`${step} → ${output} (${what}) in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
  console.error(`site build: ${e.message}`);
  process.exitCode = 1;
});
