#!/usr/bin/env python3
"""Times with numpy the computations that the JMH benchmarks of modelhub-bench time in Java.

The reference implementation (bioimageio.core) runs its ops on numpy arrays wrapped in xarray; this script calls numpy
directly, which is the reference's best case. Each op reproduces the reference's math (see docs/processing.md):
statistics over the spatial axes per sample and channel, quantiles with np.quantile's 'linear' (scale_range) and
'inverted_cdf' (clip with percentiles) methods, float32 arithmetic with Python-scalar parameters.

Inputs follow the JMH setup: float32 uniform in [0, 1) (ensure_dtype: [0, 256)), uint8 uniform in [0, 255], fixed
seed. Names are the JMH benchmark names, so the two result files can be joined (compare.py).

Usage:
    python3 bench_numpy.py                                   # all ops, all shapes
    python3 bench_numpy.py --ops scaleLinear,copy --shapes 1x1x2048x2048 --time 1
    python3 bench_numpy.py --json numpy.json                 # also write the results as JSON
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time

import numpy as np

SHAPES = ["1x1x2048x2048", "1x3x2048x2048", "1x1x64x1024x1024"]
EPS = 1e-6
SEED = 42


def spatial(x):
    """The spatial axes (y, x) or (z, y, x): statistics per sample and channel reduce over these."""
    return tuple(range(2, x.ndim))


def zmuv(x):
    ax = spatial(x)
    return (x - x.mean(axis=ax, keepdims=True)) / (x.std(axis=ax, keepdims=True) + EPS)


def scale_mean_variance(x, ref):
    ax = spatial(x)
    m, s = x.mean(axis=ax, keepdims=True), x.std(axis=ax, keepdims=True)
    rm, rs = ref.mean(axis=ax, keepdims=True), ref.std(axis=ax, keepdims=True)
    return (x - m) / (s + EPS) * (rs + EPS) + rm


def scale_range(x):
    lo, hi = np.quantile(x, [0.01, 0.998], axis=spatial(x), keepdims=True, method="linear")
    return (x - lo) / (hi - lo + EPS)


def clip_percentiles(x):
    lo, hi = np.quantile(x, [0.01, 0.998], axis=spatial(x), keepdims=True, method="inverted_cdf")
    return np.clip(x, lo, hi)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def mean_std(x):
    ax = spatial(x)
    return x.mean(axis=ax), x.std(axis=ax)


def quantiles(method):
    return lambda x: np.quantile(x, [0.01, 0.998], axis=spatial(x), method=method)


def npy_write(x, path):
    np.save(path, x)


def npy_read(x, path):
    return np.load(path)


_BUFFERS = {}


def buffer(shape, dtype, slot=0):
    """A preallocated output for the 'out=' forms (numpy's counterpart of a recycled result), one per slot."""
    k = (shape, np.dtype(dtype).str, slot)
    if k not in _BUFFERS:
        _BUFFERS[k] = np.empty(shape, dtype)
    return _BUFFERS[k]


def threshold(x):
    return np.clip(x * 2.5 + -0.5, 0.1, 0.9) > 0.5


def threshold_out(x):
    b = buffer(x.shape, np.float32)
    np.multiply(x, 2.5, out=b)
    np.add(b, -0.5, out=b)
    np.clip(b, 0.1, 0.9, out=b)
    return np.greater(b, 0.5, out=buffer(x.shape, np.bool_))


def normalize(x):
    # ensure_dtype(float32), zero_mean_unit_variance per channel, ensure_dtype(float32) on a uint8 input
    f = x.astype(np.float32)
    return ((f - f.mean(spatial(f), keepdims=True)) / (f.std(spatial(f), keepdims=True) + EPS)).astype(np.float32)


def normalize_out(x):
    b = buffer(x.shape, np.float32)
    b[...] = x
    a = spatial(b)
    np.subtract(b, b.mean(a, keepdims=True), out=b)
    np.divide(b, b.std(a, keepdims=True) + EPS, out=b)
    return b


def cast_out(x):
    b = buffer(x.shape, np.float32 if x.dtype == np.uint8 else np.uint8)
    b[...] = x  # astype's unsafe cast
    return b


# name -> (dtypes, function of the input); dtype None: the JMH benchmark has no dtype parameter (float32 input)
OPS = {
    "CopyBaseline.copy": ([None], lambda x: x.copy()),
    "ScaleLinearBenchmark.scaleLinear": ([None], lambda x: x * 2.5 + -0.5),
    "ClipBenchmark.clipFixed": ([None], lambda x: np.clip(x, 0.1, 0.9)),
    "ClipBenchmark.clipPercentiles": ([None], clip_percentiles),
    "BinarizeBenchmark.binarize": ([None], lambda x: x > 0.5),
    "BinarizeBenchmark.binarizeRecycled": ([None], lambda x: np.greater(x, 0.5, out=buffer(x.shape, np.bool_))),
    "ClipBenchmark.clipFixedRecycled": ([None], lambda x: np.clip(x, 0.1, 0.9, out=buffer(x.shape, np.float32))),
    "EnsureDtypeBenchmark.ensureDtypeRecycled": (["float32", "uint8"], cast_out),
    "FusedChainBenchmark.fused": (["threshold", "normalize"], None),
    "FusedChainBenchmark.fusedRecycled": (["threshold", "normalize"], None),
    "FusedChainBenchmark.opByOp": (["threshold", "normalize"], None),
    "EnsureDtypeBenchmark.ensureDtype": (
        ["float32", "uint8"],
        lambda x: x.astype(np.float32 if x.dtype == np.uint8 else np.uint8),
    ),
    "FixedZeroMeanUnitVarianceBenchmark.fixedZeroMeanUnitVariance": ([None], lambda x: (x - 0.5) / (0.29 + EPS)),
    "ZeroMeanUnitVarianceBenchmark.zeroMeanUnitVariance": ([None], zmuv),
    "ScaleMeanVarianceBenchmark.scaleMeanVariance": ([None], None),  # needs a reference tensor, see run()
    "ScaleRangeBenchmark.scaleRange": (["float32", "uint8"], scale_range),
    "SigmoidBenchmark.sigmoid": ([None], sigmoid),
    "SoftmaxBenchmark.softmax": ([None], softmax),
    "StatisticsBenchmark.meanStd": ([None], mean_std),
    "StatisticsBenchmark.quantilesLinear": ([None], quantiles("linear")),
    "StatisticsBenchmark.quantilesInvertedCdf": ([None], quantiles("inverted_cdf")),
    "NpyBenchmark.npyRead": ([None], None),
    "NpyBenchmark.npyWrite": ([None], None),
}


def make_input(shape, dtype, seed, scale=1.0):
    rng = np.random.default_rng(seed)
    if dtype == "uint8":
        return rng.integers(0, 256, size=shape, dtype=np.uint8)
    x = rng.random(shape, dtype=np.float32)
    return x * np.float32(scale) if scale != 1.0 else x


def timed(fn, min_time, min_runs):
    fn()  # warm-up: page faults of the first allocation, lazy imports
    times = []
    start = time.perf_counter()
    while len(times) < min_runs or time.perf_counter() - start < min_time:
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return times


def run(name, shape_text, dtype, min_time, min_runs, tmp):
    shape = tuple(int(s) for s in shape_text.split("x"))
    fn = OPS[name][1]
    if name.startswith("FusedChainBenchmark."):
        # dtype holds the chain parameter; the allocating form for fused and opByOp, the out= form for recycled
        x = make_input(shape, "float32" if dtype == "threshold" else "uint8", SEED)
        fn = {"threshold": (threshold, threshold_out), "normalize": (normalize, normalize_out)}[dtype][
            name.endswith("Recycled")]
        return timed(lambda: fn(x), min_time, min_runs)
    if name.startswith("EnsureDtypeBenchmark.ensureDtype"):
        x = make_input(shape, dtype, SEED, 256.0)
    else:
        x = make_input(shape, dtype or "float32", SEED)
    if name == "ScaleMeanVarianceBenchmark.scaleMeanVariance":
        ref = make_input(shape, "float32", SEED + 1)
        call = lambda: scale_mean_variance(x, ref)
    elif name == "NpyBenchmark.npyRead":
        path = os.path.join(tmp, "read.npy")
        np.save(path, x)
        call = lambda: np.load(path)
    elif name == "NpyBenchmark.npyWrite":
        path = os.path.join(tmp, "write.npy")
        call = lambda: np.save(path, x)
    else:
        call = lambda: fn(x)
    return timed(call, min_time, min_runs)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--ops", help="comma-separated benchmark names or suffixes (e.g. scaleLinear,copy); default all")
    p.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes, default %(default)s")
    p.add_argument("--time", type=float, default=5.0, help="seconds of timed runs per case (default %(default)s)")
    p.add_argument("--runs", type=int, default=5, help="at least this many timed runs per case (default %(default)s)")
    p.add_argument("--json", help="also write the results to this JSON file")
    p.add_argument("--list", action="store_true", help="list the benchmark names and exit")
    args = p.parse_args(argv)
    if args.list:
        print("\n".join(OPS))
        return 0
    names = list(OPS)
    if args.ops:
        wanted = [w.strip() for w in args.ops.split(",") if w.strip()]
        names = [n for n in names if any(n == w or n.endswith("." + w) for w in wanted)]
        if not names:
            p.error("--ops: no benchmark matches " + args.ops + "; see --list")
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    results = []
    width = max(len(n) for n in names)
    print(f"numpy {np.__version__}, python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} cpus, load average {os.getloadavg()[0]:.2f}", flush=True)
    print(f"{'Benchmark':<{width}}  {'(dtype)':>7}  {'(shape)':>16}  {'Cnt':>4}  {'Score':>10}  {'Min':>10}  Units",
          flush=True)
    with tempfile.TemporaryDirectory(prefix="modelhub-bench-numpy") as tmp:
        for name in names:
            for dtype in OPS[name][0]:
                for shape in shapes:
                    times = run(name, shape, dtype, args.time, args.runs, tmp)
                    mean = statistics.fmean(times)
                    results.append({"benchmark": name, "shape": shape, "dtype": dtype, "runs": len(times),
                                    "mean_ms": mean, "min_ms": min(times),
                                    "stdev_ms": statistics.stdev(times) if len(times) > 1 else 0.0})
                    print(f"{name:<{width}}  {dtype or 'N/A':>7}  {shape:>16}  {len(times):>4}  {mean:>10.3f}  "
                          f"{min(times):>10.3f}  ms/op", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"numpy": np.__version__, "python": platform.python_version(),
                       "load_average": os.getloadavg(), "results": results}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
