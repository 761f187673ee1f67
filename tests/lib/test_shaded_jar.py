"""The shaded lib jar (what `%jars ../lib/target/dltheory-lib.jar` adds to a kernel).

Its pom keeps only the classes of transitive dependencies that the libraries reach, so a class that a
library loads by name could be missing (PDFBox's logging was). LibraryPaths.java runs the common
paths of Tablesaw, XChart and EJML against the jar itself, in a JVM of its own.
"""
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JAR = ROOT / "lib" / "target" / "dltheory-lib.jar"


def java():
    home = os.environ.get("JAVA_HOME")
    return str(Path(home) / "bin" / "java") if home else shutil.which("java")


def test_library_paths_run_against_the_shaded_jar(tmp_path):
    run = subprocess.run([java(), "-Djava.awt.headless=true", "-cp", str(JAR),
                          str(Path(__file__).with_name("LibraryPaths.java")), str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "all library paths ran" in run.stdout


def test_the_jar_keeps_the_libraries_whole_and_sheds_the_rest():
    with zipfile.ZipFile(JAR) as jar:
        names = jar.namelist()
    assert len(names) < 15_000, f"{len(names)} entries: is minimizeJar still on?"
    for kept in ("org/ejml/dense/row/CommonOps_MT_DDRM.class", "org/knowm/xchart/PieChart.class",
                 "dev/ludovic/netlib/blas/JNIBLAS.class", "resources/native/Linux-amd64/libnetlibblasjni.so",
                 "org/netlib/util/booleanW.class", "org/netlib/util/StringW.class",
                 "tech/tablesaw/api/Table.class",
                 "org/apache/commons/logging/impl/LogFactoryImpl.class",
                 "META-INF/services/org.dflib.jjava.jupyter.Extension"):
        assert kept in names, kept
    assert not any(n.startswith(("org/junit/", "org/dflib/jjava/")) for n in names), \
        "test libraries and the kernel's protocol library do not belong in the cells' jar"


NO_NATIVE = "-Ddev.ludovic.netlib.blas.nativeLib=libdltheory-absent-blas.so.3"
SYSTEM_BLAS = Path("/usr/lib/x86_64-linux-gnu/libblas.so.3")


@pytest.mark.parametrize("options, args, expected", [
    ([], [], "JNIBLAS"),
    (["--add-modules", "jdk.incubator.vector", NO_NATIVE], [], "VectorBLAS"),
    ([NO_NATIVE], [], "Java11BLAS"),
    ([], ["F2jBLAS"], "F2jBLAS"),
], ids=["native", "vector-api", "plain-java", "f2j"])
def test_each_blas_path_runs_from_the_shaded_jar(options, args, expected):
    """netlib's JNI library looks up org.netlib.util classes by name when it loads: minimizeJar must keep them."""
    if expected == "JNIBLAS" and not SYSTEM_BLAS.exists():
        pytest.skip("no system libblas.so.3 (environment/apt.txt installs libopenblas0)")
    run = subprocess.run([java(), *options, "-cp", str(JAR), str(Path(__file__).with_name("GemmPaths.java")), *args],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"implementation: {expected}" in run.stdout, run.stdout
    assert "products agree with EJML" in run.stdout
