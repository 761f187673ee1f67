"""The site's download of everything needed to run the notebooks (issue 34): one zip,

    dltheory-notebooks/README.md
    dltheory-notebooks/notebooks/NN-*.ipynb          (as stored: without outputs)
    dltheory-notebooks/lib/target/dltheory-lib.jar   (the library, with its dependencies)
    dltheory-notebooks/lib/target/dltheory-lib-sources.jar   (its Javadoc, for Shift+Tab)
    dltheory-notebooks/kernel/dltheory-kernel.jar    (this project's Java kernel)

The notebooks load the library with `%jars ../lib/target/dltheory-lib.jar`, relative to their
folder: the same layout as the repository keeps that path valid. The jars are stored, not
compressed again (they are zips already), so writing the bundle takes a fraction of a second.
"""

import zipfile
from pathlib import Path

NAME = "dltheory-notebooks"
FILE = f"{NAME}.zip"
LIB_JAR = Path("lib") / "target" / "dltheory-lib.jar"
SOURCES_JAR = Path("lib") / "target" / "dltheory-lib-sources.jar"
KERNEL_JAR = Path("kernel") / "target" / "dltheory-kernel.jar"

README = """# Training deep networks: the theory, in Java notebooks

The notebooks of the collection, the helper library they load and the Java kernel that runs them.
You need Java 17 or newer (`java -version`) and Python 3 with pip.

```bash
python3 -m venv .venv && .venv/bin/pip install jupyterlab      # JupyterLab, in this folder only
java -jar kernel/dltheory-kernel.jar install --prefix .venv     # the kernel "Java", for that JupyterLab
.venv/bin/jupyter lab notebooks/                                # opens in your browser
```

Open a notebook, pick the kernel *Java* if asked, and run the cells from the top. The first code
cell loads the library with `%jars ../lib/target/dltheory-lib.jar`: keep the folders `notebooks/` and
`lib/` side by side as they are here. Every number comes from the seed in the second code cell, so an
unchanged notebook prints the same numbers on every run. The exercises are at the end of each
notebook: edit the answer cell and run the check below it.

A stock IJava or JJava kernel (kernel name `java`) runs the notebooks too: they use its dialect
(`%jars`, `display(...)`). `java -jar kernel/dltheory-kernel.jar install --user` installs this
kernel for every Jupyter of your user instead; `uninstall` removes it.
"""


def write_bundle(out, root, notebooks):
    """Writes `out`/FILE from the repository at `root` and the notebook files `notebooks`; returns
    the bundle's path. FileNotFoundError names a jar that is not built."""
    out = Path(out)
    root = Path(root)
    for jar in (LIB_JAR, KERNEL_JAR):
        if not (root / jar).is_file():
            raise FileNotFoundError(f"{root / jar} is missing: build it with `mvn -B -q package -DskipTests`")
    target = out / FILE
    with zipfile.ZipFile(target, "w") as z:
        z.writestr(zipfile.ZipInfo(f"{NAME}/README.md", date_time=(2019, 3, 15, 0, 0, 0)), README,
                   compress_type=zipfile.ZIP_DEFLATED)
        for nb in sorted(notebooks, key=lambda p: Path(p).name):
            z.write(nb, f"{NAME}/notebooks/{Path(nb).name}", compress_type=zipfile.ZIP_DEFLATED)
        for jar, name in ((LIB_JAR, LIB_JAR), (SOURCES_JAR, SOURCES_JAR), (KERNEL_JAR, Path("kernel") / KERNEL_JAR.name)):
            if (root / jar).is_file():
                z.write(root / jar, f"{NAME}/{name.as_posix()}", compress_type=zipfile.ZIP_STORED)
    return target
