package eu.riscale.modelhub.core.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.image.Images;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.tensor.DType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoversTest {
    @TempDir
    Path dir;

    /** Where the conformance covers are kept after the build, to look at them. */
    private static Path keep(String model) throws Exception {
        Path out = Conformance.buildRoot()
                .resolve("modelhub-core/target/authoring-covers")
                .resolve(model);
        Files.createDirectories(out);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"unet2d_nuclei_broad", "unet2d_multi_tensor"})
    void conformanceModelsGetACoverOfTwoToOne(String name) throws Exception {
        Path pkg = Conformance.model(name);
        ModelDescr model = Descriptions.read(pkg.resolve("bioimageio.yaml"));
        Path out = keep(name);
        List<Path> covers;
        try (ResourceRoot root = ResourceRoot.open(pkg)) {
            covers = Covers.generate(model, root, out);
        }
        assertThat(covers).containsExactly(out.resolve("cover.png"));
        var image = ImageIO.read(covers.get(0).toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(Files.size(covers.get(0))).isLessThanOrEqualTo(Covers.MAX_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unet2d_nuclei_broad", "unet2d_multi_tensor"})
    void coverShowsTheTestInputBelowTheDiagonalAndTheOutputAbove(String name) throws Exception {
        Path pkg = Conformance.model(name);
        ModelDescr model = Descriptions.read(pkg.resolve("bioimageio.yaml"));
        Path cover;
        try (ResourceRoot root = ResourceRoot.open(pkg)) {
            cover = Covers.generate(model, root, dir).get(0);
        }
        Tensor image = Images.read(cover); // [channel, y, x] uint8
        double[] gray = image.cast(DType.FLOAT32).toDoubleArray();
        Tensor in = Npy.read(pkg.resolve(model.inputs().get(0).testTensor().source()));
        Tensor out = Npy.read(pkg.resolve(model.outputs().get(0).testTensor().source()));
        // the test tensors are [batch, channel, y, x] with one batch and one channel element; square in both models
        int n = in.shape()[3];
        assertThat(out.shape()[3]).isEqualTo(n);
        double[] vin = in.toDoubleArray();
        double[] vout = out.toDoubleArray();
        // the square image fills 800 x 800 and is cropped to the middle 400 rows
        double scale = 800.0 / n;
        double[][] below = new double[3][0];
        java.util.List<double[]> lower = new java.util.ArrayList<>();
        java.util.List<double[]> upper = new java.util.ArrayList<>();
        for (int y = 5; y < 400; y += 7) {
            for (int x = 5; x < 800; x += 7) {
                int sy = (int) ((y + 200 + 0.5) / scale);
                int sx = (int) ((x + 0.5) / scale);
                double[] triple = {gray[y * 800 + x], vin[sy * n + sx], vout[sy * n + sx]};
                long side = (long) y * 800 - (long) x * 400;
                if (side > 4 * 800) {
                    lower.add(triple);
                } else if (side < -4 * 800) {
                    upper.add(triple);
                }
            }
        }
        assertThat(correlation(lower, 1)).as("lower-left vs input").isGreaterThan(0.9);
        assertThat(correlation(upper, 2)).as("upper-right vs output").isGreaterThan(0.9);
        assertThat(image.shape()).containsExactly(3, 400, 800);
    }

    private static double correlation(java.util.List<double[]> rows, int column) {
        int m = rows.size();
        double ma = 0;
        double mb = 0;
        for (double[] r : rows) {
            ma += r[0] / m;
            mb += r[column] / m;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (double[] r : rows) {
            sab += (r[0] - ma) * (r[column] - mb);
            saa += (r[0] - ma) * (r[0] - ma);
            sbb += (r[column] - mb) * (r[column] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static final List<Axis> YX = List.of(
            SpaceInputAxis.builder().id("y").size(FixedSize.of(1)).build(),
            SpaceInputAxis.builder().id("x").size(FixedSize.of(1)).build());

    /** A [h, w] ramp along x from 0 to w - 1, or reversed. */
    private static Tensor ramp(int h, int w, boolean reversed) {
        float[] v = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = reversed ? w - 1 - x : x;
            }
        }
        return Tensor.of(v, new int[] {h, w}, List.of("y", "x"));
    }

    private static int pixel(Tensor rgb, int c, int y, int x) {
        return (int) rgb.getDouble(c, y, x);
    }

    @Test
    void diagonalPutsInputLowerLeftAndOutputUpperRight() {
        Tensor cover = Covers.render(ramp(40, 40, false), YX, ramp(40, 40, true), YX, CoverOptions.defaults());
        assertThat(cover.dtype()).isEqualTo(DType.UINT8);
        assertThat(cover.shape()).containsExactly(3, 400, 800);
        assertThat(cover.axes()).containsExactly("channel", "y", "x");
        // input is dark on the left and bright on the right; output the other way round
        assertThat(pixel(cover, 0, 390, 10)).as("lower-left: input, left").isLessThan(20);
        assertThat(pixel(cover, 0, 399, 780)).as("lower-right: input, right").isGreaterThan(235);
        assertThat(pixel(cover, 0, 2, 30)).as("upper-left: output, left").isGreaterThan(235);
        assertThat(pixel(cover, 0, 10, 790)).as("upper-right: output, right").isLessThan(20);
        assertThat(pixel(cover, 1, 200, 400)).as("the diagonal line").isEqualTo(255);
    }

    @Test
    void differentShapesGoSideBySideEachFittedIntoItsHalf() {
        // input 20 x 80 (wide), output 40 x 40
        Tensor cover = Covers.render(ramp(20, 80, false), YX, ramp(40, 40, true), YX, CoverOptions.defaults());
        // left half: 400 x 400 box, the 20 x 80 image scaled by 5 to 100 x 400, centred vertically (rows 150..250)
        assertThat(pixel(cover, 0, 200, 5)).isLessThan(20);
        assertThat(pixel(cover, 0, 200, 390)).isGreaterThan(235);
        assertThat(pixel(cover, 0, 100, 200)).as("letterbox above the input").isZero();
        // right half: reversed ramp, bright at its left edge
        assertThat(pixel(cover, 0, 200, 405)).isGreaterThan(235);
        assertThat(pixel(cover, 0, 200, 795)).isLessThan(20);
        assertThat(pixel(cover, 0, 200, 399)).as("the separating line").isEqualTo(255);
        Tensor forced = Covers.render(
                ramp(40, 40, false),
                YX,
                ramp(40, 40, true),
                YX,
                CoverOptions.defaults().withLayout(CoverLayout.SIDE_BY_SIDE));
        assertThat(pixel(forced, 0, 390, 10)).as("left half, no diagonal").isLessThan(20);
        assertThat(pixel(forced, 0, 390, 790))
                .as("right half is the reversed output")
                .isLessThan(20);
    }

    @Test
    void middleZSliceAndBatchElementAreShown() {
        // [batch 3, z 5, y 8, x 8]: only batch 1, z 2 is a ramp along x, all else a reversed ramp
        int[] shape = {3, 5, 8, 8};
        float[] v = new float[3 * 5 * 64];
        for (int b = 0; b < 3; b++) {
            for (int z = 0; z < 5; z++) {
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        v[((b * 5 + z) * 8 + y) * 8 + x] = b == 1 && z == 2 ? x : 7 - x;
                    }
                }
            }
        }
        List<Axis> axes = List.of(
                BatchAxis.of(),
                SpaceInputAxis.builder().id("z").size(FixedSize.of(5)).build(),
                YX.get(0),
                YX.get(1));
        Tensor t = Tensor.of(v, shape, List.of("batch", "z", "y", "x"));
        Tensor cover = Covers.render(t, axes, t, axes, CoverOptions.defaults().withWidth(160));
        assertThat(cover.shape()).containsExactly(3, 80, 160);
        assertThat(pixel(cover, 0, 70, 2)).isLessThan(20);
        assertThat(pixel(cover, 0, 70, 157)).isGreaterThan(235);
    }

    @Test
    void twoChannelsAreMagentaAndGreenThreeAreRgb() {
        float[] two = new float[2 * 4 * 4];
        java.util.Arrays.fill(two, 0, 16, 1f); // channel 0 bright (with one dark pixel for contrast)
        two[0] = 0;
        List<Axis> cyx = List.of(ChannelAxis.of("a", "b"), YX.get(0), YX.get(1));
        Tensor t = Tensor.of(two, new int[] {2, 4, 4}, List.of("channel", "y", "x"));
        Tensor cover = Covers.render(
                t, cyx, t, cyx, CoverOptions.defaults().withWidth(160).withLayout(CoverLayout.SIDE_BY_SIDE));
        // right half middle: channel 0 = 1 -> red and blue full, channel 1 = 0 -> green off
        assertThat(pixel(cover, 0, 40, 120)).isEqualTo(255);
        assertThat(pixel(cover, 1, 40, 120)).isZero();
        assertThat(pixel(cover, 2, 40, 120)).isEqualTo(255);

        float[] three = new float[3 * 4 * 4];
        for (int i = 0; i < 16; i++) {
            three[16 + i] = i == 0 ? 0 : 1; // only green
            three[i] = i == 0 ? 1 : 0;
            three[32 + i] = i == 0 ? 1 : 0;
        }
        List<Axis> rgb = List.of(ChannelAxis.of("r", "g", "b"), YX.get(0), YX.get(1));
        Tensor t3 = Tensor.of(three, new int[] {3, 4, 4}, List.of("channel", "y", "x"));
        Tensor c3 = Covers.render(
                t3, rgb, t3, rgb, CoverOptions.defaults().withWidth(160).withLayout(CoverLayout.SIDE_BY_SIDE));
        assertThat(pixel(c3, 0, 40, 120)).isZero();
        assertThat(pixel(c3, 1, 40, 120)).isEqualTo(255);
        assertThat(pixel(c3, 2, 40, 120)).isZero();
    }

    @Test
    void percentilesAreNumpys() {
        // np.percentile([3,1,4,1,5,9,2,6,5,3,5], [0.5, 25, 50, 99.5, 100]) -> 1.0, 2.5, 4.0, 8.85, 9.0
        double[] sorted = {1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 9};
        assertThat(View2d.percentile(sorted, 0.5)).isEqualTo(1.0);
        assertThat(View2d.percentile(sorted, 25)).isEqualTo(2.5);
        assertThat(View2d.percentile(sorted, 50)).isEqualTo(4.0);
        assertThat(View2d.percentile(sorted, 99.5))
                .isCloseTo(8.849999999999998, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(View2d.percentile(sorted, 100)).isEqualTo(9.0);
    }

    @Test
    void contrastIsStretchedBetweenPercentilesAndNaNIsBlack() {
        double[] plane = {0, 1, 2, 3, 4, 5, 6, 7, 8, 1000, Double.NaN};
        float[] out = new float[plane.length];
        View2d.stretch(plane, 0, 80, out);
        // finite values sorted: 0..8, 1000; 80th percentile = 7.2 (numpy linear)
        assertThat(out[0]).isZero();
        assertThat(out[4]).isCloseTo((float) (4 / 7.2), org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(out[9]).as("the outlier is clipped").isEqualTo(1f);
        assertThat(out[10]).as("NaN").isZero();
    }

    @Test
    void badTensorsAreNamed() {
        Tensor t = ramp(4, 4, false);
        List<Axis> three = List.of(BatchAxis.of(), YX.get(0), YX.get(1));
        assertThatThrownBy(() -> Covers.render(t, three, t, YX, CoverOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "input: found 2 dimensions (shape [4, 4]), expected 3 for the described axes [batch, y, x]");
        Tensor line = Tensor.of(new float[4], new int[] {1, 4}, List.of("y", "x"));
        assertThatThrownBy(() -> Covers.render(t, YX, line, YX, CoverOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("output: cannot make a 2D view of shape [1, 4]");
        assertThatThrownBy(() -> CoverOptions.defaults().withWidth(801))
                .hasMessage("width: found 801, expected an even number from 64 to 4096");
        assertThatThrownBy(() -> CoverOptions.defaults().withPercentiles(50, 50))
                .hasMessage("percentiles: found 50.0 and 50.0, expected 0 <= lower < upper <= 100");
    }

    @Test
    void aTestTensorThatDoesNotMatchItsAxesIsNamed() throws Exception {
        Path pkg = dir.resolve("pkg");
        Files.createDirectories(pkg);
        Npy.write(ramp(8, 8, false), pkg.resolve("flat.npy"));
        Files.copy(Conformance.model("unet2d_nuclei_broad").resolve("test_output.npy"), pkg.resolve("test_output.npy"));
        ModelDescr model =
                Descriptions.read(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
        ModelDescr flat = model.toBuilder()
                .inputs(model.inputs().get(0).toBuilder()
                        .testTensor(eu.riscale.modelhub.spec.common.FileDescr.of("flat.npy"))
                        .build())
                .build();
        Files.writeString(pkg.resolve("bioimageio.yaml"), Descriptions.toYaml(flat));
        try (ResourceRoot root = ResourceRoot.open(pkg)) {
            assertThatThrownBy(() -> Covers.generate(flat, root, dir))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs[0].test_tensor: found 2 dimensions (shape [8, 8]), expected 4 for the described"
                            + " axes [batch, channel, y, x]");
        }
    }

    @Test
    void missingTestTensorIsNamed() throws Exception {
        Path pkg = Conformance.model("unet2d_nuclei_broad");
        ModelDescr model = Descriptions.read(pkg.resolve("bioimageio.yaml"));
        ModelDescr noTest = model.toBuilder()
                .outputs(model.outputs().get(0).toBuilder().testTensor(null).build())
                .build();
        try (ResourceRoot root = ResourceRoot.open(pkg)) {
            assertThatThrownBy(() -> Covers.generate(noTest, root, dir))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs[0].test_tensor: missing; covers are rendered from the test tensors");
        }
    }

    @Test
    void largeCoversShrinkUnderTheHubLimit() throws Exception {
        // noise compresses badly: at 2048 x 1024 it is far above 500 KB, so the width is reduced until it fits
        java.util.Random random = new java.util.Random(42);
        float[] noise = new float[256 * 256];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextFloat();
        }
        Path pkg = dir.resolve("pkg");
        Files.createDirectories(pkg);
        Npy.write(Tensor.of(noise, new int[] {1, 1, 256, 256}, List.of("b", "c", "y", "x")), pkg.resolve("in.npy"));
        Path src = Conformance.model("unet2d_nuclei_broad");
        ModelDescr model = Descriptions.read(src.resolve("bioimageio.yaml"));
        ModelDescr noisy = model.toBuilder()
                .inputs(model.inputs().get(0).toBuilder()
                        .testTensor(eu.riscale.modelhub.spec.common.FileDescr.of("in.npy"))
                        .build())
                .outputs(model.outputs().get(0).toBuilder()
                        .testTensor(eu.riscale.modelhub.spec.common.FileDescr.of("in.npy"))
                        .build())
                .build();
        Files.writeString(pkg.resolve("bioimageio.yaml"), Descriptions.toYaml(noisy));
        Path cover;
        try (ResourceRoot root = ResourceRoot.open(pkg)) {
            cover = Covers.generate(
                            noisy,
                            root,
                            dir.resolve("out"),
                            CoverOptions.defaults().withWidth(2048))
                    .get(0);
        }
        var image = ImageIO.read(cover.toFile());
        assertThat(image.getWidth()).isLessThan(2048);
        assertThat(image.getWidth()).isEqualTo(2 * image.getHeight());
        assertThat(Files.size(cover)).isLessThanOrEqualTo(Covers.MAX_BYTES);
    }

    @Test
    void recordWritesCoversRelativeToTheDescription() throws Exception {
        ModelDescr model =
                Descriptions.read(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
        ModelDescr recorded = Covers.record(model, dir, List.of(dir.resolve("covers/cover.png"), dir.resolve("b.png")));
        assertThat(recorded.covers()).extracting(FileDescr::source).containsExactly("covers/cover.png", "b.png");
        assertThat(recorded.toBuilder().covers(model.covers()).build()).isEqualTo(model);
        assertThatThrownBy(() -> Covers.record(model, dir.resolve("sub"), List.of(dir.resolve("b.png"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("covers: ");
    }
}
