#!/usr/bin/env bash
# What the browser tests (tests/browser/, `node --test tests/browser/`) need, idempotent:
#
#   environment/browser.sh
#
# 1. Debian's `chromium` (plus fonts for readable screenshots), with apt-get when it is missing
#    and we are root or have password-less sudo. Another Chromium can be named with CHROMIUM=path.
#    No browser is ever downloaded by npm or Playwright.
# 2. The pinned npm packages (playwright-core, see tests/browser/package-lock.json) with `npm ci`,
#    skipped when node_modules already matches the lock file.
#
# Where no browser can be had (no root, no apt, no Node 20), it prints one line saying why, leaves
# the marker target/browser/NO-BROWSER (the tests then skip with that reason) and exits 0.
# With CI=true the same situation is an error (exit 1): CI must run the browser tests.
set -euo pipefail

# shellcheck source=environment/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh" browser
marker=target/browser/NO-BROWSER
ci_says="the browser tests must run on CI"
skip_says="browser tests will be skipped"
tests=tests/browser

find_chromium() {  # $CHROMIUM when set (and only that), else Debian's
  local c
  if [ -n "${CHROMIUM:-}" ]; then
    [ -x "$CHROMIUM" ] && { printf '%s\n' "$CHROMIUM"; return 0; }
    return 1
  fi
  for c in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$c" ]; then printf '%s\n' "$c"; return 0; fi
  done
  return 1
}

# --- 1. Chromium ------------------------------------------------------------------------------
if ! chromium=$(find_chromium); then
  if [ -n "${CHROMIUM:-}" ]; then
    unavailable "CHROMIUM=$CHROMIUM is not an executable"
  fi
  if ! apt_get_install "installing Debian's chromium with apt-get" \
       --no-install-recommends chromium fonts-dejavu-core fonts-liberation; then
    case "$apt_why" in
      root) unavailable "no Chromium at /usr/bin/chromium and no root or password-less sudo to install it (apt-get install chromium, or set CHROMIUM=/path/to/chromium)" ;;
      apt-get) unavailable "no Chromium at /usr/bin/chromium and no apt-get to install it (install Chromium, or set CHROMIUM=/path/to/chromium)" ;;
      *) unavailable "apt-get could not install chromium" ;;
    esac
  fi
  chromium=$(find_chromium) || unavailable "apt-get ran but /usr/bin/chromium is still missing"
fi
# Debian's wrapper script prints noise on stderr; the version is on stdout.
version=$("$chromium" --version 2>/dev/null | head -1 || true)
[ -n "$version" ] || unavailable "$chromium does not run (--version failed)"

# --- 2. Node and the pinned npm packages ------------------------------------------------------
command -v node >/dev/null 2>&1 || unavailable "no node found: the browser tests need Node.js 20 or newer and npm"
command -v npm >/dev/null 2>&1 || unavailable "no npm found: the browser tests need Node.js 20 or newer and npm"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || unavailable "node is $(node --version); the browser tests need Node.js 20 or newer"

wanted=$(node -p "require('./$tests/package-lock.json').packages['node_modules/playwright-core'].version")
# playwright-core never downloads browsers; npm_ci makes sure nothing else does either.
npm_ci "$tests" "playwright-core $wanted" \
  || unavailable "npm ci --prefix $tests failed (is the npm registry reachable?)"

rm -f "$marker"
mkdir -p target/browser
say "ready: $version, playwright-core $wanted, node $(node --version)"
