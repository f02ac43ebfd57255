# Generates the deviation fixture used by DeviationTest (run once; tests never need Python).
import json
import numpy as np

rng = np.random.default_rng(8)
expected = rng.normal(size=(2, 3, 50, 40)).astype(np.float32)
actual = expected + rng.normal(scale=2e-4, size=expected.shape).astype(np.float32)
flat = actual.reshape(-1)
bad = rng.choice(flat.size, size=7, replace=False)
flat[bad] += rng.normal(scale=0.5, size=7).astype(np.float32)
actual = flat.reshape(expected.shape)
np.save("deviation_expected.npy", expected)
np.save("deviation_actual.npy", actual)

rtol, atol = 1e-3, 1e-3
e = expected.astype(np.float64)
a = actual.astype(np.float64)
diff = np.abs(a - e)
mismatched = int((diff > atol + rtol * np.abs(e)).sum())
rel = diff / (np.abs(e) + 1e-6)
out = {
    "elements": int(expected.size),
    "mismatched": mismatched,
    "max_absolute": float(diff.max()),
    "max_absolute_index": [int(i) for i in np.unravel_index(diff.argmax(), diff.shape)],
    "max_relative": float(rel.max()),
    "max_relative_index": [int(i) for i in np.unravel_index(rel.argmax(), rel.shape)],
}
json.dump(out, open("deviation_expected.json", "w"), indent=1)
print(out)
