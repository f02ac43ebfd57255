"""Generate the expected quantiles of large float32 groups (above the size where sampled selection starts).

The data are too large to commit, so both sides generate them from the same 64-bit linear congruential generator
(Knuth's MMIX constants): value j of a stream is (state >> 40) / 2**24 after j + 1 steps from the seed, a float32 in
[0, 1) computed exactly. Only numpy's quantiles (np.nanquantile, as the reference computes them) are committed, in
fixtures/ops/quantiles_large.json (non-finite values as the strings "nan", "inf" and "-inf"). Run from the repository root, numpy only:

    python3 modelhub-core/src/test/python/generate_quantile_fixtures.py
"""

import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures", "ops",
                   "quantiles_large.json")
MASK = (1 << 64) - 1
N = 300_007
QS = [0.0, 0.001, 0.01, 0.25, 0.5, 0.77, 0.998, 1.0]


def lcg(seed, n):
    out = np.empty(n, dtype=np.float32)
    s = seed
    for j in range(n):
        s = (s * 6364136223846793005 + 1442695040888963407) & MASK
        out[j] = (s >> 40) / float(1 << 24)
    return out


u = lcg(1, N)
cases = {
    # plain uniform values
    "uniform": u,
    # ten distinct values: the pivots are tied with thousands of values
    "ties": np.floor(u * 10).astype(np.float32),
    # every 10th value NaN
    "nan": np.where(np.arange(N) % 10 == 3, np.float32(np.nan), u).astype(np.float32),
    # sorted, so a strided sample sees a ramp
    "sorted": np.sort(u),
    # a short period (73) of repeated values
    "periodic": (np.arange(N) % 73).astype(np.float32),
    # mostly zero background with a few bright values, as in fluorescence images
    "background": np.where(u < 0.9, np.float32(0), u * 1000).astype(np.float32),
    # negative and positive values with -0.0 and infinities
    "signed": np.concatenate([(u[:-4] - 0.5) * 1e3, np.array([-0.0, 0.0, -np.inf, np.inf], dtype=np.float32)])
    .astype(np.float32),
    "all_nan": np.full(N, np.nan, dtype=np.float32),
}
records = []
for name, x in cases.items():
    for method in ["linear", "inverted_cdf"]:
        with np.errstate(all="ignore"):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                q = np.nanquantile(x, np.asarray(QS), method=method)
        records.append({"data": name, "method": method, "q": QS,
                        "expected": [float(v) if np.isfinite(v) else str(v) for v in q]})
with open(OUT, "w") as f:
    json.dump({"n": N, "seed": 1, "cases": records}, f, indent=1)
