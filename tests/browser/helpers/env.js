'use strict';
// Shared set-up for the browser tests: where things are, whether a browser can run here,
// how to launch it (offline, fresh profile), screenshots and small utilities.
//
// Skipping: when no Chromium or no playwright-core is available the tests are skipped with a
// one-line reason (a user's laptop without root). With CI=true a missing browser is a failure.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SHOTS = path.join(ROOT, 'target', 'browser');
const NO_BROWSER_MARKER = path.join(SHOTS, 'NO-BROWSER');
const ON_CI = /^(1|true|yes)$/i.test(process.env.CI || '');

// The flags of issue 10: no sandbox (root in a container), no GPU, and no traffic of Chromium's own.
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The Chromium to drive: $CHROMIUM when set (and only that), else Debian's. */
function chromiumPath() {
  const candidates = process.env.CHROMIUM ? [process.env.CHROMIUM] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => {
    try { fs.accessSync(p, fs.constants.X_OK); return true; } catch { return false; }
  });
}

/** null when the browser tests can run; else a one-line reason to skip (or, on CI, to fail). */
function browserUnavailable() {
  const exe = chromiumPath();
  const marker = fs.existsSync(NO_BROWSER_MARKER) ? fs.readFileSync(NO_BROWSER_MARKER, 'utf8').trim() : '';
  if (!exe) {
    if (marker) return marker; // environment/browser.sh said why
    return `no Chromium at ${process.env.CHROMIUM ? `CHROMIUM=${process.env.CHROMIUM}` : '/usr/bin/chromium'}: run environment/browser.sh`;
  }
  try {
    require.resolve('playwright-core', { paths: [path.join(__dirname, '..')] });
  } catch {
    return 'playwright-core is not installed: run environment/browser.sh (npm ci --prefix tests/browser)';
  }
  return null;
}

function requireBrowser() {
  const reason = browserUnavailable();
  if (reason) throw new Error(`browser tests cannot run on CI: ${reason}`);
}

/** A fresh headless Chromium (new profile directory, removed by close()). */
async function launchBrowser() {
  requireBrowser();
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dltheory-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    timeout: 60_000,
  });
  const removeProfile = () => fs.rmSync(profile, { recursive: true, force: true });
  process.on('exit', removeProfile);
  exitOnSignals();
  const blocked = [];
  // Only loopback and local files: anything else is recorded and refused.
  await context.route((url) => !isLocalUrl(url.href), async (route) => {
    blocked.push(route.request().url());
    await route.abort('blockedbyclient');
  });
  return {
    context,
    blocked,
    async close() {
      try { await context.close(); } catch { /* already gone */ }
      removeProfile();
      process.removeListener('exit', removeProfile);
    },
  };
}

/** On SIGINT/SIGTERM (a timeout, Ctrl-C) exit normally, so the 'exit' handlers clean up. */
let signalsHooked = false;
function exitOnSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
}

function isLocalUrl(href) {
  let u;
  try { u = new URL(href); } catch { return false; }
  if (u.protocol === 'file:' || u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function shotPath(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.png`);
}

/** Screenshot that never throws (a failing page must still leave its picture if it can). */
async function screenshot(page, name, options = {}) {
  const file = shotPath(name);
  try {
    await page.screenshot({ path: file, timeout: 30_000, ...options });
    return path.relative(ROOT, file);
  } catch (e) {
    return `(no screenshot: ${String(e.message).split('\n')[0]})`;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll fn until it returns a truthy value or the time is up (then throws with `what`). */
async function waitFor(fn, { timeout = 60_000, interval = 250, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { last = e; }
    if (Date.now() > end) {
      throw new Error(`timed out after ${Math.round(timeout / 1000)} s waiting for ${what}`
        + (last ? ` (last error: ${String(last.message).split('\n')[0]})` : ''));
    }
    await sleep(interval);
  }
}

function shorten(s, n = 300) {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

module.exports = {
  ROOT, SHOTS, ON_CI, CHROMIUM_FLAGS, chromiumPath, browserUnavailable, requireBrowser,
  launchBrowser, exitOnSignals, isLocalUrl, shotPath, screenshot, freePort, sleep, waitFor, shorten,
};
