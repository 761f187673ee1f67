"""The kernel jar's command line: bad options get one line of explanation, not a stack trace."""
import subprocess

from conftest import kernel_jar


def run_jar(*args):
    return subprocess.run(["java", "-jar", kernel_jar(), *args], capture_output=True, text=True, timeout=60)


def test_unknown_install_option_is_one_line():
    r = run_jar("install", "--bogus")
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("install: unknown option --bogus")
    assert "--prefix" in lines[0]


def test_no_arguments_prints_usage():
    r = run_jar()
    assert r.returncode == 2
    assert "usage:" in r.stderr and "--jvm-option" in r.stderr
