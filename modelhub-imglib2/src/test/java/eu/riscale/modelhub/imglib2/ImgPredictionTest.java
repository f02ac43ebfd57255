package eu.riscale.modelhub.imglib2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.inference.PredictionCancelledException;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImgPredictionTest {
    @TempDir
    Path dir;

    private ResourceRoot root;
    private final BoxFilterModel.Backend backend = new BoxFilterModel.Backend();

    @BeforeEach
    void open() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("rdf.yaml"), BoxFilterModel.YAML);
        root = ResourceRoot.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        root.close();
    }

    private ImgPrediction.Builder builder(ModelDescr model, byte[] px, int ny, int nx) {
        ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(px, nx, ny);
        return ImgPrediction.builder(model, root).input(img, AxisOrder.of("xy")).backend(backend);
    }

    /** Checks every pixel of [y0, y1) x [x0, x1) against the direct computation. */
    private static void assertCell(
            RandomAccessibleInterval<FloatType> out, byte[] px, int ny, int nx, int y0, int y1, int x0, int x1) {
        double[] m = BoxFilterModel.moments(px);
        Cursor<FloatType> c = Views.flatIterable(Views.interval(out, new long[] {x0, y0}, new long[] {x1 - 1, y1 - 1}))
                .localizingCursor();
        double worst = 0;
        while (c.hasNext()) {
            float v = c.next().get();
            int x = c.getIntPosition(0);
            int y = c.getIntPosition(1);
            worst = Math.max(worst, Math.abs(v - BoxFilterModel.expected(px, ny, nx, m[0], m[1], y, x)));
        }
        assertThat(worst).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void lazyPredictionOf4096SquaredComputesOnlyTouchedCellsOneBlockEach() throws Exception {
        int n = 4096;
        byte[] px = BoxFilterModel.pixels(n, n, 21);
        try (ImgPrediction p = builder(BoxFilterModel.model(), px, n, n)
                .blockShape(Map.of("y", 528, "x", 528))
                .build()) {
            assertThat(p.blockShape()).containsEntry("y", 528).containsEntry("x", 528);
            assertThat(p.halo()).containsEntry("y", 8).containsEntry("x", 8);
            assertThat(p.cellCount()).isEqualTo(64); // inner 512: 8 x 8 cells
            RandomAccessibleInterval<FloatType> out = p.output("out", AxisOrder.of("xy"));
            assertThat(out.dimensionsAsLongArray()).containsExactly(n, n);
            assertThat(backend.calls.get()).isZero(); // nothing runs before a read

            RandomAccess<FloatType> ra = out.randomAccess();
            ra.setPositionAndGet(5 * 512 + 100, 3 * 512 + 7).get();
            assertThat(backend.calls.get()).isEqualTo(1);
            assertCell(out, px, n, n, 3 * 512, 4 * 512, 5 * 512, 6 * 512);
            assertThat(backend.calls.get()).isEqualTo(1); // the whole cell came from that one block

            // a corner cell (reflect-padded block) and the far corner
            assertCell(out, px, n, n, 0, 512, 0, 512);
            assertCell(out, px, n, n, n - 512, n, n - 512, n);
            assertThat(backend.calls.get()).isEqualTo(3);
            assertThat(p.blocksPredicted()).isEqualTo(3);
            assertThat(p.cachedCells()).isEqualTo(3);
        }
    }

    @Test
    void theCellBeforeAShiftedLastBlockTakesTheOverlapFromThatBlock() throws Exception {
        // x = 200 with inner 64: blocks start at 0, 64, 128 and (shifted) 136; cells at 0, 64, 128, 192
        int ny = 64;
        int nx = 200;
        byte[] px = BoxFilterModel.pixels(ny, nx, 5);
        try (ImgPrediction p = builder(BoxFilterModel.model(), px, ny, nx)
                .blockShape(Map.of("y", 80, "x", 80))
                .build()) {
            assertThat(p.cellCount()).isEqualTo(4);
            RandomAccessibleInterval<FloatType> out = p.output("out", AxisOrder.of("xy"));
            out.randomAccess().setPositionAndGet(130, 0).get();
            assertThat(backend.calls.get()).isEqualTo(2);
            out.randomAccess().setPositionAndGet(195, 0).get();
            assertThat(backend.calls.get()).isEqualTo(3);
            assertCell(out, px, ny, nx, 0, ny, 0, nx);
            assertThat(backend.calls.get()).isEqualTo(5);
        }
    }

    @Test
    void concurrentReadsOfOneCellComputeItOnce() throws Exception {
        int n = 256;
        byte[] px = BoxFilterModel.pixels(n, n, 9);
        backend.delayMillis = 100;
        try (ImgPrediction p = builder(BoxFilterModel.model(), px, n, n)
                .blockShape(Map.of("y", 144, "x", 144))
                .build()) {
            RandomAccessibleInterval<FloatType> out = p.output("out", AxisOrder.of("xy"));
            int threads = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Float>> got = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    int x = 130 + i;
                    got.add(pool.submit(() -> {
                        start.await();
                        return out.randomAccess().setPositionAndGet(x, 200).get();
                    }));
                }
                start.countDown();
                double[] m = BoxFilterModel.moments(px);
                for (int i = 0; i < threads; i++) {
                    assertThat((double) got.get(i).get())
                            .isCloseTo(
                                    BoxFilterModel.expected(px, n, n, m[0], m[1], 200, 130 + i),
                                    org.assertj.core.api.Assertions.within(1e-6));
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(backend.calls.get()).isEqualTo(1);
        }
    }

    @Test
    void theCacheIsBoundedAndDroppedCellsAreRecomputed() throws Exception {
        int n = 256;
        byte[] px = BoxFilterModel.pixels(n, n, 3);
        try (ImgPrediction p = builder(BoxFilterModel.model(), px, n, n)
                .blockShape(Map.of("y", 80, "x", 80))
                .cacheCells(2)
                .build()) {
            RandomAccessibleInterval<FloatType> out = p.output("out", AxisOrder.of("xy"));
            out.randomAccess().setPositionAndGet(0, 0).get();
            out.randomAccess().setPositionAndGet(64, 0).get();
            out.randomAccess().setPositionAndGet(0, 0).get(); // cached
            assertThat(backend.calls.get()).isEqualTo(2);
            out.randomAccess().setPositionAndGet(128, 0).get(); // drops (64, 0), the least recently used
            assertThat(p.cachedCells()).isEqualTo(2);
            out.randomAccess().setPositionAndGet(64, 0).get();
            assertThat(backend.calls.get()).isEqualTo(4);
        }
    }

    @Test
    void cancellingStopsNewCellsButKeepsCachedOnes() throws Exception {
        int n = 256;
        byte[] px = BoxFilterModel.pixels(n, n, 4);
        try (ImgPrediction p = builder(BoxFilterModel.model(), px, n, n)
                .blockShape(Map.of("y", 80, "x", 80))
                .build()) {
            RandomAccessibleInterval<FloatType> out = p.output("out", AxisOrder.of("xy"));
            float first = out.randomAccess().setPositionAndGet(3, 3).get();
            p.cancel();
            assertThatThrownBy(
                            () -> out.randomAccess().setPositionAndGet(200, 200).get())
                    .isInstanceOf(CancellationException.class)
                    .hasMessageContaining("cancelled");
            assertThat(out.randomAccess().setPositionAndGet(3, 3).get()).isEqualTo(first);
            assertThatThrownBy(
                            () -> p.predictInto("out", ArrayImgs.floats(n, n), AxisOrder.of("xy"), (done, total) -> {}))
                    .isInstanceOf(PredictionCancelledException.class)
                    .hasMessageContaining("after 0 of 16 cells");
            assertThat(backend.calls.get()).isEqualTo(1);
        }
    }

    @Test
    void eagerPredictionFillsAPreallocatedImageWithProgress() throws Exception {
        int ny = 64;
        int nx = 200;
        byte[] px = BoxFilterModel.pixels(ny, nx, 6);
        try (ImgPrediction p = builder(BoxFilterModel.model(), px, ny, nx)
                .blockShape(Map.of("y", 80, "x", 80))
                .build()) {
            ArrayImg<FloatType, ?> target = ArrayImgs.floats(nx, ny);
            List<String> progress = new ArrayList<>();
            p.predictInto("out", target, AxisOrder.of("xy"), (done, total) -> progress.add(done + "/" + total));
            assertThat(progress).containsExactly("1/4", "2/4", "3/4", "4/4");
            assertCell(target, px, ny, nx, 0, ny, 0, nx);
            assertThat(p.cachedCells()).isZero();

            // the output in another order: y first, with batch and channel kept
            ArrayImg<FloatType, ?> yx = ArrayImgs.floats(ny, nx, 1, 1);
            p.predictInto("out", yx, AxisOrder.of(List.of("y", "x", "channel", "batch")), (d, t) -> {});
            assertThat(yx.randomAccess().setPositionAndGet(7, 150, 0, 0).get())
                    .isEqualTo(target.randomAccess().setPositionAndGet(150, 7).get());

            assertThatThrownBy(
                            () -> p.predictInto("out", ArrayImgs.floats(nx, ny + 1), AxisOrder.of("xy"), (d, t) -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("output 'out' axis 'y' has size 64")
                    .hasMessageContaining("has 65 in dimension 1");
        }
    }

    @Test
    void networkFailuresNameTheBlockAndAreRetriedOnTheNextRead() throws Exception {
        int n = 128;
        byte[] px = BoxFilterModel.pixels(n, n, 8);
        try (ImgPrediction p = builder(BoxFilterModel.model(), px, n, n)
                .blockShape(Map.of("y", 80, "x", 80))
                .build()) {
            RandomAccessibleInterval<FloatType> out = p.output("out", AxisOrder.of("xy"));
            backend.fail = true;
            assertThatThrownBy(
                            () -> out.randomAccess().setPositionAndGet(70, 10).get())
                    .isInstanceOf(BlockPredictionException.class)
                    .hasMessageContaining("block {batch=0..1, channel=0..1, y=-8..72, x=56..136}")
                    .hasMessageContaining("stand-in network failure");
            backend.fail = false;
            assertCell(out, px, n, n, 0, 64, 64, 128);
        }
    }

    @Test
    void inputsAndModelsThatCannotBeSplitAreRejectedWhenBuilt() throws Exception {
        byte[] px = BoxFilterModel.pixels(64, 64, 1);
        ModelDescr scaleRange = BoxFilterModel.model(BoxFilterModel.YAML.replace(
                "      - id: sigmoid",
                "      - id: scale_range\n        kwargs: {axes: [y, x], max_percentile: 99.0}"));
        assertThatThrownBy(() -> builder(scaleRange, px, 64, 64).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postprocessing measures statistics")
                .hasMessageContaining("PredictionPipeline");
        ArrayImg<UnsignedByteType, ?> threeChannels = ArrayImgs.unsignedBytes(64, 64, 3);
        assertThatThrownBy(() -> ImgPrediction.builder(BoxFilterModel.model(), root)
                        .input(threeChannels, AxisOrder.of("xyc"))
                        .backend(backend)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input 'raw' axis 'channel': found 3 channels, expected 1");
        assertThatThrownBy(() -> ImgPrediction.builder(BoxFilterModel.model(), root)
                        .input(ArrayImgs.unsignedBytes(64, 64, 2), AxisOrder.of("xyz"))
                        .backend(backend)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image axis 'z' (dimension 2, size 2) is not an axis of the model input");
        assertThatThrownBy(() -> builder(BoxFilterModel.model(), px, 64, 64)
                        .blockShape(Map.of("x", 70))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "block size of input 'raw' axis 'x': found 70, expected min + n*step = 64 + n*16");
        assertThat(backend.opened.get()).isZero();
    }
}
