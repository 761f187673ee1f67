'use strict';
// A notebook open in JupyterLab 4 or Notebook 7, driven as a person would (menus, toolbar,
// keyboard), read through the page: both front ends are built from the same JupyterLab widgets,
// and the server runs with expose_app_in_browser so that window.jupyterapp tells which cell ran,
// what its outputs are and what the kernel is doing. Used by lab.test.js.

const { ROOT, SHOTS, sleep, shorten, screenshot, shotPath } = require('./env');
const path = require('node:path');

let workspaces = 0;

/** The two front ends: where a notebook opens, and the prefix of their screenshots. */
const FRONT_ENDS = {
  // A workspace of its own per page: JupyterLab's default workspace would reopen every notebook
  // opened before on this server (each with a new kernel).
  lab: { name: 'JupyterLab', shot: 'lab', url: (p) => `/lab/workspaces/t${++workspaces}-${p.replace(/[^A-Za-z0-9]+/g, '-')}/tree/${p.split('/').map(encodeURIComponent).join('/')}` },
  nb7: { name: 'Notebook 7', shot: 'nb7', url: (p) => `/notebooks/${p.split('/').map(encodeURIComponent).join('/')}` },
};

/**
 * The only browser messages the tests let pass (issue 17, "Known noise"): JupyterLab's debugger
 * extension rejects once per executed cell for a kernel without a debugger, and Notebook 7 fails
 * to read one settings schema on load (with the Python kernel as well). Exact texts, nothing else.
 */
const KNOWN_NOISE = new Set([
  'No active debugger session',
  "Cannot read properties of undefined (reading 'schema')",
]);

const TEX = /\$\$[\s\S]+?\$\$|\$[^$\n]+?\$|\\\([\s\S]+?\\\)|\\\[[\s\S]+?\\\]|\\begin\{[a-z*]+\}/;

/**
 * Opens `nbPath` (relative to the server's root) in a new page of the front end and waits until
 * the notebook is shown and its kernel is idle. Returns a handle with the page, the console
 * errors seen so far, and close() (which shuts the kernel down through the REST API, also when
 * the test failed).
 */
async function openNotebook(server, browser, frontEnd, nbPath, { kernelStartMs = 120_000 } = {}) {
  const page = await browser.context.newPage();
  const consoleErrors = [];
  const noise = { count: 0 };
  const record = (kind, text) => {
    const t = String(text).trim();
    if (KNOWN_NOISE.has(t)) noise.count += 1;
    else consoleErrors.push(`${kind}: ${shorten(t, 300)}`);
  };
  page.on('console', (m) => { if (m.type() === 'error') record('console.error', m.text()); });
  page.on('pageerror', (e) => record('uncaught', e.message));
  page.on('dialog', (d) => d.dismiss().catch(() => {}));
  const nb = {
    page, consoleErrors, noise, kernelId: null, frontEnd, path: nbPath,
    async close() {
      if (!nb.kernelId) nb.kernelId = await kernelId(page).catch(() => null);
      if (nb.kernelId) await server.shutdownKernel(nb.kernelId);
      await page.close().catch(() => {});
    },
  };
  const started = Date.now();
  try {
    await page.goto(server.url(FRONT_ENDS[frontEnd].url(nbPath)), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.waitForFunction((p) => {
      const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
      return w && w.context && w.context.path === p && w.context.isReady && w.content && w.content.widgets.length > 0;
    }, nbPath, { timeout: 90_000 }).catch(() => {
      throw new Error(`${nbPath} did not open in ${FRONT_ENDS[frontEnd].name} within 90 s`);
    });
    nb.loadedMs = Date.now() - started;
    await page.waitForFunction(() => {
      const s = window.jupyterapp.shell.currentWidget.sessionContext;
      return s.session && s.session.kernel && s.session.kernel.status === 'idle' && s.kernelDisplayName !== 'No Kernel';
    }, null, { timeout: kernelStartMs }).catch(async () => {
      const status = await kernelStatus(page).catch(() => '?');
      throw new Error(`the kernel of ${nbPath} was not idle within ${kernelStartMs / 1000} s (status "${status}"); server log:\n${server.tail(15)}`);
    });
    nb.kernelId = await kernelId(page);
    nb.readyMs = Date.now() - started;
    // The panel under test, for selectors: [data-under-test] (other panels may exist, hidden).
    await page.evaluate(() => window.jupyterapp.shell.currentWidget.node.setAttribute('data-under-test', ''));
  } catch (e) {
    e.nb = nb;
    throw e;
  }
  return nb;
}

const kernelId = (page) => page.evaluate(() => {
  const s = window.jupyterapp.shell.currentWidget.sessionContext;
  return s.session && s.session.kernel ? s.session.kernel.id : null;
});
const kernelStatus = (page) => page.evaluate(() => {
  const s = window.jupyterapp.shell.currentWidget.sessionContext;
  return s.session && s.session.kernel ? s.session.kernel.status : 'no kernel';
});

/** Clicks a menu of the menu bar, then one of its entries (by their visible labels). */
async function menu(page, top, item) {
  await page.click(`.lm-MenuBar-itemLabel:text-is("${top}")`, { timeout: 10_000 });
  await page.click(`.lm-Menu-content .lm-Menu-itemLabel:text-is("${item}")`, { timeout: 10_000 });
}

/** Every cell as data: type, source, execution count, prompt, outputs. */
function readCells(page) {
  return page.evaluate(() => {
    const w = window.jupyterapp.shell.currentWidget;
    const s = w.sessionContext;
    return {
      status: s.session && s.session.kernel ? s.session.kernel.status : 'no kernel',
      cells: w.content.widgets.map((c, i) => ({
        index: i + 1,
        type: c.model.type,
        source: c.model.sharedModel.getSource(),
        count: c.model.type === 'code' ? c.model.executionCount : null,
        prompt: c.model.type === 'code' && c.promptNode ? c.promptNode.textContent.trim() : '',
        outputs: c.model.type === 'code' ? c.model.outputs.toJSON() : [],
      })),
    };
  });
}

/**
 * Waits until every non-empty code cell from `from` (1-based) on has run and the kernel has been
 * idle for a moment, or until an error stopped the run. `since` is the lowest execution count
 * that counts as "ran now" (so cells that ran before do not count).
 */
async function waitForRun(page, { timeout, from = 1, since = 1, what = 'Run All' }) {
  const deadline = Date.now() + timeout;
  let idleSince = null;
  for (;;) {
    const s = await readCells(page);
    const code = s.cells.filter((c) => c.index >= from && c.type === 'code' && c.source.trim());
    const running = code.filter((c) => c.prompt.includes('*'));
    const notRun = code.filter((c) => !(c.count >= since));
    const errors = code.filter((c) => c.outputs.some((o) => o.output_type === 'error'));
    idleSince = s.status === 'idle' ? (idleSince ?? Date.now()) : null;
    const quiet = (ms) => idleSince !== null && Date.now() - idleSince > ms;
    if (quiet(1_500) && running.length === 0 && notRun.length === 0) return { ...s, code, notRun };
    // After an error the rest is not run: their prompts stay as they were.
    if (errors.length && quiet(3_000) && running.length === 0) return { ...s, code, notRun };
    if (Date.now() > deadline) {
      const pending = (running.length ? running : notRun).slice(0, 3)
        .map((c) => `cell ${c.index} ("${shorten(c.source.split('\n')[0], 60)}", prompt "${c.prompt}")`).join(', ');
      throw new Error(`${what} had not finished after ${timeout / 1000} s (kernel ${s.status}): still waiting for ${pending}`);
    }
    await sleep(400);
  }
}

/** The text of an error output, short. */
function errorText(o) {
  const tb = (o.traceback || []).join('\n').replace(/\x1b\[[0-9;]*m/g, '');
  return shorten(`${o.ename}: ${o.evalue}${tb && !tb.includes(o.evalue) ? ` ${tb}` : ''}`, 400);
}

/**
 * What a reader sees after a run: every chart output drawn (a loaded <img> or a sized <svg>),
 * every HTML table output rendered as a table with rows, and the Markdown's math typeset by
 * MathJax 3 (mjx-container), with no MathJax error and no raw TeX left.
 */
function inspectRendering(page) {
  return page.evaluate((texSource) => {
    const tex = new RegExp(texSource);
    const w = window.jupyterapp.shell.currentWidget;
    const res = { charts: [], tables: [], math: { sourceHasMath: false, typeset: 0, jax: [], errors: [], raw: [] } };
    w.content.widgets.forEach((cell, i) => {
      const index = i + 1;
      if (cell.model.type === 'code') {
        const outs = cell.model.outputs.toJSON();
        const wantCharts = outs.filter((o) => o.data && (o.data['image/png'] || o.data['image/svg+xml'])).length;
        const wantTables = outs.filter((o) => o.data && /<table/i.test([].concat(o.data['text/html'] || []).join(''))).length;
        if (!wantCharts && !wantTables) return;
        const node = cell.node;
        const imgs = [...node.querySelectorAll('.jp-OutputArea-output[data-mime-type^="image/"]')].map((o) => {
          const el = o.querySelector('img, svg');
          if (!el) return { ok: false, why: 'no img/svg element' };
          const r = el.getBoundingClientRect();
          const ok = el.tagName.toLowerCase() === 'img' ? el.complete && el.naturalWidth > 0 && r.width > 0 : r.width > 0 && r.height > 0;
          return { ok, why: ok ? '' : `${el.tagName.toLowerCase()} not drawn (${Math.round(r.width)}×${Math.round(r.height)})`, width: Math.round(r.width), height: Math.round(r.height) };
        });
        if (wantCharts) res.charts.push({ index, want: wantCharts, drawn: imgs.filter((x) => x.ok).length, problems: imgs.filter((x) => !x.ok).map((x) => x.why), size: imgs[0] && `${imgs[0].width}×${imgs[0].height}` });
        const tables = [...node.querySelectorAll('.jp-OutputArea-output[data-mime-type="text/html"] table')].map((t) => {
          const r = t.getBoundingClientRect();
          return { rows: t.querySelectorAll('tr').length, ok: t.querySelectorAll('tbody tr, tr').length > 1 && r.width > 0 && r.height > 0 };
        });
        if (wantTables) res.tables.push({ index, want: wantTables, rendered: tables.filter((x) => x.ok).length, rows: tables.map((x) => x.rows) });
      } else if (cell.model.type === 'markdown') {
        const src = cell.model.sharedModel.getSource();
        if (tex.test(src.replace(/```[\s\S]*?```|`[^`\n]*`/g, ''))) res.math.sourceHasMath = true;
        const rendered = cell.node.querySelector('.jp-RenderedMarkdown');
        if (!rendered) return;
        const formulas = rendered.querySelectorAll('mjx-container');
        res.math.typeset += formulas.length;
        formulas.forEach((f) => { const j = f.getAttribute('jax'); if (j && !res.math.jax.includes(j)) res.math.jax.push(j); });
        rendered.querySelectorAll('mjx-merror, [data-mjx-error]').forEach((e) => {
          res.math.errors.push({ index, text: e.getAttribute('data-mjx-error') || e.textContent });
        });
        // MathJax 3's noundefined extension draws an unknown macro as red "\name" instead of failing.
        rendered.querySelectorAll('mjx-container [style*="color: red"], mjx-container [style*="color:red"]').forEach((e) => {
          res.math.errors.push({ index, text: `undefined macro ${e.textContent}` });
        });
        const clone = rendered.cloneNode(true);
        clone.querySelectorAll('mjx-container, mjx-assistive-mml, script, code, pre').forEach((n) => n.remove());
        const m = clone.textContent.match(tex);
        if (m) res.math.raw.push({ index, text: m[0] });
      }
    });
    return res;
  }, TEX.source);
}

/** Waits until the number of typeset formulas stops changing (MathJax typesets asynchronously). */
async function settleMath(page, { timeout = 20_000 } = {}) {
  const deadline = Date.now() + timeout;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const n = await page.evaluate(() => document.querySelectorAll('[data-under-test] .jp-RenderedMarkdown mjx-container').length);
    if (n !== last) { last = n; stableSince = Date.now(); } else if (Date.now() - stableSince > 1_000) return n;
    await sleep(250);
  }
  return last;
}

/**
 * A picture of the whole notebook: the notebook panel scrolls inside the page, so the viewport is
 * made as tall as the notebook's cells (to the bottom of the last one, not the scroll-past-end
 * space below it; re-measured until it stops changing, as cells brought into view may render
 * taller than estimated), the notebook panel is photographed, and the viewport is put back.
 */
async function fullNotebookScreenshot(page, name, { maxHeight = 32_000 } = {}) {
  const original = page.viewportSize();
  const measure = () => page.evaluate(() => {
    const s = document.querySelector('[data-under-test] .jp-WindowedPanel-outer');
    const cells = s ? s.querySelectorAll('.jp-Notebook .jp-Cell') : [];
    if (!cells.length) return null;
    const bottom = cells[cells.length - 1].getBoundingClientRect().bottom;
    return { content: Math.ceil(bottom - s.getBoundingClientRect().top + s.scrollTop + 24), client: s.clientHeight };
  });
  const t0 = Date.now();
  try {
    let height = original.height;
    for (let i = 0; i < 5; i++) {
      const d = await measure();
      if (!d) break;
      const want = Math.min(maxHeight, Math.max(original.height, height - d.client + d.content));
      if (Math.abs(want - height) <= 2) break;
      height = want;
      await page.setViewportSize({ width: original.width, height });
      await page.evaluate(() => {
        const s = document.querySelector('[data-under-test] .jp-WindowedPanel-outer');
        if (s) s.scrollTop = 0;
      });
      await sleep(500);
    }
    await settleMath(page, { timeout: 5_000 });
    const file = shotPath(name);
    await page.locator('[data-under-test]').screenshot({ path: file, timeout: 120_000 });
    return { file: path.relative(ROOT, file), height, ms: Date.now() - t0 };
  } catch (e) {
    return { file: await screenshot(page, name), height: null, error: String(e.message).split('\n')[0] };
  } finally {
    await page.setViewportSize(original).catch(() => {});
  }
}

/**
 * Adds a code cell below the last one as a person would (Escape, select the last cell, "b"),
 * gives it `source` (typed with the keyboard when `type` is set, else set like a paste), and
 * returns its 1-based index. The cell is active, in command mode unless typed.
 */
async function newCell(page, source, { type = false } = {}) {
  await page.evaluate(() => {
    const nb = window.jupyterapp.shell.currentWidget.content;
    nb.mode = 'command';
    nb.activeCellIndex = nb.widgets.length - 1;
    nb.activeCell.node.scrollIntoView({ block: 'center' });
    nb.node.focus();
  });
  await page.keyboard.press('Escape');
  await page.keyboard.press('b');
  const index = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.activeCellIndex + 1);
  if (type) {
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.content.mode === 'edit', null, { timeout: 10_000 });
    await page.keyboard.type(source, { delay: 25 });
  } else {
    await page.evaluate((src) => window.jupyterapp.shell.currentWidget.content.activeCell.model.sharedModel.setSource(src), source);
  }
  return index;
}

/** Runs the active cell with Ctrl+Enter (command mode) and waits until it has finished. */
async function runActiveCell(page, { timeout = 60_000 } = {}) {
  const index = await page.evaluate(() => {
    const nb = window.jupyterapp.shell.currentWidget.content;
    nb.mode = 'command';
    nb.node.focus();
    return nb.activeCellIndex + 1;
  });
  const before = await page.evaluate((i) => window.jupyterapp.shell.currentWidget.content.widgets[i - 1].model.executionCount, index);
  await page.keyboard.press('Control+Enter');
  return waitForCell(page, index, { timeout, after: before });
}

/** Waits until cell `index` has an execution count other than `after`, no "*" prompt, and the kernel is idle. */
async function waitForCell(page, index, { timeout = 60_000, after = null } = {}) {
  const handle = await page.waitForFunction(({ i, prev }) => {
    const w = window.jupyterapp.shell.currentWidget;
    const c = w.content.widgets[i - 1];
    const k = w.sessionContext.session && w.sessionContext.session.kernel;
    if (!k || k.status !== 'idle' || c.promptNode.textContent.includes('*')) return false;
    if (c.model.executionCount === null || c.model.executionCount === prev) return false;
    return { count: c.model.executionCount, outputs: c.model.outputs.toJSON(), text: c.node.querySelector('.jp-Cell-outputArea') ? c.node.querySelector('.jp-Cell-outputArea').innerText : '' };
  }, { i: index, prev: after }, { timeout, polling: 100 }).catch(async (e) => {
    throw new Error(`cell ${index} did not finish within ${timeout / 1000} s (kernel ${await kernelStatus(page).catch(() => '?')}): ${String(e.message).split('\n')[0]}`);
  });
  return handle.jsonValue();
}

module.exports = {
  FRONT_ENDS, KNOWN_NOISE, TEX, openNotebook, menu, readCells, waitForRun, errorText, inspectRendering,
  settleMath, fullNotebookScreenshot, newCell, runActiveCell, waitForCell, kernelStatus, SHOTS,
};
