#!/usr/bin/env bash
# Set-up for the Java notebooks, idempotent: safe to run again at any time.
#
#   environment/setup.sh [--no-build | --verify] [--no-user-kernel] [--debian-jupyter]
#
# 1. checks for JDK >= 17 and Maven (else says what to install and exits 1);
# 2. installs Jupyter when missing: JupyterLab 4 and Notebook 7 with pip into .venv
#    (environment/requirements.txt; pip gives up at once on an unreachable index); when that
#    fails, or with --debian-jupyter, Debian's packages in environment/apt.txt (the classic
#    Notebook 6); else says what to install. The kernel tests' jupyter_kernel_test comes from
#    pip where the index has it, else from Debian (the venv sees Debian's packages, its own first);
# 3. builds lib and kernel with Maven (tests skipped; skipped altogether when no file under lib/,
#    kernel/ or pom.xml changed since the last build; with --verify, `mvn verify` runs the unit
#    tests in the same build, as bin/test does);
# 4. installs the kernelspec `java` for the user (for Jupyter/JupyterLab), and an isolated
#    copy in target/jupyter that bin/site and the tests use (each left as it is when it already
#    holds the same kernel jar for the same JVM).
#
# The Python that has Jupyter is written to target/python, for the other scripts.
set -euo pipefail

# shellcheck source=environment/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh" setup

build=1
user_kernel=1
debian_jupyter=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --verify) build=2 ;;
    --no-user-kernel) user_kernel=0 ;;
    --debian-jupyter) debian_jupyter=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "setup: unknown option $arg (known: --no-build --verify --no-user-kernel --debian-jupyter)" >&2; exit 2 ;;
  esac
done

# --- 1. JDK and Maven -------------------------------------------------------------------------
command -v java >/dev/null 2>&1 || fail "no java found: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless, or https://adoptium.net) and put it on PATH"
java_version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
java_major=${java_version%%.*}
[ "$java_major" = 1 ] && java_major=$(echo "$java_version" | cut -d. -f2)
[[ "$java_major" =~ ^[0-9]+$ ]] || fail "could not read the Java version from 'java -version': install a JDK 17 or newer"
[ "$java_major" -ge 17 ] || fail "java is version $java_version; the notebooks need a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless)"
command -v javac >/dev/null 2>&1 || fail "java $java_version is a JRE without javac: install a JDK 17 or newer"
strip_ansi() { sed 's/\x1b\[[0-9;]*m//g'; }
# Maven is needed, and its version asked for (a JVM start, 0.3 s), only when Maven is about to run:
# with --no-build, or jars that are up to date, a machine without Maven sets up as well.
need_maven() {
  command -v mvn >/dev/null 2>&1 || fail "no mvn found, and lib and kernel need building: install Apache Maven 3.8 or newer (e.g. apt-get install maven, or https://maven.apache.org)"
}
maven_version() { mvn -B -v 2>/dev/null | head -1 | strip_ansi | sed 's/ (.*//'; }
say "JDK $java_version"

# --- 2. Jupyter -------------------------------------------------------------------------------
has_jupyter() { "$1" -c 'import nbclient, nbconvert, nbformat, jupyter_client, notebook' >/dev/null 2>&1; }
# The venv counts only with JupyterLab 4, Notebook 7 and ipywidgets 8's front ends (jupyterlab_widgets)
# of its own (it also sees Debian's packages); a venv made before widgets (issue #35) is completed by pip.
# lab_versions PY prints "JupyterLab 4.x, Notebook 7.x, nbclient y" when PY has them; it reads the
# installed packages' metadata rather than importing them (0.1 s instead of 1.1 s). The answer, and
# whether PY has jupyter_kernel_test, is kept for PY until pip changes it (lab_asked="").
lab_asked=""
lab_answer=""
lab_found=1
lab_kernel_test=1
lab_versions() {
  if [ "$lab_asked" != "$1" ]; then
    lab_asked=$1
    lab_found=0
    lab_kernel_test=1
    lab_answer=$("$1" -c 'import sys
from importlib.metadata import version, PackageNotFoundError
from importlib.util import find_spec
try:
    lab, nb, client = version("jupyterlab"), version("notebook"), version("nbclient")
    widgets = version("ipywidgets")
    version("jupyterlab_widgets")
    ok = all(find_spec(m) for m in ("jupyterlab", "notebook", "nbclient", "nbconvert", "jupyter_client"))
except (PackageNotFoundError, ImportError):
    ok = False
ok = ok and nb.startswith("7.") and lab.startswith("4.") and widgets.startswith("8.")
print("kernel_test" if find_spec("jupyter_kernel_test") else "no_kernel_test")
ok and print(f"JupyterLab {lab}, Notebook {nb}, nbclient {client}, ipywidgets {widgets}")
sys.exit(not ok)' 2>/dev/null) || lab_found=1
    # first line: whether it has jupyter_kernel_test; second line (if any): the versions
    [ "${lab_answer%%$'\n'*}" = kernel_test ] && lab_kernel_test=0
    lab_answer=${lab_answer#*$'\n'}
  fi
  [ "$lab_found" = 0 ] && printf '%s\n' "$lab_answer"
}
has_lab() { lab_versions "$1" >/dev/null; }
has_kernel_test() {
  if [ "$lab_asked" = "$1" ]; then return "$lab_kernel_test"; fi
  "$1" -c 'import jupyter_kernel_test' >/dev/null 2>&1
}

venv="$root/.venv"
debian_python=/usr/bin/python3

apt_install() { apt_get_install "installing Debian packages: $*" "$@"; }  # apt_install PACKAGE...

# pip never waits on an index it cannot reach: no retries, a short time-out per request.
pip_fast=(--quiet --disable-pip-version-check --retries 0 --timeout 10)

pip_install() {  # JupyterLab 4 + Notebook 7 into .venv; on failure remove it and say so
  local base
  base=$(command -v python3 || true)
  [ -x "$debian_python" ] && base=$debian_python  # so that the venv can see Debian's packages
  [ -n "$base" ] || return 1
  rm -rf "$venv"
  "$base" -m venv --system-site-packages "$venv" >/dev/null 2>&1 || { rm -rf "$venv"; return 1; }
  say "installing JupyterLab and Notebook with pip into .venv (environment/requirements.txt)"
  mkdir -p target
  local t0=$SECONDS
  # --ignore-installed: every package in the venv, none borrowed from the system's site-packages
  lab_asked=""
  if "$venv/bin/python" -m pip install "${pip_fast[@]}" --ignore-installed \
       -r environment/requirements.txt >target/pip.log 2>&1 && has_lab "$venv/bin/python"; then
    say "pip: done in $((SECONDS - t0)) s"
    return 0
  fi
  say "pip could not install environment/requirements.txt in $((SECONDS - t0)) s (see target/pip.log)"
  rm -rf "$venv"
  return 1
}

kernel_test_for() {  # jupyter_kernel_test for the venv: pip if the index has it, else Debian's
  local py=$1
  has_kernel_test "$py" && return 0
  "$py" -m pip install "${pip_fast[@]}" jupyter_kernel_test >>target/pip.log 2>&1 && return 0
  apt_install python3-jupyter-kernel-test || true
  lab_asked=""
  has_kernel_test "$py" || say "jupyter_kernel_test is missing: the kernel conformance tests will fail (pip install jupyter_kernel_test)"
}

python=""
if [ "$debian_jupyter" = 0 ]; then
  if has_lab "$venv/bin/python" || pip_install; then
    python=$venv/bin/python
    kernel_test_for "$python"
  fi
fi
if [ -z "$python" ]; then
  for p in "$debian_python" "$(command -v python3 || true)"; do
    if [ -n "$p" ] && [ -x "$p" ] && has_jupyter "$p"; then python=$p; break; fi
  done
fi
if [ -z "$python" ]; then
  # shellcheck disable=SC2046
  apt_install $(cat environment/apt.txt) || say "could not install the Debian packages (not root, no sudo, or apt-get failed)"
  has_jupyter "$debian_python" && python=$debian_python
fi
[ -n "$python" ] || fail "no Jupyter found: install it (pip install -r environment/requirements.txt, or conda env create -f environment/environment.yml, or apt-get install $(tr '\n' ' ' < environment/apt.txt))"
mkdir -p target
echo "$python" > target/python
if versions=$(lab_versions "$python"); then
  say "Jupyter: $python ($versions)"
else
  say "Jupyter: $python (Debian's classic Notebook $("$python" -c 'import notebook; print(notebook.__version__)'), nbclient $("$python" -c 'import nbclient; print(nbclient.__version__)'))"
fi

# The native BLAS that lib's large products use through netlib's JNI library (libblas.so.3 from
# Debian's libopenblas0). Optional: without it they run on the Java Vector API, a few times slower.
if command -v ldconfig >/dev/null 2>&1 && ! ldconfig -p 2>/dev/null | grep -q 'libblas\.so\.3 '; then
  apt_install libopenblas0 || say "no native BLAS (apt-get install libopenblas0): products run on the Java Vector API"
fi

# --- 3. Build ---------------------------------------------------------------------------------
# The build is skipped when nothing it reads has changed since the last successful one: the
# fingerprint is the SHA-256 of every file under lib/ and kernel/ (but target/) and of pom.xml, with
# the JDK's and Maven's paths and the JDK's version. A re-run of bin/site after editing a notebook
# thus costs no Maven start (15 s of a no-op `mvn package` here); --verify always runs Maven.
stamp=target/build.sha256
fingerprint() {
  {
    printf '%s\n' "$(command -v java)" "$(command -v mvn || true)" "$java_version"
    find pom.xml lib kernel -name target -prune -o -type f -print | LC_ALL=C sort | xargs -d '\n' sha256sum
  } | sha256sum | cut -d' ' -f1
}
if [ "$build" != 0 ]; then
  print=$(fingerprint)
  if [ "$build" = 1 ] && [ -f kernel/target/dltheory-kernel.jar ] && [ -f lib/target/dltheory-lib.jar ] \
       && [ "$(cat "$stamp" 2>/dev/null)" = "$print" ]; then
    say "lib and kernel are up to date (no file under lib/, kernel/ or pom.xml changed since the last build)"
  else
    need_maven
    rm -f "$stamp"
    if [ "$build" = 1 ]; then
      say "building lib and kernel with $(maven_version) (mvn package, tests skipped)"
      mvn -B -q package -DskipTests 2>&1 | strip_ansi
    else
      say "building lib and kernel and running their unit tests with $(maven_version) (mvn verify)"
      mvn -B -ntp -Dstyle.color=never verify
    fi
    echo "$print" >"$stamp"
  fi
fi
[ -f kernel/target/dltheory-kernel.jar ] || fail "kernel/target/dltheory-kernel.jar is missing: run without --no-build"
[ -f lib/target/dltheory-lib.jar ] || fail "lib/target/dltheory-lib.jar is missing: run without --no-build"

# --- 4. Kernel --------------------------------------------------------------------------------
# The installer says "... is up to date" when the folder already holds this jar for this JVM.
# install_kernel sets kernel_state; it runs in this shell (not in a command substitution), so that
# its `fail` ends the set-up, with the installer's own reason.
install_kernel() {
  local out
  out=$(java -jar kernel/target/dltheory-kernel.jar install "$@" 2>&1) \
    || fail "the kernel install ($*) failed: ${out:-the installer printed no reason}"
  case "$out" in *"up to date"*) kernel_state="up to date" ;; *) kernel_state="installed" ;; esac
}
install_kernel --prefix "$root/target/jupyter"
state=$kernel_state
if [ "$user_kernel" = 1 ]; then
  install_kernel --user
  say "kernel 'java' $kernel_state for this user ($state in target/jupyter for bin/site and the tests)"
else
  say "kernel 'java' $state in target/jupyter"
fi
