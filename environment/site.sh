#!/usr/bin/env bash
# What the site's build steps need beyond Jupyter, idempotent (bin/site runs it):
#
#   environment/site.sh
#
# 1. Debian's `chromium-headless-shell` (prints site/dltheory.pdf: Chromium's headless-only build,
#    which Playwright itself uses for headless runs; it starts in half the time of the full browser
#    and prints the same pages) and `poppler-utils` (pdftotext/pdftoppm, used by the site's tests),
#    with apt-get when missing and we are root or have password-less sudo.
# 2. The pinned npm packages of tools/site (MiniSearch for the search index, playwright-core to
#    drive Chromium; see tools/site/package-lock.json) with `npm ci`, skipped when node_modules
#    already matches the lock file. No browser is ever downloaded by npm.
# 3. The pinned Python packages of the PDF's book step (tools/site/requirements.txt: pypdf, for
#    the outline and the contents' page numbers) with pip into target/site/pylib, skipped when
#    that folder already matches the file.
#
# Where something cannot be had it prints one line saying why and writes target/site/NO-BUILD-STEPS;
# tools/notebooks.py then renders the pages without search and PDF and says so. Exit status 0,
# except with CI=true, where a missing piece is an error.
set -euo pipefail

# shellcheck source=environment/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh" site-setup
marker=target/site/NO-BUILD-STEPS
ci_says="the site must be built whole"
skip_says="the site will have no search and no PDF"
tools=tools/site

# --- 1. Debian packages -----------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium-headless-shell ] || [ -n "${CHROMIUM:-}" ] \
  || missing+=(chromium-headless-shell fonts-dejavu-core fonts-liberation)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ] \
     && ! apt_get_install "installing ${missing[*]} with apt-get" --no-install-recommends "${missing[@]}"; then
  case "$apt_why" in
    root) why="missing ${missing[*]} and no root or password-less sudo to install them" ;;
    apt-get) why="missing ${missing[*]} and no apt-get to install them" ;;
    *) why="apt-get could not install ${missing[*]}" ;;
  esac
  # Debian's full browser prints the same PDF, only slower to start (tools/site/build.js uses it then).
  if [ -x /usr/bin/chromium ] && command -v pdftotext >/dev/null 2>&1; then
    say "$why: the PDF is printed with /usr/bin/chromium"
  else
    unavailable "$why"
  fi
fi

# --- 2. Node and the pinned npm packages ------------------------------------------------------
command -v node >/dev/null 2>&1 || unavailable "no node found (Node.js 20 or newer and npm are needed)"
command -v npm >/dev/null 2>&1 || unavailable "no npm found (Node.js 20 or newer and npm are needed)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || unavailable "node is $(node --version); Node.js 20 or newer is needed"
npm_ci "$tools" || unavailable "npm ci --prefix $tools failed (is the npm registry reachable?)"

# --- 3. The pinned Python packages of the book step -------------------------------------------
pylib=target/site/pylib
if ! up_to_date "$tools/requirements.txt" "$pylib/.dltheory-requirements.txt"; then
  python=$(cat target/python 2>/dev/null || command -v python3 || true)
  [ -n "$python" ] || unavailable "no Python found for tools/pdfbook.py (run environment/setup.sh)"
  say "pip install --target $pylib -r $tools/requirements.txt"
  rm -rf "$pylib"
  mkdir -p target/site
  "$python" -m pip install --quiet --disable-pip-version-check --retries 0 --timeout 10 \
      --target "$pylib" -r "$tools/requirements.txt" >target/site/pip.log 2>&1 \
    || unavailable "pip could not install $tools/requirements.txt into $pylib (see target/site/pip.log)"
  remember "$tools/requirements.txt" "$pylib/.dltheory-requirements.txt"
fi
rm -f "$marker"
