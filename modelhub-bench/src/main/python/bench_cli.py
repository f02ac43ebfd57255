#!/usr/bin/env python3
"""Whole-process timings of the modelhub command line: start-up, validation, test and prediction.

Each case runs as a fresh process, alternating between the command lines compared (so that a change of the
machine's load hits both), and the script prints the median and minimum wall time per case and command line.

    python3 modelhub-bench/src/main/python/bench_cli.py --runs 5 \\
        --cmd "before=java -jar /tmp/before/modelhub.jar" --cmd "after=./modelhub"

Cases (``--cases``): validate-corpus (the conformance corpus and its conversions, --json --no-io, one process),
validate-one (the example's rdf.yaml), test (``test`` of the example), predict-default and predict-torchscript
(a 2048 x 2048 input in blocks of 512, default weights and forced TorchScript), predict-batch-N (the same input
with TorchScript through a copy of the example whose batch axis is free, ``--block-batch N``: N blocks per engine
call, for example predict-batch-1,predict-batch-8). Needs numpy only for the prediction input, written once to a
temporary folder.
"""

import argparse
import glob
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
EXAMPLE = os.path.join(ROOT, "examples", "unet2d-nuclei")
SHARED = os.path.join(ROOT, "..", "shared", "conformance")


def prediction_input(folder):
    import numpy as np

    path = os.path.join(folder, "input-2048.npy")
    if not os.path.exists(path):
        x = np.load(os.path.join(EXAMPLE, "test_input.npy"))
        np.save(path, np.tile(x, (1, 1, 4, 4)).astype(np.float32))
    return path


def free_batch_example(folder):
    """A copy of the example with its batch axis free and only the TorchScript weights (the ONNX export takes batch
    1 only)."""
    dest = os.path.join(folder, "free-batch")
    if not os.path.exists(dest):
        shutil.copytree(EXAMPLE, dest)
        os.remove(os.path.join(dest, "weights.onnx"))
        with open(os.path.join(dest, "rdf.yaml"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        out, skip = [], False
        for line in lines:
            if line.strip().startswith("size: 1 #"):
                continue
            if line.startswith("  ") and not line.startswith("   "):
                skip = line == "  onnx:"
            if not skip:
                out.append(line)
        with open(os.path.join(dest, "rdf.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(out))
    return os.path.join(dest, "rdf.yaml")


def cases(folder):
    corpus = sorted(glob.glob(os.path.join(SHARED, "corpus", "*.yaml")))
    corpus += sorted(glob.glob(os.path.join(SHARED, "converted", "*.yaml")))
    rdf = os.path.join(EXAMPLE, "rdf.yaml")
    out = os.path.join(folder, "out")
    predict = ["predict", "--input", "raw=" + prediction_input(folder), "--output-dir", out,
               "--block", "y=512,x=512", rdf]
    batch = {
        "predict-batch-%d" % n: ["predict", "--overwrite", "--block-batch", str(n), "--input",
                                 "raw=" + prediction_input(folder), "--output-dir", out, "--block", "y=512,x=512",
                                 free_batch_example(folder)]
        for n in (1, 2, 4, 8, 16, 25)
    }
    return batch | {
        "validate-corpus": ["validate", "--json", "--no-io"] + corpus,
        "validate-one": ["validate", rdf],
        "test": ["test", rdf],
        "predict-default": predict,
        "predict-torchscript": predict[:1] + ["--weight-format", "torchscript"] + predict[1:],
    }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cmd", action="append", required=True, help="NAME=COMMAND LINE (repeat)")
    p.add_argument("--cases", default="validate-corpus,validate-one,test,predict-default,predict-torchscript")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    cmds = [c.split("=", 1) for c in args.cmd]
    folder = tempfile.mkdtemp(prefix="modelhub-bench-cli-")
    all_cases = cases(folder)
    print("load average at start: %.2f %.2f %.2f" % os.getloadavg())
    print("| case | command | median s | min s | runs |")
    print("|---|---|---:|---:|---:|")
    for case in args.cases.split(","):
        times = {name: [] for name, _ in cmds}
        for _ in range(args.runs):
            for name, line in cmds:
                argv = shlex.split(line) + all_cases[case]
                start = time.perf_counter()
                r = subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                times[name].append(time.perf_counter() - start)
                # validate exits with 1 when some descriptions are invalid, as some of the corpus are
                if r.returncode != 0 and not (case.startswith("validate") and r.returncode == 1):
                    sys.exit("%s %s failed (%d): %s" % (name, case, r.returncode, r.stderr.decode()[-2000:]))
        for name, _ in cmds:
            t = times[name]
            print("| %s | %s | %.2f | %.2f | %d |" % (case, name, statistics.median(t), min(t), len(t)))
        sys.stdout.flush()
    print("load average at end: %.2f %.2f %.2f" % os.getloadavg())
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
