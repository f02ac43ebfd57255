package eu.riscale.modelhub.core.tensor;

import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable n-dimensional array with named axes: the SDK's exchange type for model inputs and outputs.
 *
 * <p>A tensor has one of the spec's 11 {@link DType data types}, a shape, one unique axis id per dimension (the axis
 * ids of the tensor description, for example {@code batch, channel, y, x}) and contiguous row-major (C order) primitive
 * storage: {@code float[]} for float32, {@code double[]} for float64, {@code byte[]} for bool, int8 and uint8, {@code
 * short[]} for int16 and uint16, {@code int[]} for int32 and uint32, {@code long[]} for int64 and uint64 (unsigned
 * values are stored with the same bits, as in numpy). At most {@code Integer.MAX_VALUE - 8} elements.
 *
 * <pre>{@code
 * Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}, List.of("y", "x"));
 * Tensor u = t.transpose(List.of("x", "y")).insertAxis(0, "batch");
 * float[] values = u.toFloatArray();
 * }</pre>
 *
 * <p>Factories copy the given array; accessors that return arrays return copies. Tensors are thread-safe.
 */
public final class Tensor {
    /** The largest number of elements of a tensor (the largest Java array). */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    static {
        Storage.install(new Storage.Access() {
            @Override
            public Object data(Tensor t) {
                return t.data;
            }

            @Override
            public Tensor wrap(DType dtype, Object data, int[] shape, List<String> axes) {
                return new Tensor(dtype, data, shape.clone(), List.copyOf(axes));
            }

            @Override
            public Tensor wrapLeased(DType dtype, Object data, int[] shape, List<String> axes, Object lease) {
                return new Tensor(dtype, data, shape.clone(), List.copyOf(axes), Objects.requireNonNull(lease));
            }

            @Override
            public @Nullable Object lease(Tensor t) {
                return t.lease;
            }

            @Override
            public Object allocate(DType dtype, int n) {
                return Tensor.allocate(dtype, n);
            }

            @Override
            public void cast(DType from, Object src, DType to, Object dst, int lo, int hi) {
                Elements.castRange(from, src, to, dst, lo, hi);
            }
        });
    }

    private final DType dtype;
    private final Object data;
    private final int[] shape;
    private final List<String> axes;
    private final int size;
    /** What lent this tensor's storage out (a processing chain's buffers), or null; never shared by derived tensors. */
    private final @Nullable Object lease;

    private Tensor(DType dtype, Object data, int[] shape, List<String> axes) {
        this(dtype, data, shape, axes, null);
    }

    private Tensor(DType dtype, Object data, int[] shape, List<String> axes, @Nullable Object lease) {
        this.lease = lease;
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.shape = shape;
        this.axes = axes;
        this.size = checkedSize(shape);
        if (axes.size() != shape.length) {
            throw new IllegalArgumentException("axes: found " + axes.size() + " axis ids " + axes + ", expected "
                    + shape.length + " (one per dimension of shape " + Arrays.toString(shape) + ")");
        }
        Set<String> seen = new HashSet<>();
        for (String a : axes) {
            if (a == null || a.isEmpty()) {
                throw new IllegalArgumentException("axes: found an empty axis id in " + axes);
            }
            if (!seen.add(a)) {
                throw new IllegalArgumentException("axes: axis id '" + a + "' appears twice in " + axes);
            }
        }
        Class<?> expected = storageType(dtype);
        if (data.getClass() != expected) {
            throw new IllegalArgumentException("data: found " + data.getClass().getSimpleName() + ", expected "
                    + expected.getSimpleName() + " for dtype " + dtype);
        }
        int len = java.lang.reflect.Array.getLength(data);
        if (len != size) {
            throw new IllegalArgumentException(
                    "data: found " + len + " elements, expected " + size + " for shape " + Arrays.toString(shape));
        }
        this.data = data;
    }

    /** Wraps an array without copying (package-internal; the caller hands over the array). */
    static Tensor wrap(DType dtype, Object data, int[] shape, List<String> axes) {
        return new Tensor(dtype, data, shape.clone(), List.copyOf(axes));
    }

    /** Returns the backing array without copying (package-internal, read only). */
    static Object storage(Tensor t) {
        return t.data;
    }

    /**
     * Creates a tensor from a nested rectangular Java array such as {@code float[][]} or {@code int[][][]}, copying
     * it. The data type follows the element type: float32, float64, int8 ({@code byte}), int16, int32, int64, bool
     * ({@code boolean}); use {@link #cast} for unsigned types.
     *
     * @param nested the array, for example {@code new float[][] {{1, 2}, {3, 4}}}
     * @param axes one axis id per dimension
     * @return the tensor
     * @throws IllegalArgumentException if the array is ragged, not a primitive array, or the axes do not fit
     */
    public static Tensor fromArray(Object nested, List<String> axes) {
        Objects.requireNonNull(nested, "nested");
        List<Integer> dims = new ArrayList<>();
        Object a = nested;
        while (a.getClass().isArray() && a.getClass().getComponentType().isArray()) {
            int len = java.lang.reflect.Array.getLength(a);
            dims.add(len);
            if (len == 0) {
                throw new IllegalArgumentException("nested: found an empty dimension " + dims.size() + ", expected"
                        + " a non-empty rectangular array (use Tensor.zeros for empty tensors)");
            }
            a = java.lang.reflect.Array.get(a, 0);
        }
        if (!a.getClass().isArray()) {
            throw new IllegalArgumentException(
                    "nested: found " + nested.getClass().getSimpleName() + ", expected a (nested) primitive array");
        }
        Class<?> leaf = a.getClass().getComponentType();
        dims.add(java.lang.reflect.Array.getLength(a));
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        DType dtype;
        if (leaf == float.class) {
            dtype = DType.FLOAT32;
        } else if (leaf == double.class) {
            dtype = DType.FLOAT64;
        } else if (leaf == byte.class) {
            dtype = DType.INT8;
        } else if (leaf == short.class) {
            dtype = DType.INT16;
        } else if (leaf == int.class) {
            dtype = DType.INT32;
        } else if (leaf == long.class) {
            dtype = DType.INT64;
        } else if (leaf == boolean.class) {
            dtype = DType.BOOL;
        } else {
            throw new IllegalArgumentException(
                    "nested: found elements of type " + leaf.getSimpleName() + ", expected a primitive type");
        }
        int n = checkedSize(shape);
        Object out = allocate(dtype, n);
        int[] pos = {0};
        flatten(nested, 0, shape, out, pos);
        return new Tensor(dtype, out, shape, List.copyOf(axes));
    }

    private static void flatten(Object a, int depth, int[] shape, Object out, int[] pos) {
        int len = java.lang.reflect.Array.getLength(a);
        if (len != shape[depth]) {
            throw new IllegalArgumentException(
                    "nested: ragged array, found length " + len + " at depth " + depth + ", expected " + shape[depth]);
        }
        if (depth == shape.length - 1) {
            if (a instanceof boolean[]) {
                boolean[] b = (boolean[]) a;
                byte[] o = (byte[]) out;
                for (int i = 0; i < len; i++) {
                    o[pos[0] + i] = (byte) (b[i] ? 1 : 0);
                }
            } else {
                System.arraycopy(a, 0, out, pos[0], len);
            }
            pos[0] += len;
            return;
        }
        for (int i = 0; i < len; i++) {
            flatten(java.lang.reflect.Array.get(a, i), depth + 1, shape, out, pos);
        }
    }

    /**
     * Computes the number of elements of a shape, failing on negative sizes and on more than {@link #MAX_ELEMENTS}.
     *
     * @param shape the shape
     * @return the product of the sizes
     * @throws IllegalArgumentException if a size is negative or the product is too large
     */
    static int checkedSize(int[] shape) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException(
                        "shape[" + i + "]: found " + shape[i] + ", expected a size >= 0 in " + Arrays.toString(shape));
            }
            n *= shape[i];
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException(
                        "shape: " + Arrays.toString(shape) + " has more elements than the limit of " + MAX_ELEMENTS);
            }
        }
        return (int) n;
    }

    /**
     * Returns the Java array type used to store a data type.
     *
     * @param dtype the data type
     * @return {@code float[].class}, {@code double[].class}, ...
     */
    public static Class<?> storageType(DType dtype) {
        switch (dtype) {
            case FLOAT32:
                return float[].class;
            case FLOAT64:
                return double[].class;
            case BOOL:
            case INT8:
            case UINT8:
                return byte[].class;
            case INT16:
            case UINT16:
                return short[].class;
            case INT32:
            case UINT32:
                return int[].class;
            case INT64:
            case UINT64:
                return long[].class;
            default:
                throw new AssertionError(dtype);
        }
    }

    static Object allocate(DType dtype, int n) {
        switch (dtype) {
            case FLOAT32:
                return new float[n];
            case FLOAT64:
                return new double[n];
            case BOOL:
            case INT8:
            case UINT8:
                return new byte[n];
            case INT16:
            case UINT16:
                return new short[n];
            case INT32:
            case UINT32:
                return new int[n];
            case INT64:
            case UINT64:
                return new long[n];
            default:
                throw new AssertionError(dtype);
        }
    }

    private static Object copyOf(Object data) {
        if (data instanceof float[]) {
            return ((float[]) data).clone();
        } else if (data instanceof double[]) {
            return ((double[]) data).clone();
        } else if (data instanceof byte[]) {
            return ((byte[]) data).clone();
        } else if (data instanceof short[]) {
            return ((short[]) data).clone();
        } else if (data instanceof int[]) {
            return ((int[]) data).clone();
        } else if (data instanceof long[]) {
            return ((long[]) data).clone();
        }
        throw new IllegalArgumentException("data: found " + data.getClass().getSimpleName()
                + ", expected a primitive array (float[], double[], byte[], short[], int[], long[])");
    }

    /**
     * Creates a tensor of any data type from a primitive array of its storage type (see the class documentation),
     * copying the array.
     *
     * @param dtype the data type
     * @param data the values in row-major order, for example a {@code byte[]} for uint8 (for bool, any non-zero byte
     *     is stored as 1)
     * @param shape the size of each dimension
     * @param axes the axis id of each dimension, unique
     * @return the tensor
     * @throws IllegalArgumentException if the array type, its length, the shape or the axes do not fit
     */
    public static Tensor of(DType dtype, Object data, int[] shape, List<String> axes) {
        Objects.requireNonNull(data, "data");
        Object copy = copyOf(data);
        if (dtype == DType.BOOL && copy instanceof byte[]) {
            byte[] b = (byte[]) copy;
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (b[i] != 0 ? 1 : 0);
            }
        }
        return new Tensor(dtype, copy, shape.clone(), List.copyOf(axes));
    }

    /**
     * Creates a float32 tensor, copying the array.
     *
     * @param data the values in row-major order
     * @param shape the size of each dimension
     * @param axes the axis id of each dimension
     * @return the tensor
     */
    public static Tensor of(float[] data, int[] shape, List<String> axes) {
        return of(DType.FLOAT32, data, shape, axes);
    }

    /**
     * Creates a float64 tensor, copying the array.
     *
     * @param data the values in row-major order
     * @param shape the size of each dimension
     * @param axes the axis id of each dimension
     * @return the tensor
     */
    public static Tensor of(double[] data, int[] shape, List<String> axes) {
        return of(DType.FLOAT64, data, shape, axes);
    }

    /**
     * Creates a tensor filled with zeros.
     *
     * @param dtype the data type
     * @param shape the size of each dimension
     * @param axes the axis id of each dimension
     * @return the tensor
     */
    public static Tensor zeros(DType dtype, int[] shape, List<String> axes) {
        return new Tensor(dtype, allocate(dtype, checkedSize(shape)), shape.clone(), List.copyOf(axes));
    }

    /** {@return the data type} */
    public DType dtype() {
        return dtype;
    }

    /** {@return a copy of the shape} */
    public int[] shape() {
        return shape.clone();
    }

    /** {@return the axis ids, one per dimension} */
    public List<String> axes() {
        return axes;
    }

    /** {@return the number of dimensions} */
    public int ndim() {
        return shape.length;
    }

    /** {@return the number of elements} */
    public int size() {
        return size;
    }

    /**
     * Returns the position of an axis.
     *
     * @param axis the axis id
     * @return its dimension index
     * @throws IllegalArgumentException if the tensor has no such axis
     */
    public int axisIndex(String axis) {
        int i = axes.indexOf(axis);
        if (i < 0) {
            throw new IllegalArgumentException("axis '" + axis + "' not found, expected one of " + axes);
        }
        return i;
    }

    /**
     * Returns the size of an axis.
     *
     * @param axis the axis id
     * @return its size
     * @throws IllegalArgumentException if the tensor has no such axis
     */
    public int size(String axis) {
        return shape[axisIndex(axis)];
    }

    /**
     * Reads one element as a double (unsigned types are read as unsigned, bool as 0 or 1). Slow: for bulk access use
     * {@link #toDoubleArray()}.
     *
     * @param index one index per dimension
     * @return the value
     */
    public double getDouble(int... index) {
        return Elements.get(dtype, data, flatIndex(index));
    }

    private int flatIndex(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(
                    "index: found " + index.length + " indices, expected " + shape.length + " for axes " + axes);
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("index[" + d + "] (axis '" + axes.get(d) + "'): found " + index[d]
                        + ", expected 0.." + (shape[d] - 1));
            }
            flat = flat * shape[d] + index[d];
        }
        return flat;
    }

    /** {@return all values as doubles in row-major order (a new array)} */
    public double[] toDoubleArray() {
        return Elements.toDoubles(dtype, data);
    }

    /** {@return all values as floats in row-major order (a new array), rounded like numpy's cast to float32} */
    public float[] toFloatArray() {
        return (float[]) Elements.cast(dtype, data, DType.FLOAT32);
    }

    /**
     * Returns a copy of the storage array (its type is given by {@link #storageType(DType)}; unsigned values keep their
     * bits).
     *
     * @return a new primitive array in row-major order
     */
    public Object toArray() {
        return copyOf(data);
    }

    /**
     * Converts to another data type with numpy's {@code astype} semantics: float to integer truncates toward zero,
     * integer narrowing wraps around, anything to bool is {@code value != 0}. See {@code docs/processing.md} for
     * out-of-range and NaN values.
     *
     * @param target the data type
     * @return this tensor if it already has the type, else a converted copy
     */
    public Tensor cast(DType target) {
        if (target == dtype) {
            return this;
        }
        return new Tensor(target, Elements.cast(dtype, data, target), shape, axes);
    }

    /**
     * Returns the same values under other axis ids.
     *
     * @param newAxes one id per dimension
     * @return the renamed tensor (sharing the immutable storage)
     */
    public Tensor withAxes(List<String> newAxes) {
        return new Tensor(dtype, data, shape, List.copyOf(newAxes));
    }

    /**
     * Returns the same values with another shape of the same size (row-major order kept).
     *
     * @param newShape the new shape
     * @param newAxes its axis ids
     * @return the reshaped tensor
     */
    public Tensor reshape(int[] newShape, List<String> newAxes) {
        if (checkedSize(newShape) != size) {
            throw new IllegalArgumentException("shape: " + Arrays.toString(newShape) + " has " + checkedSize(newShape)
                    + " elements, expected " + size + " (shape " + Arrays.toString(shape) + ")");
        }
        return new Tensor(dtype, data, newShape.clone(), List.copyOf(newAxes));
    }

    /**
     * Reorders the dimensions.
     *
     * @param order all axis ids of this tensor in the wanted order
     * @return the transposed tensor (a copy unless the order is unchanged)
     * @throws IllegalArgumentException if {@code order} is not a permutation of {@link #axes()}
     */
    public Tensor transpose(List<String> order) {
        if (order.size() != axes.size() || !new HashSet<>(order).equals(new HashSet<>(axes))) {
            throw new IllegalArgumentException(
                    "order: found " + order + ", expected a permutation of the axes " + axes);
        }
        if (order.equals(axes)) {
            return this;
        }
        int nd = shape.length;
        int[] perm = new int[nd];
        int[] newShape = new int[nd];
        for (int i = 0; i < nd; i++) {
            perm[i] = axes.indexOf(order.get(i));
            newShape[i] = shape[perm[i]];
        }
        int[] strides = strides(shape);
        int[] srcStrides = new int[nd];
        for (int i = 0; i < nd; i++) {
            srcStrides[i] = strides[perm[i]];
        }
        Object out = allocate(dtype, size);
        Strided.gather(data, out, newShape, srcStrides, 0);
        return new Tensor(dtype, out, newShape, List.copyOf(order));
    }

    /**
     * Inserts a dimension of size 1.
     *
     * @param position the new dimension's index, 0..ndim
     * @param axis its id, not used by another axis
     * @return the tensor with one more dimension (sharing the storage)
     */
    public Tensor insertAxis(int position, String axis) {
        if (position < 0 || position > shape.length) {
            throw new IllegalArgumentException(
                    "position: found " + position + ", expected 0.." + shape.length + " for axes " + axes);
        }
        int[] s = new int[shape.length + 1];
        List<String> a = new ArrayList<>(axes);
        a.add(position, axis);
        for (int i = 0, j = 0; i < s.length; i++) {
            s[i] = i == position ? 1 : shape[j++];
        }
        return new Tensor(dtype, data, s, List.copyOf(a));
    }

    /**
     * Removes a dimension of size 1.
     *
     * @param axis the id of the axis to remove
     * @return the tensor with one dimension fewer (sharing the storage)
     * @throws IllegalArgumentException if the axis does not exist or its size is not 1
     */
    public Tensor removeAxis(String axis) {
        int k = axisIndex(axis);
        if (shape[k] != 1) {
            throw new IllegalArgumentException(
                    "axis '" + axis + "': found size " + shape[k] + ", expected 1 to remove it");
        }
        int[] s = new int[shape.length - 1];
        List<String> a = new ArrayList<>(axes);
        a.remove(k);
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != k) {
                s[j++] = shape[i];
            }
        }
        return new Tensor(dtype, data, s, List.copyOf(a));
    }

    /**
     * Crops one axis to {@code [begin, end)}.
     *
     * @param axis the axis id
     * @param begin the first index kept
     * @param end one past the last index kept
     * @return the cropped copy
     * @throws IllegalArgumentException if {@code 0 <= begin <= end <= size(axis)} does not hold
     */
    public Tensor crop(String axis, int begin, int end) {
        int k = axisIndex(axis);
        if (begin < 0 || end < begin || end > shape[k]) {
            throw new IllegalArgumentException("crop of axis '" + axis + "': found [" + begin + ", " + end
                    + "), expected 0 <= begin <= end <= " + shape[k]);
        }
        int[] s = shape.clone();
        s[k] = end - begin;
        int[] strides = strides(shape);
        Object out = allocate(dtype, checkedSize(s));
        Strided.gather(data, out, s, strides, begin * strides[k]);
        return new Tensor(dtype, out, s, axes);
    }

    /**
     * Pads one axis, with numpy's {@code np.pad} semantics for the modes.
     *
     * @param axis the axis id
     * @param before number of elements added before index 0
     * @param after number of elements added after the end
     * @param mode how the new elements are filled
     * @param constant the fill value for {@link PadMode#CONSTANT} (cast like {@link #cast}), ignored otherwise
     * @return the padded copy
     * @throws IllegalArgumentException for negative widths, or a reflect/symmetric/edge pad of an empty axis
     */
    public Tensor pad(String axis, int before, int after, PadMode mode, double constant) {
        int k = axisIndex(axis);
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException(
                    "pad of axis '" + axis + "': found widths " + before + ", " + after + ", expected >= 0");
        }
        int n = shape[k];
        if (mode != PadMode.CONSTANT && n == 0 && before + after > 0) {
            throw new IllegalArgumentException("pad of axis '" + axis + "': mode " + mode + " needs a non-empty axis");
        }
        if ((long) n + before + after > MAX_ELEMENTS) {
            throw new IllegalArgumentException("pad of axis '" + axis + "': too large");
        }
        int[] s = shape.clone();
        s[k] = n + before + after;
        int total = checkedSize(s);
        int outer = 1;
        for (int i = 0; i < k; i++) {
            outer *= shape[i];
        }
        int inner = 1;
        for (int i = k + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        Object out = allocate(dtype, total);
        Object fill = Elements.cast(DType.FLOAT64, new double[] {constant}, dtype);
        int newN = s[k];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < newN; j++) {
                int dst = (o * newN + j) * inner;
                int src = sourceIndex(j - before, n, mode);
                if (src < 0) {
                    if (inner > 0) {
                        System.arraycopy(fill, 0, out, dst, 1);
                        for (int filled = 1; filled < inner; filled *= 2) {
                            System.arraycopy(out, dst, out, dst + filled, Math.min(filled, inner - filled));
                        }
                    }
                } else {
                    System.arraycopy(data, (o * n + src) * inner, out, dst, inner);
                }
            }
        }
        return new Tensor(dtype, out, s, axes);
    }

    /** Maps an index outside 0..n-1 to the source index of the pad mode; -1 means the constant. */
    static int sourceIndex(int i, int n, PadMode mode) {
        if (i >= 0 && i < n) {
            return i;
        }
        switch (mode) {
            case CONSTANT:
                return -1;
            case EDGE:
                return i < 0 ? 0 : n - 1;
            case REFLECT:
                if (n == 1) {
                    return 0;
                }
                int period = 2 * (n - 1);
                int m = Math.floorMod(i, period);
                return m < n ? m : period - m;
            case SYMMETRIC:
                int p2 = 2 * n;
                int r = Math.floorMod(i, p2);
                return r < n ? r : p2 - 1 - r;
            default:
                throw new AssertionError(mode);
        }
    }

    static int[] strides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= shape[i];
        }
        return st;
    }

    /**
     * Compares data type, shape, axes and values (bitwise for floats, so NaN equals NaN).
     *
     * @param o the other object
     * @return whether both are equal tensors
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor)) {
            return false;
        }
        Tensor t = (Tensor) o;
        return dtype == t.dtype
                && Arrays.equals(shape, t.shape)
                && axes.equals(t.axes)
                && Arrays.deepEquals(new Object[] {data}, new Object[] {t.data});
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), axes);
    }

    /** {@return a short description: dtype, axes and shape, not the values} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Tensor[").append(dtype).append(", ");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(axes.get(i)).append('=').append(shape[i]);
        }
        return b.append(']').toString();
    }
}
