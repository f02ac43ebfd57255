package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayList;
import java.util.List;

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
     * The kernels of the formula on an input of type {@code in}.
     *
     * @param floatMath for float32 input: round the parameters to float32 and compute in float32 (as numpy does with
     *     Python scalars); otherwise compute in float64 and round the result
     */
    static List<Kernel> kernels(DType in, Form form, Runs runs, double[] a, double[] b, boolean floatMath) {
        int inner = runs.inner;
        int[] index = runs.index;
        if (in == DType.FLOAT32) {
            return List.of(new Kernel(DType.FLOAT32, DType.FLOAT32, (src, dst, from, to) -> {
                float[] s = (float[]) src;
                float[] d = (float[]) dst;
                int i = from;
                while (i < to) {
                    int end = Kernel.runEnd(i, to, inner);
                    int p = index[i / inner];
                    if (floatMath) {
                        float fa = (float) a[p];
                        float fb = (float) b[p];
                        if (form == Form.SUB_DIV) {
                            for (; i < end; i++) {
                                d[i] = (s[i] - fa) / fb;
                            }
                        } else {
                            for (; i < end; i++) {
                                d[i] = s[i] * fa + fb;
                            }
                        }
                    } else {
                        double da = a[p];
                        double db = b[p];
                        if (form == Form.SUB_DIV) {
                            // a multiplication by the float64 reciprocal instead of a division per element: within
                            // one float64 rounding of the quotient, the same float32 result but for exact ties
                            double inv = 1 / db;
                            for (; i < end; i++) {
                                d[i] = (float) ((s[i] - da) * inv);
                            }
                        } else {
                            for (; i < end; i++) {
                                d[i] = (float) (s[i] * da + db);
                            }
                        }
                    }
                }
            }));
        }
        List<Kernel> ks = new ArrayList<>(2);
        Kernel.toFloat64(in, ks);
        ks.add(new Kernel(DType.FLOAT64, DType.FLOAT64, (src, dst, from, to) -> {
            double[] s = (double[]) src;
            double[] d = (double[]) dst;
            int i = from;
            while (i < to) {
                int end = Kernel.runEnd(i, to, inner);
                int p = index[i / inner];
                double da = a[p];
                double db = b[p];
                if (form == Form.SUB_DIV) {
                    for (; i < end; i++) {
                        d[i] = (s[i] - da) / db;
                    }
                } else {
                    for (; i < end; i++) {
                        d[i] = s[i] * da + db;
                    }
                }
            }
        }));
        return ks;
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
