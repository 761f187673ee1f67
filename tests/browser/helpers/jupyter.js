'use strict';
// The classic Jupyter Notebook server from Debian, on a loopback port with a random token, serving
// a scratch copy of the repository's notebooks (so running them never writes outputs or
// checkpoints into notebooks/) with the project kernel installed in target/jupyter.

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

/**
 * Why the classic Notebook 6 cannot be started here, or null. It is Debian's fallback front end
 * (environment/setup.sh --debian-jupyter installs it, and tests/environment runs that route);
 * where the set-up took pip's route, JupyterLab 4 and Notebook 7 are the front ends under test.
 */
function classicNotebookMissing() {
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

async function startServer() {
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
  const args = [
    ...notebookCommand().slice(1), '--no-browser', '--ip=127.0.0.1', `--port=${port}`,
    '--port-retries=0', `--NotebookApp.token=${token}`, `--notebook-dir=${dir}`,
    '--NotebookApp.password=', '--NotebookApp.disable_check_xsrf=False',
    '--MappingKernelManager.cull_idle_timeout=0',
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
  const exe = notebookCommand()[0];
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
    }, { timeout: 90_000, interval: 500, what: `jupyter notebook on ${base}` });
  } catch (e) {
    const tail = server.tail(20);
    await server.stop();
    if (exited !== null) throw new Error(`the notebook server did not start (${e.message}); its log:\n${tail}`);
    throw new Error(`${e.message}; its log:\n${tail}`);
  }
  return server;
}

module.exports = { startServer, prerequisitesMissing, classicNotebookMissing, KERNELS, KERNELSPEC };
