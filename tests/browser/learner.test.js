'use strict';
// Issue 33: what a student sees in JupyterLab 4 in the first hour, with the project's kernel, in
// headless Chromium (playwright-core), as lab.test.js drives it (same helpers, server and scratch
// copy of notebooks/). A notebook opened is not marked modified once the kernel has connected; in a
// new notebook: an array's value, Math.PI in full, System.out.printf with no PrintStream line,
// display(x) with no display id, the hint of a cell run before the set-up cells, Math.PI in full
// with the library loaded, an answer cell holding a plain 25 (a Number) and the check of one that
// did not compile saying to re-run it, and Shift+Tab's tooltip with the Javadoc of a jar whose
// sources lie beside it and of the library (dltheory-lib-sources.jar), as text.
//
//   node --test tests/browser/learner.test.js   (after environment/setup.sh and environment/browser.sh)

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { screenshot, shorten } = require('./helpers/env');
const { frontEndSuite } = require('./helpers/jupyter');
const L = require('./helpers/lab');

const KERNEL_START_MS = 120_000;
const SUITE = 'a learner\'s first hour in JupyterLab 4 (issue 33)';

frontEndSuite(SUITE, { app: 'lab' }, (ctx) => {

  test('a stored notebook is not marked modified when the kernel connects', { timeout: KERNEL_START_MS + 60_000 }, async (t) => {
    if (ctx.setupError) assert.fail(ctx.setupError.message);
    const nb = await L.openNotebook(ctx.server, ctx.browser, 'lab', 'notebooks/00-introduction.ipynb', { kernelStartMs: KERNEL_START_MS });
    try {
      // kernel_info arrives with the kernel; JupyterLab then rewrites metadata.language_info
      await nb.page.waitForTimeout(2_000);
      const state = await nb.page.evaluate(() => {
        const w = window.jupyterapp.shell.currentWidget;
        return { dirty: w.context.model.dirty, info: w.context.model.getMetadata('language_info') };
      });
      assert.equal(state.dirty, false, `the notebook is marked modified; language_info is now ${JSON.stringify(state.info)}`);
      t.diagnostic(`language_info after connecting: ${JSON.stringify(state.info)}`);
    } finally {
      await nb.close();
    }
  });

  test('values, printing, errors and Javadoc in a new notebook', { timeout: KERNEL_START_MS + 240_000 }, async (t) => {
    if (ctx.setupError) assert.fail(ctx.setupError.message);
    const file = 'notebooks/learner-lab.ipynb';
    await ctx.server.api('PUT', `/api/contents/${file}`, {
      type: 'notebook',
      format: 'json',
      content: {
        cells: [{ cell_type: 'code', source: '', metadata: {}, outputs: [], execution_count: null }],
        metadata: { kernelspec: { name: 'java', display_name: 'Java', language: 'java' } },
        nbformat: 4,
        nbformat_minor: 5,
      },
    });
    const jar = documentedJar();
    let nb = null;
    try {
      nb = await L.openNotebook(ctx.server, ctx.browser, 'lab', file, { kernelStartMs: KERNEL_START_MS });
      const { page } = nb;
      const run = async (source) => {
        await L.newCell(page, source);
        return L.runActiveCell(page);
      };
      const step = (title, fn) => t.test(title, async (st) => {
        try {
          await fn(st);
        } catch (e) {
          e.message += `\n  screenshot: ${await screenshot(page, 'lab-learner-failed')}`;
          throw e;
        }
      });

      await step('an array shows its elements', async () => {
        const r = await run('new double[]{1.5, 2, 3}');
        assert.match(r.text, /double\[3\] \{ 1\.5, 2\.0, 3\.0 \}/, `the cell shows "${shorten(r.text, 120)}"`);
      });
      await step('Math.PI shows in full', async () => {
        const r = await run('Math.PI');
        assert.match(r.text, /3\.141592653589793/, `the cell shows "${shorten(r.text, 120)}"`);
      });
      await step('System.out.printf shows what it prints and no PrintStream', async () => {
        const r = await run('System.out.printf("%.2f%n", Math.E);');
        assert.match(r.text, /2\.72/, `the cell shows "${shorten(r.text, 120)}"`);
        assert.doesNotMatch(r.text, /PrintStream/, `the cell shows "${shorten(r.text, 120)}"`);
        const d = await run('display("shown once");');
        assert.equal(d.outputs.length, 1, `display(x) as the last statement: ${JSON.stringify(d.outputs).slice(0, 300)}`);
      });
      await step('a cell run before the set-up cells says so in one line', async (st) => {
        const r = await run('long twice = SEED * 2 + Seeded.rng(SEED).nextLong();');
        const err = r.outputs.find((o) => o.output_type === 'error');
        assert.ok(err, `expected an error, the cell shows "${shorten(r.text, 200)}"`);
        assert.match(r.text, /`SEED` and `Seeded` are not defined: are they defined in a cell above that has not been run\? Run → Run All Above/,
          `the cell shows "${shorten(r.text, 400)}"`);
        assert.equal((r.text.match(/cannot find symbol/g) || []).length, 1, `one error block: "${shorten(r.text, 400)}"`);
        st.diagnostic(`error shown: "${shorten(r.text.replace(/\s+/g, ' '), 200)}"`);
      });
      await step('an answer cell takes the number a learner types, and its check echoes it', async () => {
        const lib = await run('%jars ../lib/target/dltheory-lib.jar\nimport dltheory.check.*;');
        assert.ok(!lib.outputs.some((o) => o.output_type === 'error'), `loading the library failed: ${shorten(lib.text, 200)}`);
        const answer = await run('Number answer2 = 160001;');
        assert.ok(!answer.outputs.some((o) => o.output_type === 'error'), `the answer cell failed: ${shorten(answer.text, 300)}`);
        const r = await run('Exercise.check(IntroExercises.EXERCISE_2, answer2);');
        assert.match(r.text, /✗ Exercise 0.2: 160001 is not right/, `the check shows "${shorten(r.text, 200)}"`);
        const pi = await run('Math.PI');
        assert.match(pi.text, /3\.141592653589793/, `with the library loaded the cell shows "${shorten(pi.text, 120)}"`);
        // a Double answer cell does not take 25 and drops answer1: its check says to re-run the answer cell
        const wrong = await run('Double answer1 = 25;');
        assert.ok(wrong.outputs.some((o) => o.output_type === 'error'), `Double answer1 = 25; compiled: ${shorten(wrong.text, 200)}`);
        const missing = await run('Exercise.check(IntroExercises.EXERCISE_1, answer1);');
        assert.match(missing.text, /`answer1` is not defined: cell \[\d+\] declares it but did not compile; correct that cell and re-run it/,
          `the check shows "${shorten(missing.text, 400)}"`);
        const typed = await run('Number answer1 = 25;');
        assert.ok(!typed.outputs.some((o) => o.output_type === 'error'), `Number answer1 = 25; failed: ${shorten(typed.text, 300)}`);
        const checked = await run('Exercise.check(IntroExercises.EXERCISE_1, answer1);');
        assert.match(checked.text, /Exercise 0.1: 25 is (not )?right/, `the check shows "${shorten(checked.text, 200)}"`);
      });
      await step('Shift+Tab shows the Javadoc of a jar with sources beside it', async (st) => {
        const added = await run(`%jars ${jar}`);
        assert.ok(!added.outputs.some((o) => o.output_type === 'error'), `%jars failed: ${shorten(added.text, 200)}`);
        await L.newCell(page, 'doc.demo.Greeter.greet', { type: true });
        await page.keyboard.press('Shift+Tab');
        const text = await page.waitForFunction(() => {
          const tip = document.querySelector('.jp-Tooltip');
          return tip && tip.innerText.trim() ? tip.innerText : false;
        }, null, { timeout: 15_000 }).then((h) => h.jsonValue()).catch(() => null);
        await screenshot(page, 'lab-learner-javadoc');
        await page.keyboard.press('Escape');
        assert.ok(text, 'no tooltip within 15 s of Shift+Tab');
        assert.match(text, /A greeting for a learner by name\./, `the tooltip shows "${shorten(text, 200)}"`);
        st.diagnostic(`tooltip: "${shorten(text.replace(/\s+/g, ' '), 160)}"`);
      });
      await step('Shift+Tab shows the library\'s Javadoc as text', async (st) => {
        await L.newCell(page, 'Stats.of', { type: true });
        await page.keyboard.press('Shift+Tab');
        const text = await page.waitForFunction(() => {
          const tip = document.querySelector('.jp-Tooltip');
          return tip && tip.innerText.trim() ? tip.innerText : false;
        }, null, { timeout: 15_000 }).then((h) => h.jsonValue()).catch(() => null);
        await screenshot(page, 'lab-learner-javadoc-lib');
        await page.keyboard.press('Escape');
        assert.ok(text, 'no tooltip within 15 s of Shift+Tab');
        assert.match(text, /Statistics of samples \(at least 2\), by Welford's update\./, `the tooltip shows "${shorten(text, 200)}"`);
        st.diagnostic(`tooltip: "${shorten(text.replace(/\s+/g, ' '), 160)}"`);
      });
      await step('no browser console errors (but the known ones)', () => {
        assert.deepEqual(nb.consoleErrors, []);
      });
    } finally {
      if (nb) await nb.close();
      await ctx.server.api('DELETE', `/api/contents/${file}`).catch(() => {});
    }
  });
});

/** A jar of one documented class, with its -sources.jar beside it, in a temporary folder. */
function documentedJar() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dltheory-learner-'));
  const src = path.join(dir, 'src', 'doc', 'demo');
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(path.join(src, 'Greeter.java'), [
    'package doc.demo;',
    '/** Says hello. */',
    'public final class Greeter {',
    '    /**',
    '     * A greeting for a learner by name.',
    '     *',
    '     * @param name who',
    '     * @return the words',
    '     */',
    '    public static String greet(String name) { return "hi " + name; }',
    '}',
    ''].join('\n'));
  execFileSync('javac', ['-d', path.join(dir, 'classes'), path.join(src, 'Greeter.java')]);
  execFileSync('jar', ['--create', '--file', path.join(dir, 'greeter.jar'), '-C', path.join(dir, 'classes'), '.']);
  execFileSync('jar', ['--create', '--file', path.join(dir, 'greeter-sources.jar'), '-C', path.join(dir, 'src'), '.']);
  return path.join(dir, 'greeter.jar');
}
