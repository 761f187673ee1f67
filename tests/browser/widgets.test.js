'use strict';
// Issue 35: Jupyter widgets from the Java kernel in the front ends the set-up installs (JupyterLab 4
// and Notebook 7 with ipywidgets 8's widget manager, jupyterlab_widgets), in headless Debian Chromium.
// In a new notebook: the library's interact() shows a slider above an output area; dragging the
// slider's handle (as a reader does) redraws the output with the
// new value, a callback that throws shows its error in the area and the slider keeps working.
// Screenshots: target/browser/<lab|nb7>-widgets.png.
//
//   node --test tests/browser/widgets.test.js    (after environment/setup.sh and environment/browser.sh)

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { screenshot } = require('./helpers/env');
const { startServer, frontEndSuite } = require('./helpers/jupyter');
const L = require('./helpers/lab');

const KERNEL_START_MS = 120_000;
const SUITE = 'Java widgets in JupyterLab 4 and Notebook 7, in headless Chromium';

frontEndSuite(SUITE, {}, (shared) => {
  for (const fe of ['lab', 'nb7']) frontEnd(shared, fe);
});

/** The text shown in the output area of the widget in cell `index` (1-based), or null. */
const widgetOutput = (page, index) => page.evaluate((i) => {
  const cell = window.jupyterapp.shell.currentWidget.content.widgets[i - 1];
  const area = cell.node.querySelector('.widget-output');
  return area ? area.innerText.trim() : null;
}, index);

async function waitForWidgetOutput(page, index, pred, what, timeout = 20_000) {
  const t0 = Date.now();
  let last = null;
  while (Date.now() - t0 < timeout) {
    last = await widgetOutput(page, index);
    if (last !== null && pred(last)) return { text: last, ms: Date.now() - t0 };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: the widget's output area shows ${JSON.stringify(last)} after ${timeout / 1000} s`);
}

function frontEnd(shared, fe) {
  const { name, shot } = L.FRONT_ENDS[fe];
  test(`${name}: a slider made by interact() redraws its output`, { timeout: KERNEL_START_MS + 180_000 }, async (t) => {
    if (shared.setupError) assert.fail(shared.setupError.message);
    const server = await startServer({ app: fe === 'lab' ? 'lab' : 'notebook7' });
    let nb = null;
    try {
      const file = `notebooks/widgets-${fe}.ipynb`;
      await server.api('PUT', `/api/contents/${file}`, {
        type: 'notebook',
        format: 'json',
        content: {
          cells: [{ cell_type: 'code', metadata: {}, outputs: [], execution_count: null,
            source: '%jars ../lib/target/dltheory-lib.jar\nimport static dltheory.widgets.Widgets.*;' }],
          metadata: { kernelspec: { name: 'java', display_name: 'Java', language: 'java' } },
          nbformat: 4,
          nbformat_minor: 5,
        },
      });
      nb = await L.openNotebook(server, shared.browser, fe, file, { kernelStartMs: KERNEL_START_MS });
      const { page } = nb;
      await page.evaluate(() => { window.jupyterapp.shell.currentWidget.content.activeCellIndex = 0; });
      await L.runActiveCell(page);
      await L.newCell(page, 'var p = slider("p", 0.0, 1.0, 0.1, 0.5);\n'
        + 'interact(p, x -> { if (x > 0.75) throw new IllegalStateException("too big: " + x); return "p is " + x; })');
      const cell = await L.runActiveCell(page);
      assert.ok(cell.outputs.some((o) => o.data && o.data['application/vnd.jupyter.widget-view+json']),
        `the cell shows no widget view: ${JSON.stringify(cell.outputs).slice(0, 300)}`);
      const index = 2;
      await waitForWidgetOutput(page, index, (s) => s === 'p is 0.5', 'first output');
      // The reader drags the slider's handle to where the value lies (arrow keys on the handle move it
      // in JupyterLab, but Notebook 7's notebook keeps them; a click on the track lands on the handle
      // when the value is one step away).
      const slider = page.locator('[data-under-test] .jp-Cell').nth(index - 1).locator('.widget-slider');
      const moveTo = async (value) => {
        const track = await slider.locator('.noUi-target').boundingBox();
        const handle = await slider.locator('.noUi-handle').boundingBox();
        await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
        await page.mouse.down();
        await page.mouse.move(track.x + track.width * value, handle.y + handle.height / 2, { steps: 5 });
        await page.mouse.up();
      };
      const moves = [];
      for (const value of [0.6, 0.7]) {
        await moveTo(value);
        const r = await waitForWidgetOutput(page, index, (s) => s === `p is ${value}`, `after a drag to ${value}`);
        moves.push(r.ms);
      }
      t.diagnostic(`${name}: output redrawn ${moves.join(' and ')} ms after each drag`);
      await moveTo(0.8);
      const err = await waitForWidgetOutput(page, index, (s) => s.includes('too big: 0.8'), 'error in callback');
      assert.match(err.text, /IllegalStateException/);
      await moveTo(0.6);
      await waitForWidgetOutput(page, index, (s) => s === 'p is 0.6', 'after the error, a drag to 0.6');
      const readout = await page.locator('[data-under-test] .jp-Cell').nth(index - 1).locator('.widget-readout').innerText();
      assert.equal(readout.trim(), '0.60');
      // the kernel's value followed the slider
      await L.newCell(page, 'p.value()');
      const v = await L.runActiveCell(page);
      assert.equal(v.outputs[0].data['text/plain'], '0.6');
      await screenshot(page, `${shot}-widgets`);
      assert.deepEqual(nb.consoleErrors, [], `browser console errors:\n${nb.consoleErrors.join('\n')}`);
    } catch (e) {
      if (nb) e.message += `\n  screenshot: ${await screenshot(nb.page, `${shot}-widgets-failed`)}`;
      throw e;
    } finally {
      if (nb) await nb.close();
      await server.stop();
    }
  });
}
