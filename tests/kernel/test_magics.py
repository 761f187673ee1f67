"""IJava's magics through the protocol: %maven / %%loadFromPOM / %mavenRepo, %load, magics as values, %time,
completion of magic names.

The Maven tests start kernels of their own with ``-Duser.home`` pointing at a temporary folder whose
``.m2/settings.xml`` says where the local repository is and whether Maven is offline; nothing is
downloaded: the offline kernel resolves the project's own EJML dependency from ``~/.m2/repository``
(where the build put it), the online one mirrors Maven Central to an empty folder and reads a
repository built in a temporary folder.
"""
import json
import os
import re
import subprocess
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from jupyter_client.manager import KernelManager

from conftest import TIMEOUT, Kernel

ROOT = Path(__file__).resolve().parents[2]
M2 = Path.home() / ".m2" / "repository"


def ejml_version():
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    return ET.parse(ROOT / "pom.xml").getroot().find("m:properties/m:ejml.version", ns).text


class HomeKernel(Kernel):
    """A kernel whose JVM sees ``home`` as the user's home folder (and so ``home/.m2/settings.xml``)."""

    def __init__(self, home, extra_java_options=""):
        env = dict(os.environ)
        env["JAVA_TOOL_OPTIONS"] = f"-Duser.home={home} {extra_java_options}".strip()
        env["XDG_CACHE_HOME"] = str(home / ".cache")
        self.km = KernelManager(kernel_name="java")
        self.km.start_kernel(env=env)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=TIMEOUT)
        self.drain_iopub()


def write_settings(home, local, offline, mirror_url=None):
    mirror = "" if mirror_url is None else (
        f"<mirrors><mirror><id>empty-central</id><url>{mirror_url}</url><mirrorOf>central</mirrorOf></mirror></mirrors>")
    (home / ".m2").mkdir(parents=True, exist_ok=True)
    (home / ".m2" / "settings.xml").write_text(
        f"<settings><localRepository>{local}</localRepository><offline>{str(offline).lower()}</offline>{mirror}</settings>")


@pytest.fixture(scope="module")
def offline_kernel(tmp_path_factory):
    """Maven offline, on the real local repository; class loading logged to check the resolver loads lazily."""
    if not (M2 / "org" / "ejml" / "ejml-simple" / ejml_version()).is_dir():
        pytest.skip("EJML is not in ~/.m2/repository (build the project first)")
    home = tmp_path_factory.mktemp("home-offline")
    write_settings(home, M2, offline=True)
    log = home / "classes.log"
    k = HomeKernel(home, f"-Xlog:class+load=info:file={log}")
    k.class_log = log
    yield k
    k.stop()


@pytest.fixture(scope="module")
def online_kernel(tmp_path_factory):
    """Maven online, Maven Central mirrored to an empty folder, an empty local repository."""
    home = tmp_path_factory.mktemp("home-online")
    empty = home / "empty-central"
    empty.mkdir()
    write_settings(home, home / "local", offline=False, mirror_url=empty.as_uri())
    k = HomeKernel(home)
    k.home = home
    yield k
    k.stop()


def loaded(kernel, prefix):
    return any(f" {prefix}" in line for line in kernel.class_log.read_text().splitlines())


def test_maven_resolves_an_artifact_from_the_local_repository_offline(offline_kernel):
    k = offline_kernel
    assert k.value("1 + 1") == "2"
    assert not loaded(k, "org.eclipse.aether."), "the resolver is not loaded before the first %maven"
    v = ejml_version()
    reply, outputs = k.execute(f"%maven org.ejml:ejml-simple:{v}")
    assert reply["status"] == "ok", reply
    assert [m["msg_type"] for m in outputs] == ["stream"], "a cell that is only %maven shows one line, no value"
    line = outputs[0]["content"]["text"]
    assert line.startswith(f"Added to the class path: org.ejml:ejml-simple:{v}, ") and line.count("\n") == 1, line
    assert f", org.ejml:ejml-core:{v}" in line, "the dependencies, by group:artifact:version"
    assert loaded(k, "org.eclipse.aether.")
    assert k.value("new org.ejml.simple.SimpleMatrix(new double[][]{{1, 2}, {3, 4}}).determinant()") == "-2.0"
    assert k.value("org.ejml.data.DMatrixRMaj.class.getProtectionDomain().getCodeSource().getLocation().getPath()") \
        .startswith(str(M2 / "org" / "ejml" / "ejml-core" / v)), "ejml-simple's dependency ejml-core came along"


def test_maven_as_a_value_returns_the_added_files(offline_kernel):
    v = ejml_version()
    reply, _ = offline_kernel.execute(f"List<String> files = %maven org.ejml:ejml-ddense:{v};")
    assert reply["status"] == "ok", reply
    ddense = M2 / "org/ejml/ejml-ddense" / v / f"ejml-ddense-{v}.jar"
    core = M2 / "org/ejml/ejml-core" / v / f"ejml-core-{v}.jar"
    assert offline_kernel.value("files.get(0)") == str(ddense)
    assert offline_kernel.value(f"files.contains({json.dumps(str(core))})") == "true"


def test_a_missing_artifact_is_an_error_naming_it_and_the_kernel_keeps_running(offline_kernel):
    reply, _ = offline_kernel.execute("%maven org.example.absent:nothing:1.0")
    assert reply["status"] == "error"
    assert reply["ename"] == "MagicException"
    assert reply["evalue"].startswith("%maven: cannot resolve org.example.absent:nothing:1.0"), reply["evalue"]
    assert "offline" in reply["evalue"], reply["evalue"]
    reply, _ = offline_kernel.execute("var r = %maven org.example.absent:nothing:1.0;")
    assert reply["status"] == "error" and "org.example.absent:nothing:1.0" in reply["evalue"], reply
    assert offline_kernel.value("6 * 7") == "42"


def test_load_from_pom_takes_a_dependency_fragment(offline_kernel):
    v = ejml_version()
    reply, _ = offline_kernel.execute(f"""%%loadFromPOM
<properties><ejml.version>{v}</ejml.version></properties>
<dependency>
  <groupId>org.ejml</groupId>
  <artifactId>ejml-fdense</artifactId>
  <version>${{ejml.version}}</version>
</dependency>""")
    assert reply["status"] == "ok", reply
    assert offline_kernel.value("new org.ejml.data.FMatrixRMaj(2, 3).getNumElements()") == "6"


def build_repository(root: Path, work: Path):
    """A Maven repository in ``root`` with demo:hello:1.0, a jar holding class demo.Hello."""
    src = work / "src" / "demo"
    src.mkdir(parents=True)
    (src / "Hello.java").write_text('package demo; public class Hello { public static String hi() { return "hello"; } }\n')
    classes = work / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src / "Hello.java")], check=True)
    target = root / "demo" / "hello" / "1.0"
    target.mkdir(parents=True)
    subprocess.run(["jar", "cf", str(target / "hello-1.0.jar"), "-C", str(classes), "."], check=True)
    (target / "hello-1.0.pom").write_text(
        "<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId><artifactId>hello</artifactId>"
        "<version>1.0</version></project>")


def test_maven_repo_adds_a_repository_for_maven(online_kernel, tmp_path):
    k = online_kernel
    repo = tmp_path / "repo"
    build_repository(repo, tmp_path / "build")
    reply, _ = k.execute("%maven demo:hello:1.0")
    assert reply["status"] == "error", "Maven Central (mirrored to an empty folder) does not have it"
    assert "demo:hello:1.0" in reply["evalue"], reply["evalue"]
    reply, _ = k.execute(f"%mavenRepo demo-repo {repo.as_uri()}\n%maven demo:hello:1.0")
    assert reply["status"] == "ok", reply
    assert k.value("demo.Hello.hi()") == "hello"
    assert (k.home / "local" / "demo" / "hello" / "1.0" / "hello-1.0.jar").is_file(), "downloaded to the local repository"


def test_jars_as_a_value(kernel, tmp_path):
    (tmp_path / "lib").mkdir()
    for name in ("a.jar", "b.jar"):
        with zipfile.ZipFile(tmp_path / "lib" / name, "w") as z:
            z.writestr(name + ".txt", name)
    reply, _ = kernel.execute(f"List<String> added = %jars {tmp_path}/lib/*.jar;")
    assert reply["status"] == "ok", reply
    assert kernel.value("added.size()") == "2"
    assert kernel.value("added.get(1)") == str(tmp_path / "lib" / "b.jar")


def test_a_magic_inside_a_block_runs_in_place(kernel, tmp_path):
    with zipfile.ZipFile(tmp_path / "inside.jar", "w") as z:
        z.writestr("inside.txt", "inside")
    reply, _ = kernel.execute(f"boolean wanted = true;\nList<String> got = List.of();\nif (wanted) {{\n"
                              f"    got = %jars {tmp_path}/inside.jar\n}}\ngot.size()")
    assert reply["status"] == "ok", reply
    reply, _ = kernel.execute(f"for (int i = 0; i < 2; i++) {{\n    %jars {tmp_path}/inside.jar\n}}")
    assert reply["status"] == "ok", reply
    assert kernel.value("got.size()") == "1"


def test_time_as_a_value(kernel):
    reply, outputs = kernel.execute("var timed = %time 6 * 7;")
    assert reply["status"] == "ok", reply
    assert any("Wall time:" in m["content"].get("data", {}).get("text/plain", "") for m in outputs), outputs
    assert kernel.value("timed") == "42"


def test_load_runs_a_notebooks_code_cells_and_finds_the_extension(kernel, tmp_path):
    (tmp_path / "defs.jshell").write_text("int fromJshell = 5;\n")
    nb = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Setup\n"]},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": [f"%load {tmp_path}/defs\n", "int loadedA = fromJshell + 1;"]},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": ["int loadedB = loadedA * 7;\n", "loadedB"]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "setup.ipynb").write_text(json.dumps(nb))
    reply, outputs = kernel.execute(f"%load {tmp_path}/setup")
    assert reply["status"] == "ok", reply
    assert kernel.value("loadedB") == "42"
    results = [m for m in outputs if m["msg_type"] == "execute_result"]
    assert results and results[0]["content"]["data"]["text/plain"] == "42", "the value of the notebook's last cell"


def test_load_of_a_missing_file_lists_what_was_tried(kernel, tmp_path):
    reply, _ = kernel.execute(f"%load {tmp_path}/nothing")
    assert reply["status"] == "error"
    assert ".jsh, .jshell, .java, .ijava, .ipynb" in reply["evalue"], reply["evalue"]


def complete(kernel, code, cursor=None):
    msg_id = kernel.kc.complete(code, len(code) if cursor is None else cursor)
    return kernel.reply_to(msg_id)["content"]


def test_completion_of_magic_names(kernel):
    reply = complete(kernel, "int a = 1;\n%ja")
    assert reply["matches"] == ["%jars"]
    assert (reply["cursor_start"], reply["cursor_end"]) == (11, 14)
    assert complete(kernel, "%%ti")["matches"] == ["%%time"]
    assert set(complete(kernel, "%mav")["matches"]) == {"%maven", "%mavenRepo"}
    assert complete(kernel, "List<String> j = %cla")["matches"] == ["%classpath"]
    assert "%%loadFromPOM" in complete(kernel, "%%")["matches"]


def test_a_magic_used_as_a_value_is_complete_code(kernel):
    msg_id = kernel.kc.is_complete("List<String> j = %jars a.jar;")
    assert kernel.reply_to(msg_id)["content"]["status"] == "complete"
    msg_id = kernel.kc.is_complete("var j = %jars a.jar;\nif (j.isEmpty()) {")
    assert kernel.reply_to(msg_id)["content"]["status"] == "incomplete"


def test_magics_registered_by_an_extension(kernel, tmp_path):
    """An Extension in a jar added with %jars registers a magic in jjava's MagicsRegistry; cells can use it."""
    from conftest import kernel_jar
    src = tmp_path / "src" / "shout"
    src.mkdir(parents=True)
    (src / "ShoutMagics.java").write_text(
        "package shout;\n"
        "import org.dflib.jjava.jupyter.Extension;\n"
        "import org.dflib.jjava.jupyter.kernel.BaseKernel;\n"
        "import org.dflib.jjava.jupyter.kernel.magic.LineMagic;\n"
        "import org.dflib.jjava.jupyter.kernel.magic.CellMagic;\n"
        "public class ShoutMagics implements Extension {\n"
        "  public void install(BaseKernel k) {\n"
        "    LineMagic<String, BaseKernel> shout = (kernel, args) -> String.join(\" \", args).toUpperCase();\n"
        "    CellMagic<Integer, BaseKernel> lines = (kernel, args, body) -> body.split(\"\\n\").length;\n"
        "    k.getMagicsRegistry().registerLineMagic(\"shout\", shout).registerCellMagic(\"lines\", lines);\n"
        "  }\n"
        "}\n")
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-d", str(classes), "-cp", kernel_jar(), str(src / "ShoutMagics.java")], check=True)
    services = classes / "META-INF" / "services"
    services.mkdir(parents=True)
    (services / "org.dflib.jjava.jupyter.Extension").write_text("shout.ShoutMagics\n")
    jar = tmp_path / "shout.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True)
    reply, _ = kernel.execute(f"%jars {jar}")
    assert reply["status"] == "ok", reply
    assert kernel.value("%shout hello there") == "HELLO THERE"
    assert kernel.value("%%lines\na\nb\nc") == "3"
    reply, _ = kernel.execute('String loud = %shout quiet;')
    assert reply["status"] == "ok", reply
    assert kernel.value("loud") == "QUIET"
    assert "%shout" in complete(kernel, "%sh")["matches"]
