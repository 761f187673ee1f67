'use strict';
// Issue 35: the Explore cell of every notebook (01–06) in JupyterLab 4 and Notebook 7, in headless
// Chromium. Each notebook is opened from a scratch copy; the cells down to its Explore cell (the
// cell that calls interact(…)) are run (Run → "Run All Above Selected Cell", then the cell itself,
// which is what a reader does to reach it; the cells below it do not change it); then the reader
// drags the first slider's handle (and, in notebook 03, the second one too) and the chart in the
// widget's output area must be redrawn: a new image, and the slider's readout changed. One server
// per front end; each test shuts its kernel down. Screenshots: target/browser/<lab|nb7>-explore-<stem>.png.
//
//   node --test tests/browser/explore.test.js    (after environment/setup.sh and environment/browser.sh)
//   EXPLORE_NOTEBOOKS=01,04 node --test tests/browser/explore.test.js   (some notebooks only)

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, screenshot } = require('./helpers/env');
const { startServer, frontEndSuite } = require('./helpers/jupyter');
const L = require('./helpers/lab');

const KERNEL_START_MS = 120_000;
const RUN_MS = 180_000;
const SUITE = 'the Explore cells of notebooks 01–06 in JupyterLab 4 and Notebook 7 (issue 35)';

/** notebooks/*.ipynb with an Explore cell (a code cell calling interact), with its 0-based index. */
function exploreNotebooks() {
  const dir = path.join(ROOT, 'notebooks');
  const only = (process.env.EXPLORE_NOTEBOOKS || '').split(',').map((s) => s.trim()).filter(Boolean);
  return fs.readdirSync(dir).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort()
    .filter((f) => !only.length || only.some((o) => f.startsWith(o)))
    .map((f) => {
      const cells = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).cells;
      const index = cells.findIndex((c) => c.cell_type === 'code' && /\binteract\(/.test([].concat(c.source).join('')));
      return { file: f, index };
    })
    .filter((n) => n.index >= 0);
}

frontEndSuite(SUITE, {}, (shared) => {
  const notebooks = exploreNotebooks();
  test('notebooks 01–06 each have an Explore cell', () => {
    if (process.env.EXPLORE_NOTEBOOKS) return;
    assert.deepEqual(notebooks.map((n) => n.file.slice(0, 2)), ['01', '02', '03', '04', '05', '06']);
  });
  for (const fe of ['lab', 'nb7']) frontEnd(shared, fe, notebooks);
});

/** What the output area of the widget in cell `index` (0-based) shows: its image, the readouts. */
const widgetState = (page, index) => page.evaluate((i) => {
  const cell = window.jupyterapp.shell.currentWidget.content.widgets[i];
  const area = cell.node.querySelector('.widget-output');
  const img = area && area.querySelector('img');
  const svg = area && area.querySelector('svg');
  let image = null;
  if (img && img.complete && img.naturalWidth > 0) image = img.getAttribute('src');
  else if (svg && svg.getBoundingClientRect().width > 0) image = svg.outerHTML;
  return {
    image,
    readouts: [...cell.node.querySelectorAll('.widget-readout')].map((r) => r.innerText.trim()),
    error: area ? /Exception|Error/.test(area.innerText) : false,
  };
}, index);

async function waitForImage(page, index, pred, what, timeout = 60_000) {
  const t0 = Date.now();
  let last = null;
  while (Date.now() - t0 < timeout) {
    last = await widgetState(page, index);
    if (last.image && pred(last)) return { ...last, ms: Date.now() - t0 };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: the widget's output area shows ${last && last.image ? 'the same chart' : 'no chart'} after `
    + `${timeout / 1000} s (readouts ${JSON.stringify(last && last.readouts)})`);
}

/**
 * Waits until every non-empty code cell above cell `index` (0-based) has run and the kernel is idle;
 * fails at once on an error output.
 */
async function waitAbove(page, index, what) {
  const deadline = Date.now() + RUN_MS;
  for (;;) {
    const s = await L.readCells(page);
    const code = s.cells.filter((c) => c.index <= index && c.type === 'code' && c.source.trim());
    const failed = code.find((c) => c.outputs.some((o) => o.output_type === 'error'));
    if (failed) {
      throw new Error(`${what}: cell ${failed.index} failed: ${L.errorText(failed.outputs.find((o) => o.output_type === 'error'))}`);
    }
    if (s.status === 'idle' && code.every((c) => c.count !== null && !c.prompt.includes('*'))) return;
    if (Date.now() > deadline) {
      const left = code.filter((c) => c.count === null || c.prompt.includes('*')).slice(0, 3).map((c) => c.index);
      throw new Error(`${what}: not finished after ${RUN_MS / 1000} s (kernel ${s.status}; cells ${left.join(', ')} not run)`);
    }
    await new Promise((r) => setTimeout(r, 400));
  }
}

function frontEnd(shared, fe, notebooks) {
  const { name, shot } = L.FRONT_ENDS[fe];
  let server = null;
  let serverError = null;
  for (const [k, { file, index }] of notebooks.entries()) {
    const stem = file.replace(/\.ipynb$/, '');
    test(`${name}: ${stem}, a slider of the Explore cell redraws its chart`, { timeout: KERNEL_START_MS + RUN_MS + 120_000 }, async (t) => {
      if (shared.setupError) assert.fail(shared.setupError.message);
      if (!server && !serverError) {
        try {
          server = await startServer({ app: fe === 'lab' ? 'lab' : 'notebook7' });
        } catch (e) {
          serverError = e;
        }
      }
      if (serverError) assert.fail(`${name}: the server did not start: ${serverError.message}`);
      let nb = null;
      try {
        const t0 = Date.now();
        nb = await L.openNotebook(server, shared.browser, fe, `notebooks/${file}`, { kernelStartMs: KERNEL_START_MS });
        const { page } = nb;
        // the cells above the Explore cell, then the Explore cell
        await page.evaluate((i) => {
          const panel = window.jupyterapp.shell.currentWidget;
          panel.content.activeCellIndex = i;
          return window.jupyterapp.commands.execute('notebook:run-all-above');
        }, index);
        await waitAbove(page, index, `the cells above the Explore cell of ${file}`);
        await page.evaluate((i) => {
          const panel = window.jupyterapp.shell.currentWidget;
          panel.content.activeCellIndex = i;
          panel.content.activeCell.node.scrollIntoView({ block: 'start' });
        }, index);
        const cell = await L.runActiveCell(page, { timeout: RUN_MS });
        const errors = cell.outputs.filter((o) => o.output_type === 'error');
        assert.deepEqual(errors.map(L.errorText), [], `${file}: the Explore cell failed`);
        assert.ok(cell.outputs.some((o) => o.data && o.data['application/vnd.jupyter.widget-view+json']),
          `${file}: the Explore cell shows no widget view: ${JSON.stringify(cell.outputs).slice(0, 300)}`);
        const first = await waitForImage(page, index, () => true, `${file}: the first chart`);
        const ranMs = Date.now() - t0;
        const sliders = page.locator('[data-under-test] .jp-Cell').nth(index).locator('.widget-slider');
        const count = await sliders.count();
        assert.ok(count >= 1, `${file}: the Explore cell has no slider`);
        let before = first;
        const moves = [];
        for (let s = 0; s < count; s++) {
          const slider = sliders.nth(s);
          await slider.scrollIntoViewIfNeeded();
          const track = await slider.locator('.noUi-target').boundingBox();
          const handle = await slider.locator('.noUi-handle').boundingBox();
          const at = (handle.x + handle.width / 2 - track.x) / track.width;
          const to = at > 0.5 ? 0.2 : 0.8;  // far from where it is, so that the value changes
          await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
          await page.mouse.down();
          await page.mouse.move(track.x + track.width * to, handle.y + handle.height / 2, { steps: 5 });
          await page.mouse.up();
          const after = await waitForImage(page, index, (x) => x.image !== before.image && x.readouts[s] !== before.readouts[s],
            `${file}: after dragging slider ${s + 1} from ${before.readouts[s]}`);
          assert.ok(!after.error, `${file}: the output area shows an error after the move`);
          moves.push(`${before.readouts[s]} → ${after.readouts[s]} (${after.ms} ms)`);
          before = after;
        }
        t.diagnostic(`${name}, ${stem}: cells run and first chart in ${(ranMs / 1000).toFixed(1)} s; moved ${moves.join(', ')}`);
        await screenshot(page, `${shot}-explore-${stem}`);
        assert.deepEqual(nb.consoleErrors, [], `browser console errors:\n${nb.consoleErrors.join('\n')}`);
      } catch (e) {
        if (nb) e.message += `\n  screenshot: ${await screenshot(nb.page, `${shot}-explore-${stem}-failed`)}`;
        throw e;
      } finally {
        if (nb) await nb.close();
        if (k === notebooks.length - 1 && server) {
          await server.stop();
          server = null;
        }
      }
    });
  }
}
