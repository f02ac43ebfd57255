package eu.riscale.modelhub.imglib2;

import eu.riscale.modelhub.spec.tensor.DType;
import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.BooleanArray;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.BooleanType;
import net.imglib2.type.NativeType;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.logic.NativeBoolType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.GenericByteType;
import net.imglib2.type.numeric.integer.GenericIntType;
import net.imglib2.type.numeric.integer.GenericLongType;
import net.imglib2.type.numeric.integer.GenericShortType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The table between the spec's data types and ImgLib2 pixel types, and the per-type element loops. One place for the
 * mapping: {@link ImgTensors} and {@link ImgPrediction} use it.
 */
final class NativeTypes {
    static final String SUPPORTED = "FloatType, DoubleType, ByteType, UnsignedByteType, ShortType, UnsignedShortType,"
            + " IntType, UnsignedIntType, LongType, UnsignedLongType, NativeBoolType, BitType";

    private NativeTypes() {}

    /** The data type of a pixel type; {@link BitType} and {@link NativeBoolType} are bool. */
    static DType dtypeOf(Object type) {
        if (type instanceof FloatType) {
            return DType.FLOAT32;
        } else if (type instanceof DoubleType) {
            return DType.FLOAT64;
        } else if (type instanceof UnsignedByteType) {
            return DType.UINT8;
        } else if (type instanceof ByteType) {
            return DType.INT8;
        } else if (type instanceof UnsignedShortType) {
            return DType.UINT16;
        } else if (type instanceof ShortType) {
            return DType.INT16;
        } else if (type instanceof UnsignedIntType) {
            return DType.UINT32;
        } else if (type instanceof IntType) {
            return DType.INT32;
        } else if (type instanceof UnsignedLongType) {
            return DType.UINT64;
        } else if (type instanceof LongType) {
            return DType.INT64;
        } else if (type instanceof NativeBoolType || type instanceof BitType) {
            return DType.BOOL;
        }
        throw new IllegalArgumentException(
                "pixel type: found " + type.getClass().getSimpleName()
                        + ", which has no bioimage.io data type; expected one of " + SUPPORTED);
    }

    /** A new pixel variable of the type ImgLib2 uses for a data type ({@link NativeBoolType} for bool). */
    @SuppressWarnings("unchecked")
    static <T extends RealType<T> & NativeType<T>> T typeOf(DType dtype) {
        switch (dtype) {
            case FLOAT32:
                return (T) new FloatType();
            case FLOAT64:
                return (T) new DoubleType();
            case UINT8:
                return (T) new UnsignedByteType();
            case INT8:
                return (T) new ByteType();
            case UINT16:
                return (T) new UnsignedShortType();
            case INT16:
                return (T) new ShortType();
            case UINT32:
                return (T) new UnsignedIntType();
            case INT32:
                return (T) new IntType();
            case UINT64:
                return (T) new UnsignedLongType();
            case INT64:
                return (T) new LongType();
            case BOOL:
                return (T) new NativeBoolType();
            default:
                throw new AssertionError(dtype);
        }
    }

    /**
     * Wraps a tensor storage array (C order over the reversed dimensions) as an image without copying; bool (tensor
     * bytes, image booleans) is the one type that converts.
     */
    @SuppressWarnings("unchecked")
    static <T extends RealType<T> & NativeType<T>> ArrayImg<T, ?> wrap(DType dtype, Object data, long[] dims) {
        switch (dtype) {
            case FLOAT32:
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) ArrayImgs.floats((float[]) data, dims);
            case FLOAT64:
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) ArrayImgs.doubles((double[]) data, dims);
            case UINT8:
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) ArrayImgs.unsignedBytes((byte[]) data, dims);
            case INT8:
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) ArrayImgs.bytes((byte[]) data, dims);
            case UINT16:
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) ArrayImgs.unsignedShorts((short[]) data, dims);
            case INT16:
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) ArrayImgs.shorts((short[]) data, dims);
            case UINT32:
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) ArrayImgs.unsignedInts((int[]) data, dims);
            case INT32:
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) ArrayImgs.ints((int[]) data, dims);
            case UINT64:
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) ArrayImgs.unsignedLongs((long[]) data, dims);
            case INT64:
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) ArrayImgs.longs((long[]) data, dims);
            case BOOL: {
                ArrayImg<NativeBoolType, BooleanArray> img = new ArrayImg<>(
                        new BooleanArray(booleans((byte[]) data)), dims, new NativeBoolType().getEntitiesPerPixel());
                img.setLinkedType(new NativeBoolType(img));
                return (ArrayImg<T, ?>) (ArrayImg<?, ?>) img;
            }
            default:
                throw new AssertionError(dtype);
        }
    }

    /** The ImgLib2 array access over a tensor storage array (bool converts to booleans). */
    static ArrayDataAccess<?> access(DType dtype, Object data) {
        switch (dtype) {
            case FLOAT32:
                return new FloatArray((float[]) data);
            case FLOAT64:
                return new DoubleArray((double[]) data);
            case UINT8:
            case INT8:
                return new ByteArray((byte[]) data);
            case UINT16:
            case INT16:
                return new ShortArray((short[]) data);
            case UINT32:
            case INT32:
                return new IntArray((int[]) data);
            case UINT64:
            case INT64:
                return new LongArray((long[]) data);
            case BOOL:
                return new BooleanArray(booleans((byte[]) data));
            default:
                throw new AssertionError(dtype);
        }
    }

    private static boolean[] booleans(byte[] b) {
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] != 0;
        }
        return out;
    }

    /**
     * The storage array of an {@link ArrayImg} when a tensor of the data type can use it as is (same primitive array
     * type, one element per pixel), else null.
     */
    static @org.jspecify.annotations.Nullable Object shareable(Object img, DType dtype, long size) {
        if (!(img instanceof ArrayImg) || dtype == DType.BOOL) {
            return null;
        }
        Object access = ((ArrayImg<?, ?>) img).update(null);
        if (!(access instanceof ArrayDataAccess)) {
            return null;
        }
        Object array = ((ArrayDataAccess<?>) access).getCurrentStorageArray();
        if (array.getClass() != eu.riscale.modelhub.core.tensor.Tensor.storageType(dtype)
                || java.lang.reflect.Array.getLength(array) != size) {
            return null;
        }
        return array;
    }

    /** Copies pixels in cursor order into a tensor storage array. */
    static void read(Cursor<?> c, DType dtype, Object out) {
        int i = 0;
        switch (dtype) {
            case FLOAT32: {
                float[] o = (float[]) out;
                while (c.hasNext()) {
                    o[i++] = ((FloatType) c.next()).get();
                }
                return;
            }
            case FLOAT64: {
                double[] o = (double[]) out;
                while (c.hasNext()) {
                    o[i++] = ((DoubleType) c.next()).get();
                }
                return;
            }
            case UINT8:
            case INT8: {
                byte[] o = (byte[]) out;
                while (c.hasNext()) {
                    o[i++] = ((GenericByteType<?>) c.next()).getByte();
                }
                return;
            }
            case UINT16:
            case INT16: {
                short[] o = (short[]) out;
                while (c.hasNext()) {
                    o[i++] = ((GenericShortType<?>) c.next()).getShort();
                }
                return;
            }
            case UINT32:
            case INT32: {
                int[] o = (int[]) out;
                while (c.hasNext()) {
                    o[i++] = ((GenericIntType<?>) c.next()).getInt();
                }
                return;
            }
            case UINT64:
            case INT64: {
                long[] o = (long[]) out;
                while (c.hasNext()) {
                    o[i++] = ((GenericLongType<?>) c.next()).getLong();
                }
                return;
            }
            case BOOL: {
                byte[] o = (byte[]) out;
                while (c.hasNext()) {
                    o[i++] = (byte) (((BooleanType<?>) c.next()).get() ? 1 : 0);
                }
                return;
            }
            default:
                throw new AssertionError(dtype);
        }
    }

    /** Copies a tensor storage array into pixels in cursor order. */
    static void write(Object in, DType dtype, Cursor<?> c) {
        int i = 0;
        switch (dtype) {
            case FLOAT32: {
                float[] s = (float[]) in;
                while (c.hasNext()) {
                    ((FloatType) c.next()).set(s[i++]);
                }
                return;
            }
            case FLOAT64: {
                double[] s = (double[]) in;
                while (c.hasNext()) {
                    ((DoubleType) c.next()).set(s[i++]);
                }
                return;
            }
            case UINT8:
            case INT8: {
                byte[] s = (byte[]) in;
                while (c.hasNext()) {
                    ((GenericByteType<?>) c.next()).setByte(s[i++]);
                }
                return;
            }
            case UINT16:
            case INT16: {
                short[] s = (short[]) in;
                while (c.hasNext()) {
                    ((GenericShortType<?>) c.next()).setShort(s[i++]);
                }
                return;
            }
            case UINT32:
            case INT32: {
                int[] s = (int[]) in;
                while (c.hasNext()) {
                    ((GenericIntType<?>) c.next()).setInt(s[i++]);
                }
                return;
            }
            case UINT64:
            case INT64: {
                long[] s = (long[]) in;
                while (c.hasNext()) {
                    ((GenericLongType<?>) c.next()).setLong(s[i++]);
                }
                return;
            }
            case BOOL: {
                byte[] s = (byte[]) in;
                while (c.hasNext()) {
                    ((BooleanType<?>) c.next()).set(s[i++] != 0);
                }
                return;
            }
            default:
                throw new AssertionError(dtype);
        }
    }
}
