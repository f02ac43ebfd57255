package eu.riscale.modelhub.imglib2;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import java.util.Objects;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Conversions between ImgLib2 images and the SDK's tensors, for every data type of the format.
 *
 * <p>Axis mapping: the caller names each image dimension with an {@link AxisOrder}, dimension 0 first. ImgLib2's
 * dimension 0 varies fastest; tensors are row-major (C order), the last axis fastest. So the image {@code x, y,
 * channel} (dimensions {@code X, Y, C}) is the tensor with axes {@code [channel, y, x]} and shape {@code [C, Y, X]}, and
 * pixel {@code (x, y, c)} is tensor element {@code [c, y, x]}: {@link AxisOrder#tensorAxes()} is the image order
 * reversed. The tensor can then be {@link Tensor#transpose transposed} into any order (a copy).
 *
 * <pre>{@code
 * Img<UnsignedShortType> img = ...;                                  // x, y, channel
 * Tensor t = ImgTensors.toTensor(img, AxisOrder.of("xyc"));          // axes [channel, y, x], uint16
 * Img<FloatType> back = ImgTensors.toImg(out, AxisOrder.of("xyc"));  // a float32 tensor with axes channel, y, x
 * }</pre>
 *
 * <p>Pixel types: float32 {@code FloatType}, float64 {@code DoubleType}, uint8 {@code UnsignedByteType}, int8 {@code
 * ByteType}, uint16 {@code UnsignedShortType}, int16 {@code ShortType}, uint32 {@code UnsignedIntType}, int32 {@code
 * IntType}, uint64 {@code UnsignedLongType}, int64 {@code LongType}, bool {@code NativeBoolType} (and {@code BitType}
 * when reading). Values are exact in both directions (64-bit integers keep their bits).
 *
 * <p>Storage sharing: {@link #toTensor} shares the image's array (no copy) when the image is an {@link ArrayImg} over
 * a plain primitive array of the tensor's storage type, that is every type except bool; the tensor then sees later
 * writes to the image, so do not write to the image while the tensor is in use. Views, cell and planar images, and bool
 * images are copied. {@link #toImg} shares the tensor's array when the requested image order is the tensor's order
 * reversed and the type is not bool; the image must then be treated as read-only (tensors are immutable and may be
 * shared): {@code copy()} it before writing. Any other order is a transposing copy.
 *
 * <p>Thread-safety: the methods are stateless; reading one image from several threads is safe for ImgLib2's own image
 * types.
 */
public final class ImgTensors {
    private ImgTensors() {}

    /**
     * Converts an image to a tensor whose axes are the image's reversed ({@link AxisOrder#tensorAxes()}).
     *
     * @param image the image; its minimum may be anywhere (the tensor starts at it)
     * @param axes one axis id per image dimension, dimension 0 first
     * @param <T> the pixel type
     * @return the tensor, sharing the image's array where the class documentation says so
     * @throws IllegalArgumentException when the axes do not match the number of dimensions, the pixel type has no
     *     bioimage.io data type, or the image has more than {@link Tensor#MAX_ELEMENTS} pixels
     */
    public static <T extends RealType<T> & NativeType<T>> Tensor toTensor(
            RandomAccessibleInterval<T> image, AxisOrder axes) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(axes, "axes");
        checkDimensions(image, axes);
        DType dtype = NativeTypes.dtypeOf(Util.getTypeFromInterval(image));
        int n = image.numDimensions();
        int[] shape = new int[n];
        long size = 1;
        for (int d = 0; d < n; d++) {
            long s = image.dimension(d);
            size *= s;
            if (size > Tensor.MAX_ELEMENTS) {
                throw new IllegalArgumentException("image: " + java.util.Arrays.toString(image.dimensionsAsLongArray())
                        + " has more pixels than a tensor holds (" + Tensor.MAX_ELEMENTS
                        + "); convert blocks of it (Views.interval) or use ImgPrediction");
            }
            shape[n - 1 - d] = (int) s;
        }
        Object shared = NativeTypes.shareable(image, dtype, size);
        if (shared != null) {
            return Storage.wrap(dtype, shared, shape, axes.tensorAxes());
        }
        Object data =
                java.lang.reflect.Array.newInstance(Tensor.storageType(dtype).getComponentType(), (int) size);
        NativeTypes.read(Views.flatIterable(image).cursor(), dtype, data);
        return Storage.wrap(dtype, data, shape, axes.tensorAxes());
    }

    /**
     * Converts a tensor to an image with the given dimension order. Tensor axes of size 1 that the order leaves out
     * are dropped.
     *
     * @param tensor the tensor
     * @param axes the image's axis ids, dimension 0 first: the tensor's axes in any order
     * @param <T> the pixel type of the tensor's data type (see the class documentation); a wrong {@code T} fails with
     *     a {@code ClassCastException} on first use, so check {@link #typeOf} when unsure
     * @return the image, sharing the tensor's array when the order is the tensor's reversed
     * @throws IllegalArgumentException when the order names an axis the tensor lacks, or leaves out one of size above
     *     1, naming the tensor and the axis
     */
    public static <T extends RealType<T> & NativeType<T>> ArrayImg<T, ?> toImg(Tensor tensor, AxisOrder axes) {
        Objects.requireNonNull(tensor, "tensor");
        Objects.requireNonNull(axes, "axes");
        Tensor t = arrange(tensor, axes);
        int[] shape = t.shape();
        long[] dims = new long[shape.length];
        for (int d = 0; d < dims.length; d++) {
            dims[d] = shape[shape.length - 1 - d];
        }
        return NativeTypes.wrap(t.dtype(), Storage.data(t), dims);
    }

    /**
     * Copies a tensor into an existing image, for example a preallocated output or a view of one.
     *
     * @param tensor the tensor
     * @param target the image, of the tensor's pixel type and with one dimension per axis of {@code axes}
     * @param axes the target's axis ids, dimension 0 first
     * @param <T> the pixel type
     * @throws IllegalArgumentException when the pixel type is not the tensor's, or a size differs, naming the tensor
     *     axis and the image dimension
     */
    public static <T extends RealType<T> & NativeType<T>> void copyInto(
            Tensor tensor, RandomAccessibleInterval<T> target, AxisOrder axes) {
        Objects.requireNonNull(tensor, "tensor");
        Objects.requireNonNull(target, "target");
        checkDimensions(target, axes);
        DType dtype = NativeTypes.dtypeOf(Util.getTypeFromInterval(target));
        if (dtype != tensor.dtype()) {
            throw new IllegalArgumentException("target: found a "
                    + Util.getTypeFromInterval(target).getClass().getSimpleName() + " image (" + dtype + ") for "
                    + tensor + "; expected a "
                    + typeOf(tensor.dtype()).getClass().getSimpleName()
                    + " image, or cast the tensor first (tensor.cast(DType." + dtype.name() + "))");
        }
        Tensor t = arrange(tensor, axes);
        for (int d = 0; d < axes.size(); d++) {
            String axis = axes.ids().get(d);
            if (t.size(axis) != target.dimension(d)) {
                throw new IllegalArgumentException(tensor + " axis '" + axis + "': found size " + t.size(axis)
                        + ", but the target image has " + target.dimension(d) + " in dimension " + d + " ('" + axis
                        + "')");
            }
        }
        NativeTypes.write(Storage.data(t), dtype, Views.flatIterable(target).cursor());
    }

    /**
     * Returns the data type of a pixel type.
     *
     * @param type a pixel, for example {@code new UnsignedShortType()}
     * @return its data type ({@code BitType} and {@code NativeBoolType} are bool)
     * @throws IllegalArgumentException for pixel types without a bioimage.io data type, listing the supported ones
     */
    public static DType dtypeOf(RealType<?> type) {
        return NativeTypes.dtypeOf(Objects.requireNonNull(type, "type"));
    }

    /**
     * Returns a new pixel of the type {@link #toImg} uses for a data type.
     *
     * @param dtype the data type
     * @param <T> the pixel type
     * @return for example a {@code FloatType} for float32 and a {@code NativeBoolType} for bool
     */
    public static <T extends RealType<T> & NativeType<T>> T typeOf(DType dtype) {
        return NativeTypes.typeOf(Objects.requireNonNull(dtype, "dtype"));
    }

    private static void checkDimensions(RandomAccessibleInterval<?> image, AxisOrder axes) {
        if (axes.size() != image.numDimensions()) {
            throw new IllegalArgumentException("axes: found " + axes.size() + " axis ids " + axes.ids()
                    + " for an image with " + image.numDimensions() + " dimensions "
                    + java.util.Arrays.toString(image.dimensionsAsLongArray()) + ", expected one id per dimension");
        }
    }

    /** The tensor with axes {@code axes.tensorAxes()}: extra size-1 axes removed, then transposed. */
    static Tensor arrange(Tensor tensor, AxisOrder axes) {
        Tensor t = tensor;
        for (String a : tensor.axes()) {
            if (axes.dimension(a) < 0) {
                if (t.size(a) != 1) {
                    throw new IllegalArgumentException(
                            tensor + " axis '" + a + "': found size " + t.size(a) + ", but the image axes " + axes.ids()
                                    + " leave it out (only size-1 axes may be left out)");
                }
                t = t.removeAxis(a);
            }
        }
        for (String a : axes.ids()) {
            if (!t.axes().contains(a)) {
                throw new IllegalArgumentException(tensor + ": the image axes " + axes.ids() + " name axis '" + a
                        + "', which the tensor does not have");
            }
        }
        List<String> order = axes.tensorAxes();
        return t.axes().equals(order) ? t : t.transpose(order);
    }
}
