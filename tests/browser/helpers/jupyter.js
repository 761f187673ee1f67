'use strict';
// A Jupyter server on a loopback port with a random token, serving a scratch copy of the
// repository's notebooks (so running them never writes outputs or checkpoints into notebooks/)
// with the project kernel installed in target/jupyter. Two kinds:
//   startServer()                   Debian's classic Notebook 6 (the set-up's fallback);
//   startServer({ app: 'lab' })        the venv's `jupyter lab` (JupyterLab 4);
//   startServer({ app: 'notebook7' })  the venv's `jupyter notebook` (Notebook 7).
// One server per front end: a Notebook 7 page served next to JupyterLab restores JupyterLab's
// workspace and fails on it ("Command 'filebrowser:open-path' not registered").

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');
const { ROOT, freePort, waitFor, shorten, exitOnSignals } = require('./env');

const KERNELS = path.join(ROOT, 'target', 'jupyter', 'share', 'jupyter');
const KERNELSPEC = path.join(KERNELS, 'kernels', 'java', 'kernel.json');

/** The command that starts the classic Notebook: Debian's jupyter, not the venv's Notebook 7. */
function notebookCommand() {
  return ['/usr/bin/jupyter', 'notebook'];
}

/** The Python environment/setup.sh chose (target/python), or null before the set-up ran. */
function setupPython() {
  const file = path.join(ROOT, 'target', 'python');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() || null : null;
}

/** The versions of JupyterLab and Notebook importable by `python`, or null. */
function labVersions(python) {
  const probe = spawnSync(python, ['-c', 'import jupyterlab, notebook; print(jupyterlab.__version__, notebook.__version__)'],
    { encoding: 'utf8', timeout: 60_000 });
  if (probe.status !== 0) return null;
  const [lab, notebook] = probe.stdout.trim().split(/\s+/);
  return { lab, notebook };
}

/**
 * Where JupyterLab 4 and Notebook 7 are, or why they cannot be tested here. They are the set-up's
 * pip route: target/python is .venv/bin/python with both installed (environment/setup.sh).
 */
function labInstall() {
  const python = setupPython();
  if (!python) return { missing: 'target/python is missing: run environment/setup.sh' };
  const versions = fs.existsSync(python) ? labVersions(python) : null;
  if (!versions || !versions.lab.startsWith('4.') || !versions.notebook.startsWith('7.')) {
    return {
      missing: `the set-up's Jupyter (${python}) has no JupyterLab 4 and Notebook 7: it took Debian's route `
        + '(pip reached no index with them); the classic Notebook suite tests that route',
    };
  }
  return { python, jupyter: path.join(path.dirname(python), 'jupyter'), ...versions };
}

/**
 * Why the classic Notebook 6 is not tested here, or null. It is Debian's fallback front end
 * (environment/setup.sh --debian-jupyter installs it, and tests/environment runs that route);
 * where the set-up took pip's route (target/python has JupyterLab 4 and Notebook 7), those are
 * the front ends under test (lab.test.js) and this suite is skipped, even if Debian's Notebook 6
 * is installed too. CLASSIC_NOTEBOOK=1 runs it anyway.
 */
function classicNotebookMissing() {
  const python = setupPython();
  if (!/^(1|true|yes)$/i.test(process.env.CLASSIC_NOTEBOOK || '') && python && fs.existsSync(python)) {
    const v = labVersions(python);
    if (v && v.lab.startsWith('4.') && v.notebook.startsWith('7.')) {
      return `the set-up installed JupyterLab ${v.lab} and Notebook ${v.notebook} (${path.relative(ROOT, python)}), `
        + 'tested by lab.test.js; the classic Notebook 6 is only the fallback (CLASSIC_NOTEBOOK=1 runs this suite anyway)';
    }
  }
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import notebook; print(notebook.__version__)'],
    { encoding: 'utf8' });
  if (probe.status !== 0 || !fs.existsSync('/usr/bin/jupyter')) {
    return "Debian's classic Notebook is not installed (environment/setup.sh --debian-jupyter installs it)";
  }
  if (!probe.stdout.startsWith('6.')) return `/usr/bin/python3 has Notebook ${probe.stdout.trim()}, not the classic 6`;
  return null;
}

/** What is missing for the notebook test, as a sentence, or null. */
function prerequisitesMissing() {
  const missing = [];
  if (!fs.existsSync(KERNELSPEC)) {
    missing.push(`the project kernel is not installed at ${path.relative(ROOT, KERNELSPEC)} `
      + '(run environment/setup.sh, or mvn -B -q package -DskipTests && java -jar kernel/target/dltheory-kernel.jar install --prefix target/jupyter)');
  }
  if (!fs.existsSync(path.join(ROOT, 'lib', 'target', 'dltheory-lib.jar'))) {
    missing.push('lib/target/dltheory-lib.jar is missing (run mvn -B -q package -DskipTests)');
  }
  return missing.length ? missing.join('; ') : null;
}

/**
 * A scratch tree: <tmp>/notebooks holds copies of the notebooks; every other top-level entry of
 * the repository is a symlink, so relative paths such as ../lib/target/dltheory-lib.jar work.
 */
function scratchTree() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dltheory-e2e-'));
  for (const entry of fs.readdirSync(ROOT)) {
    if (entry === 'notebooks' || entry === '.git') continue;
    fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  fs.cpSync(path.join(ROOT, 'notebooks'), path.join(dir, 'notebooks'), {
    recursive: true,
    filter: (src) => !/(^|\/)\.ipynb_checkpoints(\/|$)/.test(src),
  });
  return dir;
}

/** Settings every JupyterLab/Notebook 7 page starts with: no news or update prompts (they would hide controls). */
const LAB_SETTINGS = {
  '@jupyterlab/apputils-extension/notification.jupyterlab-settings': { fetchNews: 'false', checkForUpdates: false },
};

async function startServer({ app = 'classic' } = {}) {
  const port = await freePort();
  const token = crypto.randomBytes(24).toString('hex');
  const dir = scratchTree();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dltheory-jupyter-home-'));
  const env = {
    ...process.env,
    JUPYTER_PATH: KERNELS,
    JUPYTER_CONFIG_DIR: path.join(home, 'config'),
    JUPYTER_DATA_DIR: path.join(home, 'data'),
    JUPYTER_RUNTIME_DIR: path.join(home, 'runtime'),
    IPYTHONDIR: path.join(home, 'ipython'),
    BROWSER: 'true',
  };
  delete env.JUPYTER_TOKEN;
  let exe;
  let args;
  if (app === 'lab' || app === 'notebook7') {
    const lab = labInstall();
    if (lab.missing) throw new Error(lab.missing);
    env.JUPYTERLAB_SETTINGS_DIR = path.join(home, 'lab-settings');
    env.JUPYTERLAB_WORKSPACES_DIR = path.join(home, 'lab-workspaces');
    // Notebook 7 links every page to /custom/custom.css, read from the config folder; without one
    // there it looks beside its static folder, found by a regular expression that stops at the
    // first 'static' in the path (a checkout under .../static/... gets a 500 page, and the browser
    // logs that it refused the page as a style sheet). An empty one makes the pages the same for
    // every checkout path, so the console checks need no exception for it.
    fs.mkdirSync(path.join(env.JUPYTER_CONFIG_DIR, 'custom'), { recursive: true });
    fs.writeFileSync(path.join(env.JUPYTER_CONFIG_DIR, 'custom', 'custom.css'), '');
    for (const [file, value] of Object.entries(LAB_SETTINGS)) {
      const f = path.join(env.JUPYTERLAB_SETTINGS_DIR, file);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, JSON.stringify(value));
    }
    exe = lab.jupyter;
    // expose_app_in_browser: window.jupyterapp, through which the tests read cells and kernel state.
    args = [
      ...(app === 'lab'
        ? ['lab', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate', '--LabApp.expose_app_in_browser=True']
        : ['notebook', '--JupyterNotebookApp.expose_app_in_browser=True']),
      '--no-browser', '--ServerApp.ip=127.0.0.1', `--ServerApp.port=${port}`,
      '--ServerApp.port_retries=0', `--IdentityProvider.token=${token}`, `--ServerApp.root_dir=${dir}`,
      '--ServerApp.password=', '--MappingKernelManager.cull_idle_timeout=0',
    ];
  } else {
    exe = notebookCommand()[0];
    args = [
      ...notebookCommand().slice(1), '--no-browser', '--ip=127.0.0.1', `--port=${port}`,
      '--port-retries=0', `--NotebookApp.token=${token}`, `--notebook-dir=${dir}`,
      '--NotebookApp.password=', '--NotebookApp.disable_check_xsrf=False',
      '--MappingKernelManager.cull_idle_timeout=0',
    ];
  }
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
  const log = [];
  const child = spawn(exe, args, { env, cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (b) => { log.push(b.toString()); if (log.length > 400) log.splice(0, 100); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  // If this test process dies, take the server (and its kernels, same process group) with it.
  const killGroup = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  const cleanUp = () => {
    killGroup();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  };
  process.on('exit', cleanUp);
  exitOnSignals();

  const base = `http://127.0.0.1:${port}`;
  const server = {
    base, token, dir, port, log,
    url: (p) => `${base}${p}${p.includes('?') ? '&' : '?'}token=${token}`,
    async api(method, p, body) {
      const res = await fetch(`${base}${p}`, {
        method,
        headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${p}: HTTP ${res.status} ${shorten(text, 200)}`);
      return text ? JSON.parse(text) : null;
    },
    async kernels() { return server.api('GET', '/api/kernels'); },
    async shutdownKernel(id) {
      try { await server.api('DELETE', `/api/kernels/${id}`); return true; } catch { return false; }
    },
    /** DELETE every kernel, stop the server (SIGTERM, then SIGKILL), remove the scratch tree. */
    async stop() {
      if (exited === null) {
        try {
          for (const k of await server.kernels()) await server.shutdownKernel(k.id);
        } catch { /* server already unhappy: the signals below still end it */ }
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
        try {
          await waitFor(() => exited !== null, { timeout: 15_000, what: 'the notebook server to exit' });
        } catch { killGroup(); }
      }
      process.removeListener('exit', cleanUp);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(home, { recursive: true, force: true });
    },
    tail: (n = 30) => log.join('').split('\n').slice(-n).join('\n'),
  };

  try {
    await waitFor(async () => {
      if (exited !== null) throw new Error(`exited with ${exited.code ?? exited.signal}`);
      const st = await server.api('GET', '/api/status');
      return st && typeof st === 'object';
    }, { timeout: 90_000, interval: 500, what: `jupyter ${app === 'lab' ? 'lab' : 'notebook'} on ${base}` });
  } catch (e) {
    const tail = server.tail(20);
    await server.stop();
    if (exited !== null) throw new Error(`the notebook server did not start (${e.message}); its log:\n${tail}`);
    throw new Error(`${e.message}; its log:\n${tail}`);
  }
  return server;
}

/**
 * Declares the suite `name` of a test file that drives JupyterLab 4 / Notebook 7 in Chromium:
 * skipped, with the reason, where the front ends or (off CI) the browser are missing, failed on CI
 * where the browser is missing. Otherwise `body(ctx)` declares the tests inside describe(name); a
 * hook launches the browser before them (and a server of `options.app`, when given) into
 * ctx.browser / ctx.server, or records why not in ctx.setupError, and closes both after them.
 */
function frontEndSuite(name, options, body) {
  const { describe, test, before, after } = require('node:test');
  const assert = require('node:assert/strict');
  const { ON_CI, browserUnavailable, launchBrowser } = require('./env');
  const install = labInstall();
  const unavailable = browserUnavailable();
  if (install.missing) {
    test(name, { skip: install.missing }, () => {});
    return;
  }
  if (unavailable && !ON_CI) {
    test(name, { skip: `browser tests skipped: ${unavailable}` }, () => {});
    return;
  }
  if (unavailable) {
    test(name, () => assert.fail(`browser tests cannot run on CI: ${unavailable}`));
    return;
  }
  describe(name, () => {
    const ctx = { browser: null, server: null, setupError: null, install };
    before(async () => {
      try {
        const missing = prerequisitesMissing();
        if (missing) throw new Error(missing);
        ctx.browser = await launchBrowser();
        if (options.app) ctx.server = await startServer({ app: options.app });
      } catch (e) {
        ctx.setupError = e;
      }
    }, { timeout: options.app ? 240_000 : 120_000 });
    after(async () => {
      if (ctx.server) await ctx.server.stop();
      if (ctx.browser) await ctx.browser.close();
    }, { timeout: 60_000 });
    body(ctx);
  });
}

module.exports = {
  startServer, prerequisitesMissing, classicNotebookMissing, labInstall, scratchTree, KERNELS, KERNELSPEC,
  frontEndSuite,
};
