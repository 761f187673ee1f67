"""The forward variance sweep of notebook 01 in numpy, for bench/init (see README.md).

Same computation as dltheory.init.Forward.sweep with He's N(0, 2/d) and ReLU: draw n standardized
inputs, then for each of L layers draw W (d, d), compute a = W h, the per-unit mean and mean square
of a and of h = ReLU(a), and keep 4096 entries of a. Prints one line: the median wall-clock and CPU
seconds (all threads) per sweep, Var[a⁽ᴸ⁾] of the last sweep, then the median wall-clock and CPU
seconds of one product W h alone. OpenBLAS takes its number of threads from OPENBLAS_NUM_THREADS
(the Java side of the benchmark sets it).

    /usr/bin/python3 bench/init/sweep_numpy.py [depth width batch repeats]
"""
import sys
import time

import numpy as np


def sweep(depth, width, batch, rng):
    d, n = width, batch
    std = np.sqrt(2.0 / d)
    x = rng.standard_normal((d, n))
    h = np.maximum(x, 0.0)                      # the inputs are a⁽⁰⁾, h⁽⁰⁾ = g(x)
    var_a = np.empty(depth)
    rel_se = np.empty(depth)
    stride = max(1, d * n // 4096)
    samples = []
    for t in range(depth):
        w = rng.standard_normal((d, d)) * std
        a = w @ h                               # (d, d)·(d, n)
        samples.append(a.ravel()[::stride][:4096].copy())
        row_mean_a = a.mean(axis=1)
        row_square_a = np.einsum("ij,ij->i", a, a) / n
        h = np.maximum(a, 0.0)
        row_mean_h = h.mean(axis=1)
        row_square_h = np.einsum("ij,ij->i", h, h) / n
        mean_a = row_mean_a.mean()
        var_a[t] = row_square_a.mean() - mean_a ** 2
        rel_se[t] = row_square_h.std(ddof=1) / np.sqrt(d) / row_square_h.mean()
        _ = row_mean_h.mean(), row_mean_a.std(ddof=1)
    return var_a, rel_se, samples


def main():
    depth, width, batch, repeats = (int(v) for v in (sys.argv[1:5] if len(sys.argv) >= 5 else (50, 256, 512, 7)))
    rng = np.random.default_rng(20190315)
    sweep(depth, width, batch, rng)             # warm-up
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        var_a, _, _ = sweep(depth, width, batch, rng)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    times.sort()
    cpu.sort()
    product, product_cpu = product_seconds(width, batch, rng)
    print(f"{times[len(times) // 2]:.6f} {cpu[len(cpu) // 2]:.6f} {var_a[-1]:.6g} {product:.6f} {product_cpu:.6f}")


def product_seconds(width, batch, rng, repeats=7, per_repeat=20):
    """Median wall-clock and CPU seconds of one product (d, d)·(d, n), timed over per_repeat products."""
    w = rng.standard_normal((width, width))
    h = rng.standard_normal((width, batch))
    for _ in range(per_repeat):
        w @ h
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(per_repeat):
            w @ h
        times.append((time.perf_counter() - start) / per_repeat)
        cpu.append((time.process_time() - start_cpu) / per_repeat)
    times.sort()
    cpu.sort()
    return times[repeats // 2], cpu[repeats // 2]


if __name__ == "__main__":
    main()
