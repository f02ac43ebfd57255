package eu.riscale.modelhub.imglib2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.type.BooleanType;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.integer.GenericByteType;
import net.imglib2.type.numeric.integer.GenericIntType;
import net.imglib2.type.numeric.integer.GenericLongType;
import net.imglib2.type.numeric.integer.GenericShortType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImgTensorsTest {
    /** Image axis orders of 1 to 5 dimensions, in short and list form, including channel-first and odd orders. */
    private static final List<AxisOrder> ORDERS = List.of(
            AxisOrder.of("x"),
            AxisOrder.of("xy"),
            AxisOrder.of("yx"),
            AxisOrder.of("xyc"),
            AxisOrder.of("cxy"),
            AxisOrder.of("xyz"),
            AxisOrder.of("xyczt"),
            AxisOrder.of("tczyx"),
            AxisOrder.of(List.of("x", "y", "channel", "batch")),
            AxisOrder.of(List.of("index", "x")));

    private static final int[] SIZES = {5, 3, 2, 4, 2};

    static Stream<Arguments> dtypesAndOrders() {
        List<Arguments> a = new ArrayList<>();
        for (DType t : DType.values()) {
            for (AxisOrder o : ORDERS) {
                a.add(Arguments.of(t, o));
            }
        }
        return a.stream();
    }

    /** Random values of the dtype's full bit range (so unsigned and 64-bit values beyond double precision occur). */
    private static Object values(DType dtype, int n, long seed) {
        Random r = new Random(seed);
        Object data =
                java.lang.reflect.Array.newInstance(Tensor.storageType(dtype).getComponentType(), n);
        for (int i = 0; i < n; i++) {
            long v = r.nextLong();
            switch (dtype) {
                case FLOAT32 -> ((float[]) data)[i] = (float) r.nextGaussian() * 1e3f;
                case FLOAT64 -> ((double[]) data)[i] = r.nextGaussian() * 1e6;
                case BOOL -> ((byte[]) data)[i] = (byte) (v & 1);
                case INT8, UINT8 -> ((byte[]) data)[i] = (byte) v;
                case INT16, UINT16 -> ((short[]) data)[i] = (short) v;
                case INT32, UINT32 -> ((int[]) data)[i] = (int) v;
                case INT64, UINT64 -> ((long[]) data)[i] = v;
                default -> throw new AssertionError(dtype);
            }
        }
        return data;
    }

    private static int[] shape(AxisOrder order) {
        int n = order.size();
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            shape[i] = SIZES[n - 1 - i]; // tensor axis i is image dimension n-1-i
        }
        return shape;
    }

    /** The raw bits of a pixel. */
    private static long bits(Object p) {
        if (p instanceof FloatType) {
            return Float.floatToRawIntBits(((FloatType) p).get());
        } else if (p instanceof DoubleType) {
            return Double.doubleToRawLongBits(((DoubleType) p).get());
        } else if (p instanceof GenericByteType) {
            return ((GenericByteType<?>) p).getByte();
        } else if (p instanceof GenericShortType) {
            return ((GenericShortType<?>) p).getShort();
        } else if (p instanceof GenericIntType) {
            return ((GenericIntType<?>) p).getInt();
        } else if (p instanceof GenericLongType) {
            return ((GenericLongType<?>) p).getLong();
        } else if (p instanceof BooleanType) {
            return ((BooleanType<?>) p).get() ? 1 : 0;
        }
        throw new AssertionError(p.getClass());
    }

    /** The raw bits of a tensor element. */
    private static long bits(Tensor t, int flat) {
        Object a = Storage.data(t);
        if (a instanceof float[]) {
            return Float.floatToRawIntBits(((float[]) a)[flat]);
        } else if (a instanceof double[]) {
            return Double.doubleToRawLongBits(((double[]) a)[flat]);
        } else if (a instanceof byte[]) {
            return ((byte[]) a)[flat];
        } else if (a instanceof short[]) {
            return ((short[]) a)[flat];
        } else if (a instanceof int[]) {
            return ((int[]) a)[flat];
        }
        return ((long[]) a)[flat];
    }

    /** Every pixel (p0, p1, ...) of the image equals tensor element [.., p1, p0] under the order's axis names. */
    private static void assertSameElements(RandomAccessibleInterval<?> img, AxisOrder order, Tensor t) {
        assertThat(img.numDimensions()).isEqualTo(order.size());
        int[] shape = t.shape();
        Cursor<?> c = Views.flatIterable(img).cursor();
        long[] pos = new long[img.numDimensions()];
        int count = 0;
        while (c.hasNext()) {
            Object p = c.next();
            c.localize(pos);
            int flat = 0;
            for (int i = 0; i < t.ndim(); i++) {
                int d = order.dimension(t.axes().get(i));
                flat = flat * shape[i] + (int) (pos[d] - img.min(d));
            }
            assertThat(bits(p)).as("pixel %s", java.util.Arrays.toString(pos)).isEqualTo(bits(t, flat));
            count++;
        }
        assertThat(count).isEqualTo(t.size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypesAndOrders")
    void tensorToImageToTensorRoundTrips(DType dtype, AxisOrder order) {
        int[] shape = shape(order);
        int n = java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        Tensor t = Tensor.of(dtype, values(dtype, n, 42 + order.size()), shape, order.tensorAxes());

        ArrayImg<?, ?> img = ImgTensors.toImg(t, order);
        assertThat(img.dimensionsAsLongArray())
                .containsExactly(java.util.Arrays.stream(SIZES, 0, order.size())
                        .asLongStream()
                        .toArray());
        assertThat(ImgTensors.dtypeOf((net.imglib2.type.numeric.RealType<?>) img.firstElement()))
                .isEqualTo(dtype);
        assertSameElements(img, order, t);

        Tensor back = roundTrip(img, order);
        assertThat(back).isEqualTo(t);
        // a view is copied, with the same result
        Tensor fromView = roundTrip(Views.zeroMin(Views.translate(img, offsets(img.numDimensions()))), order);
        assertThat(fromView).isEqualTo(t);
        // a cell image (not one array) is copied too
        Img<?> cells = copyToCellImg(img);
        assertThat(roundTrip(cells, order)).isEqualTo(t);
    }

    private static long[] offsets(int n) {
        long[] o = new long[n];
        java.util.Arrays.fill(o, 7);
        return o;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Tensor roundTrip(RandomAccessibleInterval<?> img, AxisOrder order) {
        return ImgTensors.toTensor((RandomAccessibleInterval) img, order);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Img<?> copyToCellImg(ArrayImg<?, ?> img) {
        net.imglib2.type.NativeType type = (net.imglib2.type.NativeType) img.firstElement();
        Img out = new CellImgFactory(type, 2).create(img.dimensionsAsLongArray());
        Cursor<net.imglib2.type.Type> s = (Cursor) Views.flatIterable(img).cursor();
        Cursor<net.imglib2.type.Type> d = (Cursor) Views.flatIterable(out).cursor();
        while (s.hasNext()) {
            d.next().set(s.next());
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypesAndOrders")
    void anyPermutationOfTheTensorAxesIsAnImageOrder(DType dtype, AxisOrder order) {
        int[] shape = shape(order);
        int n = java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        Tensor t = Tensor.of(dtype, values(dtype, n, 7), shape, order.tensorAxes());
        // the image in the tensor's own order (not reversed): a transposing copy
        AxisOrder same = AxisOrder.of(t.axes());
        ArrayImg<?, ?> img = ImgTensors.toImg(t, same);
        assertSameElements(img, same, t);
        Tensor back = roundTrip(img, same);
        assertThat(back.axes()).isEqualTo(order.ids());
        assertThat(back.transpose(t.axes())).isEqualTo(t);
    }

    @Test
    void dimensionZeroIsTheLastTensorAxis() {
        // image x=4, y=3 with value 10*y + x: tensor [y][x] in C order is the same memory
        float[] v = new float[12];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                v[y * 4 + x] = 10 * y + x;
            }
        }
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(v, 4, 3);
        Tensor t = ImgTensors.toTensor(img, AxisOrder.of("xy"));
        assertThat(t.axes()).containsExactly("y", "x");
        assertThat(t.shape()).containsExactly(3, 4);
        assertThat(t.getDouble(2, 1)).isEqualTo(21); // y=2, x=1
        RandomAccess<FloatType> ra = ImgTensors.<FloatType>toImg(t.transpose(List.of("x", "y")), AxisOrder.of("xy"))
                .randomAccess();
        assertThat(ra.setPositionAndGet(1, 2).get()).isEqualTo(21);
    }

    @Test
    void arrayImagesShareStorageBothWays() {
        float[] v = {1, 2, 3, 4, 5, 6};
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(v, 3, 2);
        Tensor t = ImgTensors.toTensor(img, AxisOrder.of("xy"));
        assertThat(Storage.data(t)).isSameAs(v);
        ArrayImg<FloatType, ?> back = ImgTensors.toImg(t, AxisOrder.of("xy"));
        assertThat(((ArrayDataAccess<?>) back.update(null)).getCurrentStorageArray())
                .isSameAs(v);
        // another order is a copy
        ArrayImg<FloatType, ?> yx = ImgTensors.toImg(t, AxisOrder.of("yx"));
        assertThat(((ArrayDataAccess<?>) yx.update(null)).getCurrentStorageArray())
                .isNotSameAs(v);
        // a view is a copy
        Tensor copied =
                ImgTensors.toTensor(Views.interval(img, new long[] {0, 0}, new long[] {2, 1}), AxisOrder.of("xy"));
        assertThat(Storage.data(copied)).isNotSameAs(v);
        assertThat(copied).isEqualTo(t);
    }

    @Test
    void boolIsCopiedAndBitTypeReads() {
        ArrayImg<BitType, ?> bits = ArrayImgs.bits(3, 2);
        bits.randomAccess().setPositionAndGet(2, 1).set(true);
        Tensor t = ImgTensors.toTensor(bits, AxisOrder.of("xy"));
        assertThat(t.dtype()).isEqualTo(DType.BOOL);
        assertThat(t.getDouble(1, 2)).isEqualTo(1);
        assertThat(t.getDouble(0, 2)).isEqualTo(0);
    }

    @Test
    void copyIntoFillsAPreallocatedImageAndNamesMismatchedAxes() {
        Tensor t = Tensor.of(
                DType.UINT16,
                new short[] {1, 2, 3, 4, 5, (short) 65535},
                new int[] {1, 2, 3},
                List.of("batch", "y", "x"));
        Img<UnsignedShortType> target = ArrayImgs.unsignedShorts(3, 2);
        ImgTensors.copyInto(t, target, AxisOrder.of("xy"));
        assertThat(target.randomAccess().setPositionAndGet(2, 1).get()).isEqualTo(65535);
        assertThat(target.randomAccess().setPositionAndGet(1, 0).get()).isEqualTo(2);

        assertThatThrownBy(() -> ImgTensors.copyInto(t, ArrayImgs.unsignedShorts(3, 4), AxisOrder.of("xy")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis 'y'")
                .hasMessageContaining("found size 2")
                .hasMessageContaining("has 4 in dimension 1");
        assertThatThrownBy(() -> ImgTensors.copyInto(t, ArrayImgs.floats(3, 2), AxisOrder.of("xy")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FloatType")
                .hasMessageContaining("UnsignedShortType");
        assertThatThrownBy(() -> ImgTensors.copyInto(t, ArrayImgs.unsignedShorts(3, 2, 1), AxisOrder.of("xyz")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis 'z'");
    }

    @Test
    void mismatchedAxesAreRejectedNamingTensorAndAxis() {
        Tensor t = Tensor.of(new float[6], new int[] {2, 3}, List.of("channel", "x"));
        assertThatThrownBy(() -> ImgTensors.toImg(t, AxisOrder.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis 'channel'")
                .hasMessageContaining("found size 2");
        assertThatThrownBy(() -> ImgTensors.toImg(t, AxisOrder.of("xyc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis 'y'");
        assertThatThrownBy(() -> ImgTensors.toTensor(ArrayImgs.floats(2, 2), AxisOrder.of("xyc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 axis ids")
                .hasMessageContaining("2 dimensions");
        assertThatThrownBy(() -> AxisOrder.of("xyq"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'q' at position 2");
        assertThatThrownBy(() -> AxisOrder.of("xyx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x' appears twice");
        // size-1 tensor axes may be left out of the image
        ArrayImg<FloatType, ?> img = ImgTensors.toImg(
                Tensor.of(new float[] {1, 2, 3}, new int[] {1, 3}, List.of("channel", "x")), AxisOrder.of("x"));
        assertThat(img.dimensionsAsLongArray()).containsExactly(3);
    }

    @Test
    void typeTableCoversEveryDtype() {
        for (DType t : DType.values()) {
            net.imglib2.type.numeric.RealType<?> type = ImgTensors.typeOf(t);
            assertThat(ImgTensors.dtypeOf(type)).isEqualTo(t);
        }
        assertThatThrownBy(() -> ImgTensors.dtypeOf(new net.imglib2.type.numeric.integer.Unsigned12BitType()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsigned12BitType")
                .hasMessageContaining("expected one of");
        assertThat(new ArrayImgFactory<>(new FloatType()).create(1)).isNotNull();
    }
}
