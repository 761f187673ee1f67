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
                 "tech/tablesaw/api/Table.class",
                 "org/apache/commons/logging/impl/LogFactoryImpl.class",
                 "META-INF/services/org.dflib.jjava.jupyter.Extension"):
        assert kept in names, kept
    assert not any(n.startswith(("org/junit/", "org/dflib/jjava/")) for n in names), \
        "test libraries and the kernel's protocol library do not belong in the cells' jar"
