"""Files the kernel leaves behind or trusts (issue #32, "Files")."""
import json
from pathlib import Path

from conftest import Kernel, installed_spec_dir

LIB_JAR = Path(__file__).resolve().parents[2] / "lib" / "target" / "dltheory-lib.jar"


def test_netlib_native_copy_is_deleted_when_the_kernel_shuts_down():
    k = Kernel()
    try:
        k.execute(f"%jars {LIB_JAR}")
        loaded = k.value("dltheory.linalg.Gemm.implementation()")
        if "native" not in loaded:
            import pytest
            pytest.skip("no native BLAS on this machine: " + loaded)
        code = ('java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps")).stream()'
                '.filter(l -> l.contains("libnetlibblasjni")).map(l -> l.substring(l.indexOf(\'/\')))'
                '.findFirst().orElse("")')
        copy = k.value(code).strip('"')
        assert copy.startswith("/"), copy
        assert Path(copy).exists()
    finally:
        k.stop()
    assert not Path(copy).exists(), f"{copy} left behind"


def test_kernelspec_sends_crash_logs_to_a_cache_folder_not_the_notebooks():
    argv = json.loads((installed_spec_dir() / "kernel.json").read_text())["argv"]
    error_file = [a for a in argv if a.startswith("-XX:ErrorFile=")]
    assert len(error_file) == 1, argv
    assert error_file[0].endswith("/hs_err_pid%p.log") and "dltheory-kernel" in error_file[0], error_file


CRASH = ('Class<?> u = Class.forName("sun.misc.Unsafe");\n'
         'java.lang.reflect.Field f = u.getDeclaredField("theUnsafe");\n'
         'f.setAccessible(true);\n'
         'u.getMethod("putAddress", long.class, long.class).invoke(f.get(null), 0L, 0L);')


def test_a_jvm_crash_leaves_no_log_in_the_notebook_folder(tmp_path):
    """The JVM crashes (a write to address 0) after the cache folder that -XX:ErrorFile names was
    removed (a cleaned ~/.cache): HotSpot then writes hs_err_pid*.log into the working folder, the
    notebook's, unless the kernel made the folder again when it started."""
    import os
    import subprocess
    import time
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    from conftest import kernel_jar

    cache = tmp_path / "cache"
    prefix = tmp_path / "prefix"
    subprocess.run(["java", "-jar", kernel_jar(), "install", "--prefix", str(prefix), "--no-cds"],
                   check=True, capture_output=True, env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    crash_dir = cache / "dltheory-kernel"
    assert crash_dir.is_dir()
    crash_dir.rmdir()
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    ksm = KernelSpecManager(kernel_dirs=[str(prefix / "share" / "jupyter" / "kernels")])
    km = KernelManager(kernel_name="java", kernel_spec_manager=ksm)
    km.start_kernel(cwd=str(notebooks), env={**os.environ, "JAVA_TOOL_OPTIONS": "-XX:-CreateCoredumpOnCrash"})
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        kc.execute(CRASH)
        for _ in range(600):
            if not km.is_alive():
                break
            time.sleep(0.1)
        assert not km.is_alive(), "the kernel did not crash"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert not list(notebooks.glob("hs_err_pid*.log")), list(notebooks.iterdir())
    assert len(list(crash_dir.glob("hs_err_pid*.log"))) == 1, list(cache.rglob("*"))
