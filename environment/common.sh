# What setup.sh, browser.sh and site.sh share; sourced, not run:
#
#   . "$(dirname "${BASH_SOURCE[0]}")/common.sh" NAME
#
# NAME prefixes every line the script prints ("NAME: ..."). Sourcing moves to the repository's root
# and sets $root. The functions:
#   say TEXT              one line on stdout
#   fail TEXT             one line on stderr, exit 1
#   unavailable REASON    a missing piece: with CI=true (1, true, yes) REASON and $ci_says on stderr,
#                         exit 1; else REASON written to the file $marker, "$skip_says: REASON" said,
#                         exit 0 (the script sets marker, ci_says and skip_says)
#   apt_get_install MESSAGE ARG...   as root or with password-less sudo: says MESSAGE, runs apt-get
#                         update and apt-get install -y -qq ARG... quietly; on failure returns 1 with
#                         $apt_why = root (neither root nor password-less sudo), apt-get (no
#                         apt-get) or failed (apt-get failed)
#   up_to_date SOURCE COPY       whether COPY, left by `remember`, still equals SOURCE
#   remember SOURCE COPY         copies SOURCE to COPY after the step SOURCE drives has succeeded
#   npm_ci DIR [NOTE]     `npm ci --prefix DIR` (never downloading a browser) unless DIR/node_modules
#                         was installed from the same DIR/package-lock.json; returns 1 when npm fails
# shellcheck shell=bash

name=${1:?common.sh needs the name its script prints}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

say() { printf '%s: %s\n' "$name" "$*"; }
fail() { printf '%s: %s\n' "$name" "$*" >&2; exit 1; }

unavailable() {
  if [[ "${CI:-}" =~ ^(1|true|yes)$ ]]; then
    printf '%s: %s (CI=true: %s)\n' "$name" "$1" "$ci_says" >&2
    exit 1
  fi
  mkdir -p "$(dirname "$marker")"
  printf '%s\n' "$1" >"$marker"
  say "$skip_says: $1"
  exit 0
}

can_be_root() {  # root already, or password-less sudo
  [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; }
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

apt_why=""
apt_get_install() {  # apt_get_install MESSAGE ARG...
  local message=$1
  shift
  can_be_root || { apt_why=root; return 1; }
  command -v apt-get >/dev/null 2>&1 || { apt_why=apt-get; return 1; }
  say "$message"
  as_root apt-get update -qq >/dev/null \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || { apt_why=failed; return 1; }
}

up_to_date() { cmp -s "$1" "$2"; }
remember() { mkdir -p "$(dirname "$2")" && cp "$1" "$2"; }

npm_ci() {  # npm_ci DIR [NOTE]
  local dir=$1 note=${2:+ ($2)}
  up_to_date "$dir/package-lock.json" "$dir/node_modules/.dltheory-lock.json" && return 0
  say "npm ci --prefix $dir$note"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null \
    || return 1
  remember "$dir/package-lock.json" "$dir/node_modules/.dltheory-lock.json"
}
