"""The kernel jar's command line: bad options get one line of explanation, not a stack trace; install
records a start-up archive the kernel really starts from."""
import json
import subprocess

import pytest

from conftest import TEMURIN25, installed_spec_dir, kernel_jar


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


# The start-up archive is tied to the exact jar and JDK; a JVM that cannot use it starts without it
# and says nothing. These tests start the installed kernel's JVM in the strict mode of its archive
# (-Xshare:on, -XX:AOTMode=on), where an unusable archive is an error, so a silently ignored archive fails.

def archive_options(argv):
    """The JVM options of a kernelspec's argv, with the archive's strict mode added."""
    jvm = argv[1:argv.index("-jar")]
    if any(a.startswith("-XX:AOTCache=") for a in jvm):
        return jvm + ["-XX:AOTMode=on"]
    if any(a.startswith("-XX:SharedArchiveFile=") for a in jvm):
        return jvm + ["-Xshare:on"]
    raise AssertionError(f"the kernelspec has no start-up archive: {argv}")


def start_strict(argv):
    """Starts the kernel jar with no arguments (usage, exit 2) under the archive's strict mode."""
    cmd = [argv[0], *archive_options(argv), "-jar", argv[argv.index("-jar") + 1]]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def test_the_installed_kernel_starts_from_its_archive():
    argv = json.loads((installed_spec_dir() / "kernel.json").read_text())["argv"]
    r = start_strict(argv)
    assert r.returncode == 2 and "usage:" in r.stderr, r.stdout + r.stderr


def test_a_jdk_25_install_records_an_aot_cache(tmp_path):
    if not TEMURIN25.exists():
        pytest.skip("Temurin 25 is not installed")
    subprocess.run([str(TEMURIN25), "-jar", kernel_jar(), "install", "--prefix", str(tmp_path)],
                   check=True, capture_output=True, timeout=300)
    spec = tmp_path / "share" / "jupyter" / "kernels" / "java"
    argv = json.loads((spec / "kernel.json").read_text())["argv"]
    assert f"-XX:AOTCache={spec / 'dltheory-kernel.aot'}" in argv
    assert not (spec / "dltheory-kernel.jsa").exists()
    r = start_strict(argv)
    assert r.returncode == 2 and "usage:" in r.stderr, r.stdout + r.stderr
