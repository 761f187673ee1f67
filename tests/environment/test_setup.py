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


def run_setup(path):
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME",)}
    env["PATH"] = path
    return subprocess.run(["bash", str(SETUP), "--no-build", "--no-user-kernel"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


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


def test_no_maven(tmp_path):
    result = run_setup(fake_path(tmp_path, {"mvn"}))
    assert_one_line_reason(result, ["no mvn found", "Maven"])


def test_unknown_option_is_refused():
    result = subprocess.run(["bash", str(SETUP), "--frobnicate"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "unknown option --frobnicate" in result.stderr
