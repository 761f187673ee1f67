#!/usr/bin/env bash
# Set-up for the Java notebooks, idempotent: safe to run again at any time.
#
#   environment/setup.sh [--no-build] [--no-user-kernel]
#
# 1. checks for JDK >= 17 and Maven (else says what to install and exits 1);
# 2. installs Jupyter when missing: pip into .venv (environment/requirements.txt); when that
#    fails, the Debian packages in environment/apt.txt; else says what to install;
# 3. builds lib and kernel with Maven (tests skipped; bin/test runs them);
# 4. installs the kernelspec `java` for the user (for Jupyter/JupyterLab), and an isolated
#    copy in target/jupyter that bin/site and the tests use.
#
# The Python that has Jupyter is written to target/python, for the other scripts.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

build=1
user_kernel=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --no-user-kernel) user_kernel=0 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "setup: unknown option $arg (known: --no-build --no-user-kernel)" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# --- 1. JDK and Maven -------------------------------------------------------------------------
command -v java >/dev/null 2>&1 || fail "no java found: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless, or https://adoptium.net) and put it on PATH"
java_version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
java_major=${java_version%%.*}
[ "$java_major" = 1 ] && java_major=$(echo "$java_version" | cut -d. -f2)
[[ "$java_major" =~ ^[0-9]+$ ]] || fail "could not read the Java version from 'java -version': install a JDK 17 or newer"
[ "$java_major" -ge 17 ] || fail "java is version $java_version; the notebooks need a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless)"
command -v javac >/dev/null 2>&1 || fail "java $java_version is a JRE without javac: install a JDK 17 or newer"
command -v mvn >/dev/null 2>&1 || fail "no mvn found: install Apache Maven 3.8 or newer (e.g. apt-get install maven, or https://maven.apache.org)"
strip_ansi() { sed 's/\x1b\[[0-9;]*m//g'; }
say "JDK $java_version and $(mvn -B -v 2>/dev/null | head -1 | strip_ansi | sed 's/ (.*//')"

# --- 2. Jupyter -------------------------------------------------------------------------------
has_jupyter() { "$1" -c 'import nbclient, nbconvert, nbformat, jupyter_client, notebook' >/dev/null 2>&1; }

find_python() {
  local p
  for p in "$root/.venv/bin/python" /usr/bin/python3 "$(command -v python3 || true)"; do
    if [ -n "$p" ] && [ -x "$p" ] && has_jupyter "$p"; then echo "$p"; return 0; fi
  done
  return 1
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

pip_install() {  # into .venv; on any failure (no index, a pin not served) undo it and say so
  command -v python3 >/dev/null 2>&1 || return 1
  python3 -m venv "$root/.venv" >/dev/null 2>&1 || { rm -rf "$root/.venv"; return 1; }
  say "installing Jupyter with pip into .venv (environment/requirements.txt)"
  mkdir -p target
  if timeout 900 "$root/.venv/bin/python" -m pip install --quiet --retries 1 --timeout 15 \
       -r environment/requirements.txt >target/pip.log 2>&1; then
    return 0
  fi
  say "pip could not install environment/requirements.txt (see target/pip.log)"
  rm -rf "$root/.venv"
  return 1
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  say "installing Debian packages: $(tr '\n' ' ' < environment/apt.txt)"
  as_root apt-get update -qq >/dev/null || return 1
  # shellcheck disable=SC2046
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq $(cat environment/apt.txt) >/dev/null || return 1
}

python=$(find_python || true)
if [ -z "$python" ]; then
  pip_install || true
  python=$(find_python || true)
fi
if [ -z "$python" ]; then
  apt_install || say "could not install the Debian packages (not root, no sudo, or apt-get failed)"
  python=$(find_python || true)
fi
[ -n "$python" ] || fail "no Jupyter found: install it (pip install -r environment/requirements.txt, or conda env create -f environment/environment.yml, or apt-get install $(tr '\n' ' ' < environment/apt.txt))"
mkdir -p target
echo "$python" > target/python
say "Jupyter: $python (nbclient $("$python" -c 'import nbclient; print(nbclient.__version__)'))"

# --- 3. Build ---------------------------------------------------------------------------------
if [ "$build" = 1 ]; then
  say "building lib and kernel (mvn package, tests skipped)"
  mvn -B -q package -DskipTests 2>&1 | strip_ansi
fi
[ -f kernel/target/dltheory-kernel.jar ] || fail "kernel/target/dltheory-kernel.jar is missing: run without --no-build"
[ -f lib/target/dltheory-lib.jar ] || fail "lib/target/dltheory-lib.jar is missing: run without --no-build"

# --- 4. Kernel --------------------------------------------------------------------------------
java -jar kernel/target/dltheory-kernel.jar install --prefix "$root/target/jupyter" >/dev/null
if [ "$user_kernel" = 1 ]; then
  java -jar kernel/target/dltheory-kernel.jar install --user >/dev/null
  say "kernel 'java' installed for this user (and in target/jupyter for bin/site and the tests)"
else
  say "kernel 'java' installed in target/jupyter"
fi
