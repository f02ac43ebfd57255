package eu.riscale.modelhub.core.tensor.internal;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;

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
         * @param srcOff the first source element
         * @param to the target data type
         * @param dst the target array
         * @param dstOff the first target element
         * @param n the number of elements
         */
        void cast(DType from, Object src, int srcOff, DType to, Object dst, int dstOff, int n);
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
     * Casts {@code n} elements of {@code src} from {@code srcOff} into {@code dst} from {@code dstOff} with the
     * semantics of {@link Tensor#cast} (numpy's {@code astype}), on the calling thread.
     *
     * @param from the source data type
     * @param src the source array
     * @param srcOff the first source element
     * @param to the target data type
     * @param dst the target array
     * @param dstOff the first target element
     * @param n the number of elements
     */
    public static void cast(DType from, Object src, int srcOff, DType to, Object dst, int dstOff, int n) {
        access().cast(from, src, srcOff, to, dst, dstOff, n);
    }
}
