"""Notebooks run `jobs` at a time, in `jobs` worker processes that each keep one kernel process and
start each notebook in it with a new notebook state (tools/execution.py, KeptKernel), with one
progress line per notebook; the caller hears of each notebook as it finishes (bin/site writes its
page then: SiteWriter.done in tools/site_writer.py).
"""

import concurrent.futures

from execution import NotebookFailed, execute


def execute_all(paths, jobs, on_done=None):
    """Executes notebooks `jobs` at a time, printing one progress line per notebook; calls
    on_done(name) in this process as each one finishes, while the others run on."""
    total = len(paths)
    done = 0
    timings = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(execute, p, keep=True): p for p in paths}
        try:
            for future in concurrent.futures.as_completed(futures):
                done += 1
                try:
                    name, seconds = future.result()
                except NotebookFailed as e:
                    print(f"[{done}/{total}] FAILED {e}", flush=True)
                    raise
                timings[name] = seconds
                print(f"[{done}/{total}] {name} … {seconds:.1f} s", flush=True)
                if on_done is not None:
                    on_done(name)
        except BaseException:
            # a failed notebook, an error in on_done, Ctrl-C: the notebooks not started yet do not run
            for f in futures:
                f.cancel()
            raise
    return timings
