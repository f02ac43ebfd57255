"""Generate reference fixtures for the ops, statistics and npy tests of modelhub-core.

Run once from the repository root (numpy only, fixed seed); the outputs are committed and the Java tests read them,
so tests never need Python:

    python3 modelhub-core/src/test/python/generate_op_fixtures.py

The expected values reproduce what bioimageio.core computes (proc_ops.py, stat_calculators.py; reference section B):
numpy/xarray dtype promotion with Python scalars (float32 stays float32), float64 parameter arrays for the along-axis
forms, xarray quantiles (np.nanquantile with a float64 q array), sample mean/std of float32 in float32, dataset
mean/std in float64, eps 1e-6 (the eps kwarg of scale_range and zero_mean_unit_variance is ignored by the
reference). Results of float64 computations on float32 inputs are rounded to float32, which is this SDK's result type
(see docs/processing.md).
"""

import json
import os

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
OPS = os.path.join(ROOT, "ops")
NPY = os.path.join(ROOT, "npy")
os.makedirs(OPS, exist_ok=True)
os.makedirs(NPY, exist_ok=True)

rng = np.random.default_rng(20261123)
AXES = ["batch", "channel", "y", "x"]
EPS = 1e-6
cases = []


def save(name, arr):
    np.save(os.path.join(OPS, name), arr)
    return name


_inputs = {}


def save_input(arr):
    """Saves each distinct input once, named by its content hash."""
    import hashlib

    key = hashlib.sha256(arr.dtype.str.encode() + str(arr.shape).encode() + arr.tobytes()).hexdigest()[:12]
    if key not in _inputs:
        _inputs[key] = save(f"in_{arr.dtype.name}_{key}.npy", arr)
    return _inputs[key]


def result_dtype(x):
    return np.float32 if x.dtype == np.float32 else np.float64


def nanquantile(x, q, axis, method):
    # xarray: q as a float64 array, nanquantile, quantile dimension first
    return np.nanquantile(x, np.asarray([q], dtype=np.float64), axis=axis, method=method, keepdims=True)[0]


def reduce_axes(axes):
    return None if axes is None else tuple(AXES.index(a) for a in axes)


def sample_mean_std(x, axes):
    # MeanVarStdCalculator.compute: mean in the tensor's precision (float64 for integers), var = dot(c, c) / n
    ax = reduce_axes(axes)
    mean = x.mean(axis=ax, keepdims=True)
    c = x - mean
    n = x.size if ax is None else int(np.prod([x.shape[i] for i in ax]))
    var = (c * c).sum(axis=ax, keepdims=True) / np.asarray(n, dtype=c.dtype)
    return mean, np.sqrt(var)


def dataset_mean_std(x, axes):
    # MeanVarStdCalculator.update/finalize on one sample, float64
    ax = reduce_axes(axes)
    t = x.astype("float64")
    mean = t.mean(axis=ax, keepdims=True)
    m2 = ((t - mean) ** 2).sum(axis=ax, keepdims=True)
    n = t.size / mean.size
    return mean, (m2 / n) ** 0.5


def case(name, op, kwargs, inputs, expected, exact=False, tolerance=1e-6):
    files = {}
    for tid, arr in inputs.items():
        files[tid] = save_input(arr)
    cases.append(
        {
            "name": name,
            "op": op,
            "kwargs": kwargs,
            "inputs": files,
            "axes": AXES,
            "expected": save(f"{name}.expected.npy", expected),
            "exact": exact,
            "tolerance": tolerance,
        }
    )


# ---- inputs
shape = (1, 3, 16, 17)
f32 = (rng.normal(size=shape) * 40 + 100).astype(np.float32)
f32[0, 0, 0, :5] = [100.25, 100.25, 100.25, -3.5, 250.0]  # ties for the quantiles
f64 = rng.normal(size=shape) * 3 - 1
u8 = rng.integers(0, 256, size=shape, dtype=np.uint8)
i16 = rng.integers(-3000, 3000, size=shape, dtype=np.int16)
ref32 = (rng.normal(size=shape) * 5 + 7).astype(np.float32)
const32 = np.full(shape, 4.5, dtype=np.float32)
one_c = (rng.normal(size=(1, 1, 5, 6)) * 2).astype(np.float32)
inputs = {"f32": f32, "f64": f64, "u8": u8, "i16": i16}

# ---- binarize
for key, x in inputs.items():
    t = 100.1 if key != "f64" else -1.0
    case(f"binarize_{key}", "binarize", {"threshold": t}, {"x": x}, x > t, exact=True)
thr = [90.0, 100.0, 110.5]
case(
    "binarize_axis_f32", "binarize", {"threshold": thr, "axis": "channel"}, {"x": f32},
    f32 > np.asarray(thr)[None, :, None, None], exact=True,
)
# float32 threshold rounding: 0.1 as float32 equals the element, so '>' is false
small = np.asarray([[[[0.1, 0.2, 0.05, 0.10000001]]]], dtype=np.float32)
case("binarize_f32_rounding", "binarize", {"threshold": 0.1}, {"x": small}, small > 0.1, exact=True)

# ---- clip
for key, x in inputs.items():
    lo, hi = (80.5, 130.25) if key != "f64" else (-2.0, 1.5)
    exp = np.clip(x, lo, hi).astype(result_dtype(x))
    case(f"clip_fixed_{key}", "clip", {"min": lo, "max": hi}, {"x": x}, exp, exact=True)
for key, x in [("f32", f32), ("u8", u8)]:
    for pl, ph, axes in [(1.0, 99.5, ["y", "x"]), (0.0, 100.0, ["y", "x"]), (10.0, 90.0, ["channel", "y", "x"])]:
        ax = reduce_axes(axes)
        qlo = nanquantile(x, pl / 100, ax, "inverted_cdf")
        qhi = nanquantile(x, ph / 100, ax, "inverted_cdf")
        y = np.where(x >= qlo, x, qlo)
        y = np.where(y <= qhi, y, qhi)
        case(
            f"clip_pct_{key}_{int(pl)}_{int(ph)}_{len(axes)}", "clip",
            {"min_percentile": pl, "max_percentile": ph, "axes": axes}, {"x": x},
            y.astype(result_dtype(x)), exact=True,
        )
# axes null: a dataset quantile, for the first sample the 'linear' quantile over everything
qlo = nanquantile(f32.astype(np.float64), 0.05, None, "linear")
qhi = nanquantile(f32.astype(np.float64), 0.95, None, "linear")
y = np.where(f32 >= qlo, f32, qlo)
y = np.where(y <= qhi, y, qhi)
case("clip_pct_dataset_f32", "clip", {"min_percentile": 5.0, "max_percentile": 95.0, "axes": None}, {"x": f32},
     y.astype(np.float32))
case("clip_min_only_f32", "clip", {"min": 100.0}, {"x": f32}, np.clip(f32, 100.0, None), exact=True)

# ---- ensure_dtype
vals = np.asarray([0.0, 1.9, -1.9, 127.7, -128.9, 255.5, 300.7, -3.7, 65535.9, 70000.2, -40000.6, 1e9, -1e9,
                   3e9, 0.5, -0.5], dtype=np.float64)
vx = vals.reshape(1, 1, 4, 4)
for target in ["uint8", "int8", "uint16", "int16", "int32", "uint32", "int64", "bool", "float32"]:
    x = vx.astype(np.float32) if target != "float32" else vx
    with np.errstate(invalid="ignore"):
        exp = x.astype(target)
    src = "f32" if x.dtype == np.float32 else "f64"
    case(f"ensure_dtype_{src}_to_{target}", "ensure_dtype", {"dtype": target}, {"x": x}, exp, exact=True)
ints = np.asarray([0, 1, -1, 127, 128, 255, 256, -129, 65535, 65536, -32769, 2**31 - 1, -(2**31), 2**40 + 5,
                   -(2**40) - 3, 2**62], dtype=np.int64).reshape(1, 1, 4, 4)
for target in ["uint8", "int8", "uint16", "int16", "int32", "uint32", "uint64", "float32", "float64", "bool"]:
    case(f"ensure_dtype_i64_to_{target}", "ensure_dtype", {"dtype": target}, {"x": ints}, ints.astype(target),
         exact=True)
case("ensure_dtype_u8_to_float32", "ensure_dtype", {"dtype": "float32"}, {"x": u8}, u8.astype(np.float32), exact=True)

# ---- fixed_zero_mean_unit_variance
for key, x in inputs.items():
    m, s = 101.5, 37.25
    exp = (x - m) / (s + EPS)
    case(f"fixed_zmuv_{key}", "fixed_zero_mean_unit_variance", {"mean": m, "std": s}, {"x": x},
         exp.astype(result_dtype(x)))
ms, ss = [90.0, 100.5, 110.0], [30.0, 40.0, 1e-6]
exp = (f32 - np.asarray(ms)[None, :, None, None]) / (np.asarray(ss)[None, :, None, None] + EPS)
case("fixed_zmuv_axis_f32", "fixed_zero_mean_unit_variance", {"mean": ms, "std": ss, "axis": "channel"},
     {"x": f32}, exp.astype(np.float32))

# ---- scale_linear
for key, x in inputs.items():
    g, o = 0.37, -12.5
    exp = x * g + o
    case(f"scale_linear_{key}", "scale_linear", {"gain": g, "offset": o}, {"x": x}, exp.astype(result_dtype(x)),
         exact=key != "f32")
case("scale_linear_f32_exact", "scale_linear", {"gain": 0.37, "offset": -12.5}, {"x": f32}, f32 * 0.37 - 12.5,
     exact=True)
gs, os_ = [1.5, -2.0, 0.25], [0.0, 10.0, -3.0]
for key, x in [("f32", f32), ("u8", u8)]:
    exp = x * np.asarray(gs)[None, :, None, None] + np.asarray(os_)[None, :, None, None]
    case(f"scale_linear_axis_{key}", "scale_linear", {"gain": gs, "offset": os_, "axis": "channel"}, {"x": x},
         exp.astype(result_dtype(x)), exact=True)
exp = one_c * np.asarray([2.0])[None, :, None, None] + np.asarray([0.5])[None, :, None, None]
case("scale_linear_axis_one_element", "scale_linear", {"gain": [2.0], "offset": [0.5], "axis": "channel"},
     {"x": one_c}, exp.astype(np.float32), exact=True)

# ---- scale_range (linear quantiles, eps 1e-6, float64 arithmetic)
for key, x in [("f32", f32), ("u8", u8), ("i16", i16), ("f64", f64)]:
    for pl, ph, axes in [(1.0, 99.8, ["y", "x"]), (0.0, 100.0, ["y", "x"]), (5.0, 95.0, ["channel", "y", "x"])]:
        ax = reduce_axes(axes)
        lo = nanquantile(x, pl / 100, ax, "linear")
        hi = nanquantile(x, ph / 100, ax, "linear")
        exp = (x - lo) / (hi - lo + EPS)
        case(f"scale_range_{key}_{int(pl)}_{int(ph)}_{len(axes)}", "scale_range",
             {"min_percentile": pl, "max_percentile": ph, "axes": axes}, {"x": x}, exp.astype(result_dtype(x)),
             exact=True)
lo = nanquantile(f32.astype(np.float64), 0.02, None, "linear")
hi = nanquantile(f32.astype(np.float64), 0.98, None, "linear")
case("scale_range_dataset_f32", "scale_range", {"min_percentile": 2.0, "max_percentile": 98.0, "axes": None},
     {"x": f32}, ((f32 - lo) / (hi - lo + EPS)).astype(np.float32), exact=True)
lo = nanquantile(ref32, 0.1, (2, 3), "linear")
hi = nanquantile(ref32, 0.9, (2, 3), "linear")
case("scale_range_reference_f32", "scale_range",
     {"min_percentile": 10.0, "max_percentile": 90.0, "axes": ["y", "x"], "reference_tensor": "ref"},
     {"x": f32, "ref": ref32}, ((f32 - lo) / (hi - lo + EPS)).astype(np.float32), exact=True)
case("scale_range_constant", "scale_range", {"min_percentile": 0.0, "max_percentile": 100.0, "axes": ["y", "x"]},
     {"x": const32}, np.zeros(shape, dtype=np.float32), exact=True)

# ---- sigmoid, softmax
for key, x in [("f32", (f32 - 100) / 20), ("f64", f64)]:
    case(f"sigmoid_{key}", "sigmoid", {}, {"x": x}, 1.0 / (1.0 + np.exp(-x)))


def softmax(x, axis):
    xm = np.amax(x, axis=axis, keepdims=True)
    e = np.exp(x - xm)
    return e / np.sum(e, axis=axis, keepdims=True)


for key, x in [("f32", (f32 - 100) / 10), ("f64", f64 * 50)]:
    case(f"softmax_channel_{key}", "softmax", {"axis": "channel"}, {"x": x}, softmax(x, 1))
    case(f"softmax_x_{key}", "softmax", {"axis": "x"}, {"x": x}, softmax(x, 3))
case("softmax_one_element", "softmax", {"axis": "channel"}, {"x": one_c}, softmax(one_c, 1), exact=True)

# ---- zero_mean_unit_variance
for key, x in inputs.items():
    for axes in [["y", "x"], ["channel", "y", "x"], ["batch", "channel", "y", "x"], None]:
        if axes is None or "batch" in axes:
            mean, std = dataset_mean_std(x, axes)
        else:
            mean, std = sample_mean_std(x, axes)
        exp = ((x - mean) / (std + EPS)).astype(result_dtype(x))
        label = "all" if axes is None else "_".join(axes)
        case(f"zmuv_{key}_{label}", "zero_mean_unit_variance", {"axes": axes, "eps": 1e-3}, {"x": x}, exp)
case("zmuv_constant", "zero_mean_unit_variance", {"axes": ["y", "x"]}, {"x": const32}, np.zeros(shape, np.float32),
     exact=True)
mean, std = sample_mean_std(one_c, ["x"])
case("zmuv_one_element_axis", "zero_mean_unit_variance", {"axes": ["channel", "x"]}, {"x": one_c},
     ((one_c - one_c.mean(axis=(1, 3), keepdims=True)) / (one_c.std(axis=(1, 3), keepdims=True) + EPS)).astype(
         np.float32))

# ---- scale_mean_variance (sample statistics when axes is null)
for axes in [["y", "x"], None]:
    m, s = sample_mean_std(f32, axes)
    rm, rs = sample_mean_std(ref32, axes)
    exp = (f32 - m) / (s + EPS) * (rs + EPS) + rm
    label = "all" if axes is None else "_".join(axes)
    # the reference computes this chain in float32 from float32 statistics: its own error against the float64 result
    # is up to 2.5e-6 here (Java computes in float64 and is within 1e-7 of it), hence the wider tolerance
    case(f"scale_mean_variance_{label}", "scale_mean_variance", {"reference_tensor": "ref", "axes": axes, "eps": EPS},
         {"x": f32, "ref": ref32}, exp.astype(np.float32), tolerance=5e-6)

with open(os.path.join(OPS, "manifest.json"), "w") as f:
    json.dump({"cases": cases}, f, indent=1)

# ---- statistics: exact quantiles and float64 moments
qs = [0.0, 0.01, 0.25, 0.5, 0.77, 0.998, 1.0]
stats = []
for key, x in [("f32", f32), ("u8", u8), ("f64", f64)]:
    for method in ["linear", "inverted_cdf"]:
        name = f"quantiles_{key}_{method}.npy"
        np.save(os.path.join(OPS, name), np.nanquantile(x, np.asarray(qs), axis=(2, 3), method=method))
        stats.append({"input": save_input(x), "axes": ["y", "x"], "method": method, "q": qs,
                      "expected": name})
big = rng.normal(size=(1, 1, 101, 99)).astype(np.float32)
np.save(os.path.join(OPS, "quantiles_big.x.npy"), big)
np.save(os.path.join(OPS, "quantiles_big_linear.npy"), np.nanquantile(big, np.asarray(qs), axis=(2, 3)))
stats.append({"input": "quantiles_big.x.npy", "axes": ["y", "x"], "method": "linear", "q": qs,
              "expected": "quantiles_big_linear.npy"})
# a dataset of 4 samples: float64 mean/std over batch, y, x per channel
ds = [(rng.normal(size=(1, 2, 7, 9)) * (i + 1) + i).astype(np.float32) for i in range(4)]
for i, d in enumerate(ds):
    np.save(os.path.join(OPS, f"dataset_{i}.npy"), d)
cat = np.concatenate([d.astype(np.float64) for d in ds], axis=0)
np.save(os.path.join(OPS, "dataset_mean.npy"), cat.mean(axis=(0, 2, 3)))
np.save(os.path.join(OPS, "dataset_std.npy"), cat.std(axis=(0, 2, 3)))
est = None
n = 0
for d in ds:
    e = np.quantile(d, np.asarray([0.1, 0.9]), axis=(0, 2, 3), method="linear").astype(np.float64)
    nb = d.size // 2
    est = e if est is None else (n * est + nb * e) / (n + nb)
    n += nb
np.save(os.path.join(OPS, "dataset_quantiles.npy"), est)
with open(os.path.join(OPS, "statistics.json"), "w") as f:
    json.dump({"quantiles": stats}, f, indent=1)

# ---- npy: every dtype, both byte orders, C and Fortran order, versions 1 to 3
DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"]
base = np.arange(24, dtype=np.int64) * 37 - 400
for dt in DTYPES:
    if dt == "bool":
        arr = (np.arange(24) % 3 == 0)
    elif dt.startswith("float"):
        arr = (base / 8.0).astype(dt)
    else:
        arr = base.astype(dt)
    arr = arr.reshape(2, 3, 4)
    for order in ["<", ">"]:
        a = arr.astype(np.dtype(dt).newbyteorder(order))
        for layout in ["C", "F"]:
            b = np.asfortranarray(a) if layout == "F" else np.ascontiguousarray(a)
            for version in [(1, 0), (2, 0), (3, 0)]:
                if dt in ("bool", "int8", "uint8") and order == ">":
                    continue
                name = f"{dt}_{'le' if order == '<' else 'be'}_{layout}_v{version[0]}.npy"
                with open(os.path.join(NPY, name), "wb") as f:
                    np.lib.format.write_array(f, b, version=version)

# ---- padding: np.pad of a small int32 array along each axis, every mode, widths larger than the axis
PAD = os.path.join(ROOT, "pad")
os.makedirs(PAD, exist_ok=True)
a = (np.arange(12, dtype=np.int32) * 3 - 7).reshape(3, 4)
np.save(os.path.join(PAD, "input.npy"), a)
for mode in ["constant", "edge", "reflect", "symmetric"]:
    for axis, (before, after) in [(0, (4, 7)), (1, (5, 2)), (1, (0, 1))]:
        widths = [(0, 0), (0, 0)]
        widths[axis] = (before, after)
        kw = {"constant_values": -99} if mode == "constant" else {}
        np.save(os.path.join(PAD, f"{mode}_{axis}_{before}_{after}.npy"), np.pad(a, widths, mode=mode, **kw))
