"""environment/setup.sh refuses a machine without JDK 17+ or Maven with a one-line reason."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETUP = ROOT / "environment" / "setup.sh"


def fake_path(tmp_path, leave_out, extra=None):
    """A PATH with every command of /usr/bin and /bin except `leave_out`, plus `extra` scripts."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    for d in ("/usr/local/bin", "/usr/bin", "/bin"):
        for entry in Path(d).iterdir():
            target = bindir / entry.name
            if entry.name not in leave_out and not target.exists():
                target.symlink_to(entry)
    for name, body in (extra or {}).items():
        script = bindir / name
        script.write_text("#!/bin/sh\n" + body)
        script.chmod(0o755)
    return str(bindir)


def run_setup(path, options=("--no-build", "--no-user-kernel"), **env_changes):
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME",)}
    env["PATH"] = path
    env.update(env_changes)
    return subprocess.run(["bash", str(SETUP), *options], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def assert_one_line_reason(result, words):
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for w in words:
        assert w in lines[0], lines[0]


def test_no_java(tmp_path):
    result = run_setup(fake_path(tmp_path, {"java", "javac"}))
    assert_one_line_reason(result, ["no java found", "JDK 17"])


def test_java_too_old(tmp_path):
    old_java = "echo '    java.specification.version = 11' >&2\necho 'openjdk version \"11.0.2\"' >&2\n"
    result = run_setup(fake_path(tmp_path, {"java"}, {"java": old_java}))
    assert_one_line_reason(result, ["version 11", "JDK 17"])


def test_no_maven_is_fine_when_nothing_is_built(tmp_path):
    """--no-build with the jars there: Maven is not needed (it used to be required all the same)."""
    result = run_setup(fake_path(tmp_path, {"mvn"}))
    assert result.returncode == 0, result.stderr
    assert "kernel 'java'" in result.stdout, result.stdout


def test_no_maven_when_a_build_is_needed(tmp_path):
    # without mvn on PATH the build's fingerprint (which names Maven) differs: a build is needed
    result = run_setup(fake_path(tmp_path, {"mvn"}), options=("--no-user-kernel",))
    assert_one_line_reason(result, ["no mvn found", "need building", "Maven"])
    assert (ROOT / "target" / "build.sha256").is_file(), "the stamp of the last build was removed"


def test_a_home_that_cannot_be_written_fails_with_the_reason(tmp_path):
    """The user install fails with the installer's reason in one line and a non-zero status (it
    used to print a Java stack trace and "install (--user) failed: " and exit 0)."""
    home = tmp_path / "home"
    home.write_text("a file where the home folder should be")
    result = run_setup(os.environ["PATH"], options=("--no-build",), HOME=str(home))
    assert_one_line_reason(result, ["kernel install (--user) failed", f"cannot write {home}"])
    assert "Exception" not in result.stderr and "\tat " not in result.stderr


def test_unknown_option_is_refused():
    result = subprocess.run(["bash", str(SETUP), "--frobnicate"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "unknown option --frobnicate" in result.stderr


def test_debian_fallback_gives_a_working_jupyter():
    """`--debian-jupyter` takes the route a machine without a reachable pip index takes: Debian's
    packages (installing them when missing), and a Python that can execute a notebook."""
    python_file = ROOT / "target" / "python"
    saved = python_file.read_text() if python_file.exists() else None
    try:
        result = subprocess.run(
            ["bash", str(SETUP), "--no-build", "--no-user-kernel", "--debian-jupyter"], cwd=ROOT,
            capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Debian's classic Notebook" in result.stdout, result.stdout
        python = python_file.read_text().strip()
        assert not python.startswith(str(ROOT / ".venv")), python
        check = subprocess.run(
            [python, "-c", "import nbclient, nbconvert, notebook; print(notebook.__version__)"],
            capture_output=True, text=True, timeout=60)
        assert check.returncode == 0, check.stderr
        assert check.stdout.startswith("6."), check.stdout
    finally:
        if saved is not None:
            python_file.write_text(saved)


def test_pip_route_installs_jupyterlab_and_notebook_7():
    """Where the venv exists (pip reached an index), it holds JupyterLab 4 and Notebook 7 with
    `jupyter lab` and `jupyter notebook` commands, as the README says."""
    venv = ROOT / ".venv"
    if not (venv / "bin" / "python").exists():
        pytest.skip("no .venv: pip reached no index here, the set-up took Debian's route")
    for command, major in (("lab", "4."), ("notebook", "7.")):
        result = subprocess.run([str(venv / "bin" / "jupyter"), command, "--version"],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().startswith(major), (command, result.stdout)
    spec = subprocess.run([str(venv / "bin" / "jupyter"), "kernelspec", "list", "--json"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "JUPYTER_PATH": str(ROOT / "target/jupyter/share/jupyter")})
    assert '"java"' in spec.stdout, spec.stdout


def test_pip_route_installs_the_widget_front_ends():
    """Issue #35: the venv has ipywidgets 8 and JupyterLab's widget manager (jupyterlab_widgets), which
    JupyterLab 4 and Notebook 7 load to show the kernel's widgets."""
    venv = ROOT / ".venv"
    if not (venv / "bin" / "python").exists():
        pytest.skip("no .venv: pip reached no index here, the set-up took Debian's route")
    result = subprocess.run([str(venv / "bin" / "python"), "-c",
                             "from importlib.metadata import version; print(version('ipywidgets'))"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("8."), (result.stdout, result.stderr)
    listed = subprocess.run([str(venv / "bin" / "jupyter"), "labextension", "list"],
                            capture_output=True, text=True, timeout=120)
    assert "@jupyter-widgets/jupyterlab-manager" in listed.stdout + listed.stderr, listed.stdout + listed.stderr
