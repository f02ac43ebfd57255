package eu.riscale.modelhub.spec.tensor;

import java.util.Optional;

/**
 * The data types of format 0.5 (reference section A.1): the ten numeric types of interval/ratio data plus {@code bool}
 * for nominal/ordinal data and {@code ensure_dtype}.
 *
 * <p>The limits are those of the reference's {@code DTYPE_LIMITS}; for the 64-bit integer types they are given as
 * doubles, the way the reference compares values against them.
 */
public enum DType {
    /** Boolean, one byte per element. */
    BOOL("bool", 1, 0, 1),
    /** IEEE 754 single precision. */
    FLOAT32("float32", 4, -Float.MAX_VALUE, Float.MAX_VALUE),
    /** IEEE 754 double precision. */
    FLOAT64("float64", 8, -Double.MAX_VALUE, Double.MAX_VALUE),
    /** Unsigned 8-bit integer. */
    UINT8("uint8", 1, 0, 255),
    /** Signed 8-bit integer. */
    INT8("int8", 1, -128, 127),
    /** Unsigned 16-bit integer. */
    UINT16("uint16", 2, 0, 65535),
    /** Signed 16-bit integer. */
    INT16("int16", 2, -32768, 32767),
    /** Unsigned 32-bit integer. */
    UINT32("uint32", 4, 0, 4294967295.0),
    /** Signed 32-bit integer. */
    INT32("int32", 4, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** Unsigned 64-bit integer. */
    UINT64("uint64", 8, 0, 18446744073709551615.0),
    /** Signed 64-bit integer. */
    INT64("int64", 8, Long.MIN_VALUE, Long.MAX_VALUE);

    private final String id;
    private final int byteSize;
    private final double min;
    private final double max;

    DType(String id, int byteSize, double min, double max) {
        this.id = id;
        this.byteSize = byteSize;
        this.min = min;
        this.max = max;
    }

    /** {@return the name used in descriptions and {@code .npy} files, for example {@code "float32"}} */
    public String id() {
        return id;
    }

    /** {@return the number of bytes of one element} */
    public int byteSize() {
        return byteSize;
    }

    /** {@return the smallest representable value} */
    public double min() {
        return min;
    }

    /** {@return the largest representable value} */
    public double max() {
        return max;
    }

    /** {@return whether this is {@code float32} or {@code float64}} */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** {@return whether this is one of the eight integer types} */
    public boolean isInteger() {
        return !isFloatingPoint() && this != BOOL;
    }

    /** {@return whether this is an unsigned integer type} */
    public boolean isUnsigned() {
        return this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64;
    }

    /**
     * Looks a data type up by its name.
     *
     * @param id the name as written in a description, for example {@code "uint8"}
     * @return the data type, or empty if the name is not one of the spec's 11 types
     */
    public static Optional<DType> fromId(String id) {
        for (DType t : values()) {
            if (t.id.equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
