package eu.riscale.modelhub.core.tensor;

import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.spec.tensor.DType;

/** Element conversions with numpy's cast semantics (on x86-64), for {@link Tensor#cast} and bulk reads. */
final class Elements {
    private static final double TWO_63 = 9223372036854775808.0;

    private Elements() {}

    static double get(DType t, Object data, int i) {
        switch (t) {
            case FLOAT32:
                return ((float[]) data)[i];
            case FLOAT64:
                return ((double[]) data)[i];
            case BOOL:
            case INT8:
                return ((byte[]) data)[i];
            case UINT8:
                return ((byte[]) data)[i] & 0xFF;
            case INT16:
                return ((short[]) data)[i];
            case UINT16:
                return ((short[]) data)[i] & 0xFFFF;
            case INT32:
                return ((int[]) data)[i];
            case UINT32:
                return ((int[]) data)[i] & 0xFFFFFFFFL;
            case INT64:
                return ((long[]) data)[i];
            case UINT64:
                return unsignedToDouble(((long[]) data)[i]);
            default:
                throw new AssertionError(t);
        }
    }

    static double unsignedToDouble(long v) {
        return v >= 0 ? (double) v : ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    static float unsignedToFloat(long v) {
        return v >= 0 ? (float) v : ((float) ((v >>> 1) | (v & 1))) * 2.0f;
    }

    static double[] toDoubles(DType t, Object data) {
        if (t == DType.FLOAT64) {
            return ((double[]) data).clone();
        }
        return (double[]) cast(t, data, DType.FLOAT64);
    }

    /** Integer value of an integer or bool element (uint64 keeps its bits). */
    private static long integer(DType t, Object data, int i) {
        switch (t) {
            case BOOL:
            case INT8:
                return ((byte[]) data)[i];
            case UINT8:
                return ((byte[]) data)[i] & 0xFF;
            case INT16:
                return ((short[]) data)[i];
            case UINT16:
                return ((short[]) data)[i] & 0xFFFF;
            case INT32:
                return ((int[]) data)[i];
            case UINT32:
                return ((int[]) data)[i] & 0xFFFFFFFFL;
            case INT64:
            case UINT64:
                return ((long[]) data)[i];
            default:
                throw new AssertionError(t);
        }
    }

    /**
     * Float to 32-bit integer as x86 {@code cvttsd2si} does (numpy's C cast for int8..uint16 and int32 targets):
     * truncation, and the "integer indefinite" value {@code Integer.MIN_VALUE} for NaN and out-of-range values.
     */
    static int toInt32(double d) {
        return d > -2147483649.0 && d < 2147483648.0 ? (int) d : Integer.MIN_VALUE;
    }

    /** Float to 64-bit integer as x86 {@code cvttsd2si} (64-bit) does: {@code Long.MIN_VALUE} when out of range. */
    static long toInt64(double d) {
        return d >= -TWO_63 && d < TWO_63 ? (long) d : Long.MIN_VALUE;
    }

    /** Float to uint64 as compiled C does on x86-64: values >= 2^63 are shifted into range first. */
    static long toUint64(double d) {
        if (d >= TWO_63) {
            return d < 2 * TWO_63 ? ((long) (d - TWO_63)) ^ Long.MIN_VALUE : Long.MIN_VALUE;
        }
        return toInt64(d);
    }

    static Object cast(DType from, Object data, DType to) {
        int n = java.lang.reflect.Array.getLength(data);
        Object out = Tensor.allocate(to, n);
        Parallel.forRange(n, n, (lo, hi) -> castRange(from, data, to, out, lo, hi));
        return out;
    }

    /**
     * Casts elements {@code [lo, hi)} of {@code data} into the same elements of {@code out}, with the semantics of
     * {@link #cast}; on one thread. One index for both arrays: OpenJDK 17 vectorises these loops only then.
     */
    static void castRange(DType from, Object data, DType to, Object out, int lo, int hi) {
        if (!common(from, data, to, out, lo, hi)) {
            if (from.isFloatingPoint()) {
                castFromFloat(from, data, to, out, lo, hi);
            } else {
                castFromInteger(from, data, to, out, lo, hi);
            }
        }
    }

    /**
     * The frequent casts as loops without a per-element type switch (the JIT vectorises most of them): 8-, 16- and
     * 32-bit integers to float32/float64 and float32 to 8- and 16-bit integers. Same values as the general loops.
     *
     * @return whether the cast was done
     */
    private static boolean common(DType from, Object data, DType to, Object out, int lo, int hi) {
        if (to == DType.FLOAT32 || to == DType.FLOAT64) {
            float[] f = to == DType.FLOAT32 ? (float[]) out : null;
            double[] d = to == DType.FLOAT64 ? (double[]) out : null;
            switch (from) {
                case UINT8: {
                    byte[] s = (byte[]) data;
                    if (f != null) {
                        for (int i = lo; i < hi; i++) {
                            f[i] = s[i] & 0xFF;
                        }
                    } else {
                        for (int i = lo; i < hi; i++) {
                            d[i] = s[i] & 0xFF;
                        }
                    }
                    return true;
                }
                case INT8: {
                    byte[] s = (byte[]) data;
                    if (f != null) {
                        for (int i = lo; i < hi; i++) {
                            f[i] = s[i];
                        }
                    } else {
                        for (int i = lo; i < hi; i++) {
                            d[i] = s[i];
                        }
                    }
                    return true;
                }
                case UINT16: {
                    short[] s = (short[]) data;
                    if (f != null) {
                        for (int i = lo; i < hi; i++) {
                            f[i] = s[i] & 0xFFFF;
                        }
                    } else {
                        for (int i = lo; i < hi; i++) {
                            d[i] = s[i] & 0xFFFF;
                        }
                    }
                    return true;
                }
                case INT16: {
                    short[] s = (short[]) data;
                    if (f != null) {
                        for (int i = lo; i < hi; i++) {
                            f[i] = s[i];
                        }
                    } else {
                        for (int i = lo; i < hi; i++) {
                            d[i] = s[i];
                        }
                    }
                    return true;
                }
                case INT32: {
                    int[] s = (int[]) data;
                    if (f != null) {
                        for (int i = lo; i < hi; i++) {
                            f[i] = s[i];
                        }
                    } else {
                        for (int i = lo; i < hi; i++) {
                            d[i] = s[i];
                        }
                    }
                    return true;
                }
                default:
                    return false;
            }
        }
        if (from == DType.FLOAT32) {
            float[] s = (float[]) data;
            switch (to) {
                case INT8:
                case UINT8: {
                    byte[] o = (byte[]) out;
                    for (int i = lo; i < hi; i++) {
                        o[i] = (byte) toInt32(s[i]);
                    }
                    return true;
                }
                case INT16:
                case UINT16: {
                    short[] o = (short[]) out;
                    for (int i = lo; i < hi; i++) {
                        o[i] = (short) toInt32(s[i]);
                    }
                    return true;
                }
                default:
                    return false;
            }
        }
        return false;
    }

    private static void castFromFloat(DType from, Object data, DType to, Object out, int lo, int hi) {
        if (from == DType.FLOAT32 && to == DType.FLOAT64) {
            float[] s = (float[]) data;
            double[] o = (double[]) out;
            for (int i = lo; i < hi; i++) {
                o[i] = s[i];
            }
            return;
        }
        if (from == DType.FLOAT64 && to == DType.FLOAT32) {
            double[] s = (double[]) data;
            float[] o = (float[]) out;
            for (int i = lo; i < hi; i++) {
                o[i] = (float) s[i];
            }
            return;
        }
        if (from == to) {
            System.arraycopy(data, lo, out, lo, hi - lo);
            return;
        }
        double[] s = from == DType.FLOAT64 ? (double[]) data : null;
        float[] f = from == DType.FLOAT32 ? (float[]) data : null;
        for (int i = lo; i < hi; i++) {
            double d = s != null ? s[i] : f[i];
            switch (to) {
                case BOOL:
                    ((byte[]) out)[i] = (byte) (d != 0 ? 1 : 0);
                    break;
                case INT8:
                case UINT8:
                    ((byte[]) out)[i] = (byte) toInt32(d);
                    break;
                case INT16:
                case UINT16:
                    ((short[]) out)[i] = (short) toInt32(d);
                    break;
                case INT32:
                    ((int[]) out)[i] = toInt32(d);
                    break;
                case UINT32:
                    ((int[]) out)[i] = (int) toInt64(d);
                    break;
                case INT64:
                    ((long[]) out)[i] = toInt64(d);
                    break;
                case UINT64:
                    ((long[]) out)[i] = toUint64(d);
                    break;
                default:
                    throw new AssertionError(to);
            }
        }
    }

    private static void castFromInteger(DType from, Object data, DType to, Object out, int lo, int hi) {
        boolean unsigned64 = from == DType.UINT64;
        for (int i = lo; i < hi; i++) {
            long v = integer(from, data, i);
            switch (to) {
                case FLOAT32:
                    ((float[]) out)[i] = unsigned64 ? unsignedToFloat(v) : (float) v;
                    break;
                case FLOAT64:
                    ((double[]) out)[i] = unsigned64 ? unsignedToDouble(v) : (double) v;
                    break;
                case BOOL:
                    ((byte[]) out)[i] = (byte) (v != 0 ? 1 : 0);
                    break;
                case INT8:
                case UINT8:
                    ((byte[]) out)[i] = (byte) v;
                    break;
                case INT16:
                case UINT16:
                    ((short[]) out)[i] = (short) v;
                    break;
                case INT32:
                case UINT32:
                    ((int[]) out)[i] = (int) v;
                    break;
                case INT64:
                case UINT64:
                    ((long[]) out)[i] = v;
                    break;
                default:
                    throw new AssertionError(to);
            }
        }
    }
}
