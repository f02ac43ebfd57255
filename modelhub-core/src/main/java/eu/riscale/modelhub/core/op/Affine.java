package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;

/**
 * The fused elementwise kernels of the affine ops: {@code (x - a) / b} and {@code x * a + b}, with per-run parameters.
 * float32 tensors give float32 results; other types are computed and returned in float64 (numpy's promotion).
 */
final class Affine {
    /** The formula. */
    enum Form {
        SUB_DIV,
        MUL_ADD
    }

    private Affine() {}

    /**
     * Applies the formula.
     *
     * @param floatMath for float32 input: round the parameters to float32 and compute in float32 (as numpy does with
     *     Python scalars); otherwise compute in float64 and round the result
     */
    static Tensor apply(Tensor x, Form form, Runs runs, double[] a, double[] b, boolean floatMath) {
        int n = x.size();
        int inner = runs.inner;
        int[] index = runs.index;
        if (x.dtype() == DType.FLOAT32) {
            float[] in = (float[]) Storage.data(x);
            float[] out = new float[n];
            Parallel.forRange(index.length, n, (from, to) -> {
                for (int r = from; r < to; r++) {
                    int start = r * inner;
                    int end = Math.min(n, start + inner);
                    int p = index[r];
                    if (floatMath) {
                        float fa = (float) a[p];
                        float fb = (float) b[p];
                        if (form == Form.SUB_DIV) {
                            for (int i = start; i < end; i++) {
                                out[i] = (in[i] - fa) / fb;
                            }
                        } else {
                            for (int i = start; i < end; i++) {
                                out[i] = in[i] * fa + fb;
                            }
                        }
                    } else {
                        double da = a[p];
                        double db = b[p];
                        if (form == Form.SUB_DIV) {
                            // a multiplication by the float64 reciprocal instead of a division per element: within
                            // one float64 rounding of the quotient, the same float32 result but for exact ties
                            double inv = 1 / db;
                            for (int i = start; i < end; i++) {
                                out[i] = (float) ((in[i] - da) * inv);
                            }
                        } else {
                            for (int i = start; i < end; i++) {
                                out[i] = (float) (in[i] * da + db);
                            }
                        }
                    }
                }
            });
            return Storage.wrap(DType.FLOAT32, out, x.shape(), x.axes());
        }
        double[] in = x.dtype() == DType.FLOAT64 ? (double[]) Storage.data(x) : x.toDoubleArray();
        double[] out = new double[n];
        Parallel.forRange(index.length, n, (from, to) -> {
            for (int r = from; r < to; r++) {
                int start = r * inner;
                int end = Math.min(n, start + inner);
                double da = a[index[r]];
                double db = b[index[r]];
                if (form == Form.SUB_DIV) {
                    for (int i = start; i < end; i++) {
                        out[i] = (in[i] - da) / db;
                    }
                } else {
                    for (int i = start; i < end; i++) {
                        out[i] = in[i] * da + db;
                    }
                }
            }
        });
        return Storage.wrap(DType.FLOAT64, out, x.shape(), x.axes());
    }

    /** Parameters from a statistic value: the runs and the values (a float64 tensor over a subset of the axes). */
    static Runs runsOf(Tensor x, Tensor stat, String what) {
        if (stat.ndim() == 0) {
            return Runs.scalar(x);
        }
        return Runs.of(x, stat.axes(), stat.shape(), what);
    }

    static double[] values(Tensor stat) {
        return stat.dtype() == DType.FLOAT64 ? (double[]) Storage.data(stat) : stat.toDoubleArray();
    }

    /** The result type of the float ops: float32 stays float32, everything else becomes float64. */
    static DType floatResult(DType t) {
        return t == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
    }
}
