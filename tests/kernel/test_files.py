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
