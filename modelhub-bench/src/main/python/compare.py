#!/usr/bin/env python3
"""Joins a JMH result file (java -jar benchmarks.jar -rf json -rff jmh.json) and a bench_numpy.py result file
(--json numpy.json) into the Markdown table of docs/performance.md: Java time, numpy time, their ratio, the Java time
relative to the copy baseline of the same shape, and whether the issue's target for that op is met.

Standard library only. Usage: python3 compare.py jmh.json numpy.json > table.md
"""

import json
import sys

# benchmark -> (target kind, bound): "copy" = Java time / copy baseline at most bound,
# "numpy" = numpy time / Java time at least bound
TARGETS = {
    "ScaleLinearBenchmark.scaleLinear": ("copy", 1.5),
    "ClipBenchmark.clipFixed": ("copy", 1.5),
    "BinarizeBenchmark.binarize": ("copy", 1.5),
    "EnsureDtypeBenchmark.ensureDtype": ("copy", 1.5),
    "FixedZeroMeanUnitVarianceBenchmark.fixedZeroMeanUnitVariance": ("copy", 1.5),
    "ZeroMeanUnitVarianceBenchmark.zeroMeanUnitVariance": ("numpy", 3.0),
    "ScaleMeanVarianceBenchmark.scaleMeanVariance": ("numpy", 3.0),
    "SigmoidBenchmark.sigmoid": ("numpy", 3.0),
    "SoftmaxBenchmark.softmax": ("numpy", 3.0),
    "ScaleRangeBenchmark.scaleRange": ("numpy", 5.0),
    "ClipBenchmark.clipPercentiles": ("numpy", 5.0),
    # issue 18: elementwise ops at least as fast as numpy (the recycled forms against numpy's out= forms)
    "BinarizeBenchmark.binarizeRecycled": ("numpy", 1.0),
    "ClipBenchmark.clipFixedRecycled": ("numpy", 1.0),
    "EnsureDtypeBenchmark.ensureDtypeRecycled": ("numpy", 1.0),
    "FusedChainBenchmark.fused": ("numpy", 1.0),
    "FusedChainBenchmark.fusedRecycled": ("numpy", 1.0),
}

# the same op measured with the Vector API module added (opt-in, see docs/performance.md): same numpy row and target
SAME_AS = {
    "SigmoidVectorBenchmark.sigmoid": "SigmoidBenchmark.sigmoid",
    "SoftmaxVectorBenchmark.softmax": "SoftmaxBenchmark.softmax",
    "ZeroMeanUnitVarianceVectorBenchmark.zeroMeanUnitVariance": "ZeroMeanUnitVarianceBenchmark.zeroMeanUnitVariance",
    "ScaleMeanVarianceVectorBenchmark.scaleMeanVariance": "ScaleMeanVarianceBenchmark.scaleMeanVariance",
}


def short(name):
    parts = name.split(".")
    return ".".join(parts[-2:])


def key(name, params):
    # the dtype column also shows FusedChainBenchmark's chain parameter
    return (short(name), params.get("shape", ""), params.get("dtype", params.get("chain")))


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0]) as f:
        jmh = json.load(f)
    with open(argv[1]) as f:
        numpy = json.load(f)
    np_ms = {(r["benchmark"], r["shape"], r["dtype"]): r["mean_ms"] for r in numpy["results"]}
    java = {}
    other = []
    for r in jmh:
        m = r["primaryMetric"]
        if m["scoreUnit"] != "ms/op":
            # throughput benchmarks (load + validate): listed after the table
            other.append((short(r["benchmark"]), r.get("params", {}), float(m["score"]), float(m["scoreError"]),
                          m["scoreUnit"]))
            continue
        java[key(r["benchmark"], r.get("params", {}))] = (float(m["score"]), float(m["scoreError"]))
    print("| benchmark | dtype | shape | Java ms/op | numpy ms/op | numpy / Java | Java / copy | target |")
    print("|---|---|---|---:|---:|---:|---:|---|")
    for (name, shape, dtype), (score, error) in java.items():
        if name.startswith("PipelineBenchmark."):
            continue  # the pipeline tables below
        copy = java.get(("CopyBaseline.copy", shape, None), (None, None))[0]
        base = SAME_AS.get(name, name)
        npt = np_ms.get((base, shape, dtype))
        ratio = npt / score if npt else None
        rel = score / copy if copy else None
        target = ""
        if base in TARGETS:
            kind, bound = TARGETS[base]
            if kind == "copy" and rel is not None:
                target = f"<= {bound}x copy: " + ("met" if rel <= bound else f"missed by {rel / bound:.1f}x")
            elif kind == "numpy" and ratio is not None:
                target = f">= {bound}x numpy: " + ("met" if ratio >= bound else f"missed by {bound / ratio:.1f}x")
        err = f" ± {error:.2f}" if error == error else ""  # NaN when there was one iteration
        print(f"| {name} | {dtype or ''} | {shape} | {score:.2f}{err} | "
              f"{'' if npt is None else f'{npt:.2f}'} | {'' if ratio is None else f'{ratio:.2f}'} | "
              f"{'' if rel is None else f'{rel:.2f}'} | {target} |")
    split_rows = []
    for r in jmh:
        name = short(r["benchmark"])
        sec = r.get("secondaryMetrics", {})
        if name.startswith("PipelineBenchmark.split") and "pipelineNanos" in sec and "nativeNanos" in sec:
            split_rows.append((name, float(sec["pipelineNanos"]["score"]), float(sec["nativeNanos"]["score"])))
    native = java.get(("PipelineBenchmark.nativeInference", "", None))
    if native:
        print()
        print("| pipeline (unet2d_nuclei_broad, TorchScript, CPU) | ms/op | native calls | overhead ms | overhead / native |")
        print("|---|---:|---:|---:|---:|")
        print(f"| nativeInference (one 512 x 512 block) | {native[0]:.1f} ± {native[1]:.1f} | 1 | | |")
        for name, blocks in (("PipelineBenchmark.predict", 1), ("PipelineBenchmark.predictTiled", 9)):
            got = java.get((name, "", None))
            if got:
                over = got[0] - blocks * native[0]
                print(f"| {name.split('.')[1]} | {got[0]:.1f} ± {got[1]:.1f} | {blocks} | {over:.1f} | "
                      f"{100 * over / (blocks * native[0]):.1f} % (target <= 10 %) |")
    if split_rows:
        print()
        print("| pipeline and native calls alternating (same invocations) | pipeline s | native s | overhead / native |")
        print("|---|---:|---:|---:|")
        for name, pipe, nat in split_rows:
            print(f"| {name.split('.')[1]} | {pipe / 1e9:.2f} | {nat / 1e9:.2f} | "
                  f"{100 * (pipe - nat) / nat:.1f} % (target <= 10 %) |")
    if other:
        print()
        print("| benchmark | parameters | score | unit |")
        print("|---|---|---:|---|")
        for name, params, score, error, unit in other:
            err = f" ± {error:.1f}" if error == error else ""
            print(f"| {name} | {', '.join(f'{k}={v}' for k, v in params.items())} | {score:.1f}{err} | {unit} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
