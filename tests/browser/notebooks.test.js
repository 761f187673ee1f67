'use strict';
// Issue 10, part 1: every notebooks/*.ipynb used as a student would, in the classic Jupyter
// Notebook from Debian, driven in headless Chromium: the kernel says "Java", Cell → Run All runs
// every cell without error, a plot is drawn, the Markdown math is typeset by MathJax, and Tab
// completes `Math.ab` to a list with `abs`; in the introduction, a cell reading System.in takes
// what is typed into its input box. One screenshot per notebook in target/browser/.
//
//   node --test tests/browser/          (after environment/setup.sh and environment/browser.sh)

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {
  ROOT, ON_CI, browserUnavailable, launchBrowser, screenshot, sleep, shorten,
} = require('./helpers/env');
const { startServer, prerequisitesMissing, classicNotebookMissing } = require('./helpers/jupyter');

const NOTEBOOKS = path.join(ROOT, 'notebooks');
const notebooks = fs.existsSync(NOTEBOOKS)
  ? fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb')).sort()
  : [];

const KERNEL_START_MS = 120_000; // the JVM starts on 2 busy cores
const RUN_ALL_MS = 180_000; // a notebook runs in ~10 s alone; generous for a loaded machine
const COMPLETE_MS = 30_000;
// Notebooks at once (each its own tab and kernel); 2 suits 2 cores, as bin/site's --jobs 2.
const JOBS = Math.max(1, Number.parseInt(process.env.BROWSER_TEST_JOBS || '2', 10) || 2);

const SUITE = 'notebooks in the classic Jupyter Notebook, in headless Chromium';
const unavailable = browserUnavailable();
const noClassic = classicNotebookMissing();
if (noClassic) {
  test(SUITE, { skip: noClassic }, () => {});
} else if (unavailable && !ON_CI) {
  test(SUITE, { skip: `browser tests skipped: ${unavailable}` }, () => {});
} else if (unavailable) {
  test(SUITE, () => assert.fail(`browser tests cannot run on CI: ${unavailable}`));
} else {
  describe(SUITE, { concurrency: JOBS }, () => {
    let server;
    let browser;
    let setupError = null; // reported by every test, so a broken set-up counts as failures

    before(async () => {
      try {
        const missing = prerequisitesMissing();
        if (missing) throw new Error(missing);
        server = await startServer();
        browser = await launchBrowser();
      } catch (e) {
        setupError = e;
      }
    }, { timeout: 180_000 });

    after(async () => {
      if (browser) await browser.close();
      if (server) await server.stop();
    }, { timeout: 60_000 });

    test('notebooks/ holds notebooks', () => {
      assert.ok(notebooks.length > 0, `no notebooks/*.ipynb found under ${NOTEBOOKS}`);
    });

    for (const file of notebooks) {
      test(file, { timeout: KERNEL_START_MS + RUN_ALL_MS + 120_000 }, async (t) => {
        if (setupError) assert.fail(`cannot test ${file}: ${setupError.message}`);
        await checkNotebook(t, server, browser, file);
      });
    }
  });
}

async function checkNotebook(t, server, browser, file) {
  const stem = file.replace(/\.ipynb$/, '');
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(shorten(e.message, 200)));
  page.on('dialog', (d) => d.dismiss().catch(() => {}));
  const failures = [];
  let focus = null; // selector of the element to show in the screenshot
  let kernelId = null;
  let shot = null;
  const started = Date.now();
  try {
    await page.goto(server.url(`/notebooks/notebooks/${encodeURIComponent(file)}`), {
      waitUntil: 'domcontentloaded', timeout: 60_000,
    });
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded,
      null, { timeout: 60_000 }).catch(() => {
      throw new Error(`${file}: the notebook page did not finish loading within 60 s`);
    });
    const pageLoaded = Date.now();
    // The scratch copy would be autosaved with outputs: harmless, but nothing to gain either.
    await page.evaluate(() => Jupyter.notebook.set_autosave_interval(0));

    // 1. The kernel indicator names the project kernel, and the kernel answers.
    await page.waitForFunction(() => {
      const k = Jupyter.notebook.kernel;
      return k && k.info_reply && Object.keys(k.info_reply).length > 0
        && document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
    }, null, { timeout: KERNEL_START_MS }).catch(async () => {
      const name = await page.textContent('#kernel_indicator .kernel_indicator_name').catch(() => '?');
      throw new Error(`${file}: the kernel did not become ready within ${KERNEL_START_MS / 1000} s `
        + `(kernel indicator says "${name}"); server log:\n${server.tail(15)}`);
    });
    const kernelReady = Date.now();
    kernelId = await page.evaluate(() => Jupyter.notebook.kernel.id);
    const kernelName = (await page.textContent('#kernel_indicator .kernel_indicator_name')).trim();
    if (kernelName !== 'Java') {
      failures.push(`kernel indicator: expected "Java", found "${kernelName}"`);
    }

    // 2. Cell → Run All, from the menu, then wait until every non-empty code cell has finished.
    await page.click('#celllink');
    await page.click('#run_all_cells > a');
    const state = await waitForRunAll(page, file);
    const secs = (a, b) => ((b - a) / 1000).toFixed(1);
    t.diagnostic(`${file}: page loaded in ${secs(started, pageLoaded)} s, kernel ready ${secs(pageLoaded, kernelReady)} s later; Run All ran `
      + `${state.done} code cell(s) in ${secs(kernelReady, Date.now())} s`);

    // 3. No error output in any cell.
    const errors = await page.evaluate(() => {
      const out = [];
      document.querySelectorAll('#notebook-container > .cell').forEach((cell, i) => {
        cell.querySelectorAll('.output_error').forEach((e) => out.push({ index: i + 1, text: e.innerText }));
      });
      return out;
    });
    for (const e of errors) {
      const first = await cellFirstLine(page, e.index);
      failures.push(`cell ${e.index} ("${first}"): expected no error output, got: ${shorten(e.text, 400)}`);
      focus ??= `#notebook-container > .cell:nth-child(${e.index})`;
    }
    const stderr = await page.evaluate(() => [...document.querySelectorAll('#notebook-container > .cell')]
      .map((cell, i) => [...cell.querySelectorAll('.output_stderr')].map((e) => `cell ${i + 1}: ${e.innerText}`))
      .flat());
    if (stderr.length) t.diagnostic(`${file}: stderr (not an error by itself): ${shorten(stderr.join(' | '), 300)}`);
    for (const c of state.unfinished) {
      failures.push(`cell ${c.index} ("${c.first}"): expected it to run, its prompt is "${c.prompt}"`);
    }

    // 4. At least one plot rendered in an output (an <img> that loaded, or an inline <svg> with a size).
    const plots = await page.evaluate(() => {
      const found = [];
      document.querySelectorAll('#notebook-container > .cell').forEach((cell, i) => {
        cell.querySelectorAll('.output_area img, .output_area svg').forEach((el) => {
          if (el.closest('.MathJax, .MathJax_SVG, .MathJax_Display')) return;
          if (el.tagName.toLowerCase() === 'svg' && el.parentElement.closest('.output_area svg')) return;
          const r = el.getBoundingClientRect();
          const ok = el.tagName.toLowerCase() === 'img' ? el.complete && el.naturalWidth > 0 : r.width > 0 && r.height > 0;
          found.push({ index: i + 1, tag: el.tagName.toLowerCase(), ok, width: Math.round(r.width), height: Math.round(r.height) });
        });
      });
      return found;
    });
    const drawn = plots.filter((p) => p.ok);
    if (drawn.length === 0) {
      failures.push(plots.length
        ? `plots: expected at least one rendered plot; ${plots.length} image(s) in cells `
          + `${[...new Set(plots.map((p) => p.index))].join(', ')} did not render (no size or failed to load)`
        : 'plots: expected at least one rendered plot (an <img> or <svg> in a cell output), found none');
    } else {
      t.diagnostic(`${file}: ${drawn.length} plot(s) drawn, first in cell ${drawn[0].index} (${drawn[0].tag} ${drawn[0].width}×${drawn[0].height})`);
      focus ??= `#notebook-container > .cell:nth-child(${drawn[0].index}) .output_area`;
    }

    // 5. The Markdown math is typeset: MathJax elements, no MathJax errors, no raw $…$ left.
    const math = await checkMath(page);
    if (math.sourceHasMath && math.typeset === 0) {
      failures.push(`math: the Markdown cells contain LaTeX but MathJax typeset nothing (MathJax loaded: ${math.mathjax})`);
    }
    if (math.scripts > math.typeset) {
      failures.push(`math: ${math.scripts} formulas found by MathJax but only ${math.typeset} typeset`);
    }
    for (const e of math.errors) failures.push(`cell ${e.index}: expected typeset math, MathJax error "${shorten(e.text, 120)}"`);
    for (const r of math.raw) failures.push(`cell ${r.index}: expected typeset math, raw TeX left in the text: "${shorten(r.text, 120)}"`);
    if (!math.sourceHasMath) t.diagnostic(`${file}: its Markdown has no math to typeset`);
    else t.diagnostic(`${file}: ${math.typeset} formula(s) typeset by MathJax`);
    if (math.errors.length || math.raw.length) focus ??= `#notebook-container > .cell:nth-child(${(math.errors[0] || math.raw[0]).index})`;

    shot = await screenshotAt(page, focus, `notebook-${stem}`);

    // 6. Tab completion in a new code cell at the end: Math.ab → a list with abs.
    const completion = await tabComplete(page, 'Math.ab');
    await screenshot(page, `notebook-${stem}-completion`);
    await page.keyboard.press('Escape');
    if (completion.list) {
      if (!completion.options.some((o) => /^abs(?![A-Za-z0-9_$])/.test(o.trim()))) {
        failures.push(`Tab completion of "Math.ab" in a new code cell: expected "abs" in the list, got [${completion.options.slice(0, 10).join(', ')}]`);
      } else {
        t.diagnostic(`${file}: Tab on "Math.ab" lists ${completion.options.slice(0, 5).join(', ')}`);
      }
    } else if (!/Math\.abs\b/.test(completion.text)) {
      failures.push(`Tab completion of "Math.ab" in a new code cell: expected a list with "abs", no list appeared `
        + `within ${COMPLETE_MS / 1000} s and the cell reads "${completion.text}"`);
    } else {
      t.diagnostic(`${file}: Tab completed "Math.ab" in place to "${completion.text}" (single match, no list)`);
    }
    // 7. Input typed into the page (once, in the introduction): a cell reading System.in shows an
    //    input box under the cell; what is typed there comes back to the cell.
    if (stem === '00-introduction') {
      const answer = await typeIntoInputBox(page, 'var in = new Scanner(System.in);\nSystem.out.print("Your name: ");\n"hello " + in.nextLine()', 'Ada');
      await screenshot(page, `notebook-${stem}-input`);
      if (!answer.box) failures.push('a cell reading System.in: no input box appeared under it');
      else if (!/hello Ada/.test(answer.output)) failures.push(`a cell reading System.in: typed "Ada", the cell shows "${shorten(answer.output, 120)}"`);
      else t.diagnostic(`${file}: a cell reading System.in showed an input box; typing Ada gave "${shorten(answer.output.replace(/\s+/g, ' '), 80)}"`);
    }
    if (pageErrors.length) t.diagnostic(`${file}: JavaScript errors on the page: ${pageErrors.slice(0, 3).join(' | ')}`);
    if (browser.blocked.length) t.diagnostic(`${file}: refused non-loopback requests: ${browser.blocked.slice(0, 3).join(' ')}`);
  } catch (e) {
    failures.push(e.message);
  } finally {
    if (failures.length) {
      shot ??= await screenshotAt(page, focus, `notebook-${stem}`);
      failures.push(`screenshot: ${shot}`);
    }
    if (!kernelId) kernelId = await page.evaluate(() => Jupyter.notebook.kernel && Jupyter.notebook.kernel.id).catch(() => null);
    if (kernelId) await server.shutdownKernel(kernelId);
    await page.close().catch(() => {});
  }
  if (failures.length) assert.fail(`${file}:\n  - ${failures.join('\n  - ')}`);
}

/** Waits until Run All is over; returns how many code cells ran and which non-empty ones did not. */
async function waitForRunAll(page, file) {
  const read = () => page.evaluate(() => {
    const cells = [...document.querySelectorAll('#notebook-container > .cell')];
    const nbCells = Jupyter.notebook.get_cells();
    const code = [];
    cells.forEach((el, i) => {
      if (!el.classList.contains('code_cell')) return;
      const src = nbCells[i] ? nbCells[i].get_text() : '';
      if (!src.trim()) return;
      const prompt = (el.querySelector('.input_prompt') || {}).innerText || '';
      code.push({ index: i + 1, prompt: prompt.replace(/\s+/g, ' ').trim(), first: src.trim().split('\n')[0] });
    });
    return {
      code,
      idle: !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon'),
      errors: document.querySelectorAll('.output_error').length,
    };
  });
  const deadline = Date.now() + RUN_ALL_MS;
  let idleSince = null;
  let s;
  for (;;) {
    s = await read();
    const running = s.code.filter((c) => c.prompt.includes('*'));
    const unnumbered = s.code.filter((c) => !/\[\s*\d+\s*\]/.test(c.prompt));
    idleSince = s.idle ? (idleSince ?? Date.now()) : null;
    const quiet = idleSince !== null && Date.now() - idleSince > 1_500;
    if (quiet && running.length === 0 && unnumbered.length === 0) break;
    // After an error the kernel skips the rest; their prompts may stay "*" or empty.
    if (s.errors > 0 && idleSince !== null && Date.now() - idleSince > 4_000) break;
    if (Date.now() > deadline) {
      const pending = (running.length ? running : unnumbered).slice(0, 3)
        .map((c) => `cell ${c.index} ("${shorten(c.first, 60)}", prompt "${c.prompt}")`).join(', ');
      throw new Error(`${file}: Run All had not finished after ${RUN_ALL_MS / 1000} s: still waiting for ${pending}`);
    }
    await sleep(500);
  }
  const unfinished = s.code.filter((c) => !/\[\s*\d+\s*\]/.test(c.prompt))
    .map((c) => ({ ...c, first: shorten(c.first, 60) }));
  return { done: s.code.length - unfinished.length, unfinished };
}

async function cellFirstLine(page, index) {
  const src = await page.evaluate((i) => Jupyter.notebook.get_cell(i - 1).get_text(), index).catch(() => '');
  return shorten(String(src).trim().split('\n')[0] || '', 60);
}

async function checkMath(page) {
  // Let MathJax finish whatever it has queued.
  await page.evaluate(() => new Promise((resolve) => {
    if (!window.MathJax || !MathJax.Hub) return resolve();
    MathJax.Hub.Queue(() => resolve());
    setTimeout(resolve, 30_000);
  }));
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll('#notebook-container > .cell')];
    const nbCells = Jupyter.notebook.get_cells();
    const res = { mathjax: !!(window.MathJax && MathJax.Hub), sourceHasMath: false, typeset: 0, scripts: 0, errors: [], raw: [] };
    const texPattern = /\$\$[\s\S]+?\$\$|\$[^$\n]+?\$|\\\([\s\S]+?\\\)|\\\[[\s\S]+?\\\]|\\begin\{[a-z*]+\}/;
    cells.forEach((el, i) => {
      if (!el.classList.contains('text_cell')) return;
      const src = nbCells[i] ? nbCells[i].get_text() : '';
      if (texPattern.test(src.replace(/```[\s\S]*?```|`[^`\n]*`/g, ''))) res.sourceHasMath = true;
      const rendered = el.querySelector('.text_cell_render');
      if (!rendered) return;
      res.typeset += rendered.querySelectorAll('span.MathJax, span.MathJax_CHTML, span.MathJax_SVG, mjx-container').length;
      res.scripts += rendered.querySelectorAll('script[type^="math/tex"]').length;
      rendered.querySelectorAll('.MathJax_Error, .mjx-noError, .noError, merror, [data-mjx-error]').forEach((e) => {
        if (e.closest('.MJX_Assistive_MathML')) return;
        res.errors.push({ index: i + 1, text: e.getAttribute('data-mjx-error') || e.textContent });
      });
      // MathJax 2's noUndefined extension shows an unknown macro as red "\name" instead of failing.
      rendered.querySelectorAll('span.MathJax, span.MathJax_CHTML, span.MathJax_SVG').forEach((f) => {
        f.querySelectorAll('[style*="color: red"], [style*="color:red"]').forEach((e) => {
          if (!e.closest('.MJX_Assistive_MathML')) res.errors.push({ index: i + 1, text: `undefined macro ${e.textContent}` });
        });
      });
      const clone = rendered.cloneNode(true);
      clone.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_Preview, .MathJax_CHTML, .MathJax_SVG, mjx-container, script, code, pre')
        .forEach((n) => n.remove());
      const m = clone.textContent.match(texPattern);
      if (m) res.raw.push({ index: i + 1, text: m[0] });
    });
    return res;
  });
}

/** Adds a code cell at the end (Esc, select last, B, Enter), types `text`, presses Tab. */
async function tabComplete(page, text) {
  await page.evaluate(() => {
    const nb = Jupyter.notebook;
    nb.command_mode();
    nb.select(nb.ncells() - 1);
    nb.get_selected_cell().element[0].scrollIntoView();
  });
  await page.keyboard.press('Escape');
  await page.keyboard.press('b');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => Jupyter.notebook.mode === 'edit', null, { timeout: 10_000 });
  await page.keyboard.type(text, { delay: 30 });
  await page.keyboard.press('Tab');
  const list = await page.waitForSelector('#complete select option', { timeout: COMPLETE_MS, state: 'attached' })
    .then(() => true)
    .catch(() => false);
  if (list) await sleep(300); // let the list fill
  const options = list ? await page.$$eval('#complete select option', (os) => os.map((o) => o.textContent)) : [];
  const cellText = await page.evaluate(() => Jupyter.notebook.get_selected_cell().get_text());
  return { list, options, text: cellText };
}

/** Runs `code` in a new cell at the end, types `text` + Enter into the input box it shows; returns what the cell printed. */
async function typeIntoInputBox(page, code, text) {
  await page.evaluate((src) => {
    const nb = Jupyter.notebook;
    const cell = nb.insert_cell_at_bottom('code');
    cell.set_text(src);
    nb.select(nb.ncells() - 1);
    cell.element[0].scrollIntoView();
    cell.execute();
  }, code);
  const box = await page.waitForSelector('input.raw_input', { timeout: 30_000 }).then(() => true).catch(() => false);
  if (!box) return { box, output: '' };
  await page.fill('input.raw_input', text);
  await page.press('input.raw_input', 'Enter');
  await page.waitForFunction(() => {
    const cell = Jupyter.notebook.get_cell(Jupyter.notebook.ncells() - 1);
    return cell.input_prompt_number !== '*' && cell.input_prompt_number !== null;
  }, null, { timeout: 30_000 }).catch(() => {});
  const output = await page.evaluate(() => {
    const cell = Jupyter.notebook.get_cell(Jupyter.notebook.ncells() - 1);
    return cell.output_area.element[0].innerText;
  });
  return { box, output };
}

async function screenshotAt(page, selector, name) {
  if (selector) {
    await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (el) el.scrollIntoView({ block: 'start' });
    }, selector).catch(() => {});
    await sleep(200);
  }
  return screenshot(page, name);
}
