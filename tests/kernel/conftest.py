"""Fixtures for the Java kernel's integration tests.

The kernel is found the way the notebook pipeline finds it: an isolated install
(``java -jar kernel/target/dltheory-kernel.jar install --prefix target/jupyter``) and
``JUPYTER_PATH=$PWD/target/jupyter/share/jupyter``. The JDK 25 variant is installed by
the tests themselves into a temporary prefix, with the Temurin 25 ``java`` binary.
"""
import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

TEMURIN25 = Path("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
TIMEOUT = 60


def installed_spec_dir():
    """The kernelspec folder of the ``java`` kernel on JUPYTER_PATH."""
    spec = KernelSpecManager().get_kernel_spec("java")
    return Path(spec.resource_dir)


def kernel_jar():
    """The jar the installed ``java`` kernel runs."""
    argv = json.loads((installed_spec_dir() / "kernel.json").read_text())["argv"]
    return next(a for a in argv if a.endswith(".jar"))


@pytest.fixture(scope="session")
def jdk25_kernels_dir(tmp_path_factory):
    """A kernels folder holding a ``java`` kernelspec that runs on Temurin 25."""
    if not TEMURIN25.exists():
        pytest.skip("Temurin 25 is not installed")
    prefix = tmp_path_factory.mktemp("jdk25")
    subprocess.run([str(TEMURIN25), "-jar", kernel_jar(), "install", "--prefix", str(prefix), "--no-cds"],
                   check=True, capture_output=True)
    return prefix / "share" / "jupyter" / "kernels"


class Kernel:
    """A started kernel with a blocking client and helpers to run cells."""

    def __init__(self, kernels_dir=None, env=None):
        ksm = KernelSpecManager(kernel_dirs=[str(kernels_dir)]) if kernels_dir else KernelSpecManager()
        self.km = KernelManager(kernel_name="java", kernel_spec_manager=ksm)
        self.km.start_kernel(**({"env": {**os.environ, **env}} if env else {}))
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=TIMEOUT)
        self.drain_iopub()

    def drain_iopub(self):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.2)
            except Exception:
                return

    def reply_to(self, msg_id, timeout=TIMEOUT):
        """The shell reply whose parent is ``msg_id`` (skipping stray kernel_info replies)."""
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def execute(self, code, timeout=TIMEOUT, on_output=None):
        """Runs a cell; returns (reply content, list of IOPub output messages)."""
        msg_id = self.kc.execute(code)
        outputs = []
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] in ("stream", "execute_result", "display_data", "update_display_data", "error"):
                msg["received"] = time.monotonic()
                outputs.append(msg)
                if on_output:
                    on_output(msg)
        return self.reply_to(msg_id, timeout)["content"], outputs

    def value(self, code):
        """The text/plain result of a cell that must succeed."""
        reply, outputs = self.execute(code)
        assert reply["status"] == "ok", reply
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        assert len(results) == 1, outputs
        return results[0]["content"]["data"]["text/plain"]

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


@pytest.fixture(scope="session")
def kernel():
    """The installed (JDK 17) kernel, shared by the test modules (kernel start-up is the slow part)."""
    k = Kernel()
    yield k
    k.stop()


@pytest.fixture(scope="session")
def jdk25_kernel(jdk25_kernels_dir):
    """A kernel running on Temurin 25."""
    k = Kernel(jdk25_kernels_dir)
    yield k
    k.stop()


@pytest.fixture(params=["jdk17", "jdk25"])
def any_jdk_kernel(request):
    """The same test on the installed JDK 17 kernel and on the Temurin 25 kernel."""
    return request.getfixturevalue("kernel" if request.param == "jdk17" else "jdk25_kernel")
