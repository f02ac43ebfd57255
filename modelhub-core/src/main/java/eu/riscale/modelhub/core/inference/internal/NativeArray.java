package eu.riscale.modelhub.core.inference.internal;

import eu.riscale.modelhub.spec.tensor.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An array crossing the native boundary: dtype, shape and the elements in C order as a little-endian buffer.
 *
 * @param dtype the element type
 * @param shape the shape, outermost dimension first
 * @param data the elements, {@code product(shape) * dtype.byteSize()} bytes, little endian, position 0
 */
public record NativeArray(DType dtype, long[] shape, ByteBuffer data) {
    /** Checks that the buffer holds exactly the elements that the shape says. */
    public NativeArray {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, s);
        }
        if (data.remaining() != Math.multiplyExact(n, dtype.byteSize())) {
            throw new IllegalArgumentException("buffer of " + data.remaining() + " bytes does not hold shape "
                    + Arrays.toString(shape) + " of " + dtype);
        }
        data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@return a copy of the shape} */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** {@return the number of elements} */
    public long elementCount() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NativeArray a && a.dtype == dtype && Arrays.equals(a.shape, shape) && a.data.equals(data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), data);
    }

    @Override
    public String toString() {
        return "NativeArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
