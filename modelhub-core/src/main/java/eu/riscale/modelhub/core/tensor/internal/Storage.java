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
}
