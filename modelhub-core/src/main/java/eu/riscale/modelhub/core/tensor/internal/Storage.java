package eu.riscale.modelhub.core.tensor.internal;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Zero-copy access to a tensor's backing array, for the SDK's own ops and statistics (not API).
 *
 * <p>The array returned by {@link #data(Tensor)} must not be modified, and an array handed to {@link #wrap} must not be
 * used afterwards by the caller: tensors are immutable.
 */
public final class Storage {
    /** The accessor implemented by {@link Tensor}; set once from its static initialiser. */
    public interface Access {
        /**
         * Returns the backing array.
         *
         * @param t the tensor
         * @return its primitive array, not copied
         */
        Object data(Tensor t);

        /**
         * Wraps an array without copying.
         *
         * @param dtype the data type
         * @param data the primitive array of the storage type of {@code dtype}
         * @param shape the shape
         * @param axes the axis ids
         * @return the tensor
         */
        Tensor wrap(DType dtype, Object data, int[] shape, List<String> axes);

        /**
         * Wraps an array without copying, marking the tensor with what lent the array out.
         *
         * @param dtype the data type
         * @param data the primitive array of the storage type of {@code dtype}
         * @param shape the shape
         * @param axes the axis ids
         * @param lease the marker, returned by {@link #lease} for this tensor only (not for tensors derived from it)
         * @return the tensor
         */
        Tensor wrapLeased(DType dtype, Object data, int[] shape, List<String> axes, Object lease);

        /**
         * Returns the marker a tensor was wrapped with.
         *
         * @param t the tensor
         * @return the marker given to {@link #wrapLeased}, or null
         */
        @Nullable
        Object lease(Tensor t);

        /**
         * Allocates the storage of {@code n} elements of a data type.
         *
         * @param dtype the data type
         * @param n the number of elements
         * @return a zeroed array of the storage type
         */
        Object allocate(DType dtype, int n);

        /**
         * Casts a range of elements with the semantics of {@link Tensor#cast}, on the calling thread.
         *
         * @param from the source data type
         * @param src the source array
         * @param to the target data type
         * @param dst the target array
         * @param lo the first element
         * @param hi the end of the range (exclusive)
         */
        void cast(DType from, Object src, DType to, Object dst, int lo, int hi);
    }

    private static volatile Access access;

    private Storage() {}

    /**
     * Installs the accessor; called by {@link Tensor} only.
     *
     * @param a the accessor
     */
    public static void install(Access a) {
        access = a;
    }

    private static Access access() {
        Access a = access;
        if (a == null) {
            try {
                Class.forName(Tensor.class.getName(), true, Storage.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            a = access;
        }
        return a;
    }

    /**
     * Returns a tensor's backing array without copying.
     *
     * @param t the tensor
     * @return the primitive array (float[], double[], byte[], short[], int[] or long[])
     */
    public static Object data(Tensor t) {
        return access().data(t);
    }

    /**
     * Wraps a primitive array as a tensor without copying.
     *
     * @param dtype the data type
     * @param data the array of the storage type of {@code dtype}
     * @param shape the shape
     * @param axes the axis ids
     * @return the tensor
     */
    public static Tensor wrap(DType dtype, Object data, int[] shape, List<String> axes) {
        return access().wrap(dtype, data, shape, axes);
    }

    /**
     * Wraps a primitive array as a tensor without copying, marked with what lent the array out: a strong reference from
     * the tensor, so that the lender need not hold weak references to large arrays (which keep the G1 collector from
     * reclaiming them early, measured 4x slower for a 16 MiB op).
     *
     * @param dtype the data type
     * @param data the array of the storage type of {@code dtype}
     * @param shape the shape
     * @param axes the axis ids
     * @param lease the marker
     * @return the tensor
     */
    public static Tensor wrapLeased(DType dtype, Object data, int[] shape, List<String> axes, Object lease) {
        return access().wrapLeased(dtype, data, shape, axes, lease);
    }

    /**
     * Returns the marker a tensor was wrapped with by {@link #wrapLeased}.
     *
     * @param t the tensor
     * @return the marker, or null
     */
    public static @Nullable Object lease(Tensor t) {
        return access().lease(t);
    }

    /**
     * Allocates the storage of {@code n} elements of a data type.
     *
     * @param dtype the data type
     * @param n the number of elements
     * @return a zeroed array of the storage type ({@link Tensor#storageType})
     */
    public static Object allocate(DType dtype, int n) {
        return access().allocate(dtype, n);
    }

    /**
     * Casts elements {@code [lo, hi)} of {@code src} into the same elements of {@code dst} with the semantics of
     * {@link Tensor#cast} (numpy's {@code astype}), on the calling thread.
     *
     * @param from the source data type
     * @param src the source array
     * @param to the target data type
     * @param dst the target array
     * @param lo the first element
     * @param hi the end of the range (exclusive)
     */
    public static void cast(DType from, Object src, DType to, Object dst, int lo, int hi) {
        access().cast(from, src, to, dst, lo, hi);
    }
}
