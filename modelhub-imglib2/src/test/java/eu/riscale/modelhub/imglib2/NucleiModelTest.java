package eu.riscale.modelhub.imglib2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.inference.PredictionOptions;
import eu.riscale.modelhub.core.inference.PredictionPipeline;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.imglib2.example.NucleiExample;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real example model {@code examples/unet2d-nuclei} (fixed 512 x 512 blocks, halo 32, so cells of 448) on an 896 x
 * 448 image: two blocks in the SDK's tiled prediction, which is the reference here.
 */
class NucleiModelTest {
    private static Path folder;
    private static ModelDescr model;
    private static RandomAccessibleInterval<FloatType> image;
    private static Tensor sdk;

    @BeforeAll
    static void sdkTiledPrediction() throws Exception {
        folder = Path.of(System.getProperty("modelhub.root", "..")).resolve("examples/unet2d-nuclei");
        assumeTrue(Files.isRegularFile(folder.resolve("rdf.yaml")), "examples/unet2d-nuclei not found under " + folder);
        model = Descriptions.read(folder.resolve("rdf.yaml"));
        Tensor test = Npy.read(folder.resolve("test_input.npy"), List.of("batch", "channel", "y", "x"));
        image = NucleiExample.input(ImgTensors.toImg(test, AxisOrder.of("xy")));
        Tensor input = ImgTensors.toTensor(image, AxisOrder.of("xy")); // [y, x] = [448, 896]
        try (PredictionPipeline p = PredictionPipeline.create(
                model, folder, PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.ONNX))))) {
            sdk = p.predict(Map.of("raw", input)).get("probability");
        }
        assertThat(sdk.shape()).containsExactly(1, 1, 448, 896);
    }

    private static double maxDifference(RandomAccessibleInterval<FloatType> got, long x0, long x1) {
        Cursor<FloatType> c = Views.flatIterable(Views.interval(got, new long[] {x0, 0}, new long[] {x1 - 1, 447}))
                .localizingCursor();
        double worst = 0;
        while (c.hasNext()) {
            float v = c.next().get();
            worst = Math.max(worst, Math.abs(v - sdk.getDouble(0, 0, c.getIntPosition(1), c.getIntPosition(0))));
        }
        return worst;
    }

    @Test
    void oneLazyCellRunsOneBlockAndEqualsTheSdksTiledPrediction() throws Exception {
        try (ResourceRoot root = ResourceRoot.open(folder);
                ImgPrediction p = ImgPrediction.builder(model, root)
                        .input(image, AxisOrder.of("xy"))
                        .build()) {
            assertThat(p.blockShape()).containsEntry("y", 512).containsEntry("x", 512);
            assertThat(p.halo()).containsEntry("x", 32);
            assertThat(p.cellCount()).isEqualTo(2);
            RandomAccessibleInterval<FloatType> lazy = p.output("probability", AxisOrder.of("xy"));
            double d = maxDifference(lazy, 448, 896);
            assertThat(d).as("max |lazy - SDK| = %g", d).isLessThanOrEqualTo(1e-6);
            assertThat(p.weightsFormat()).isEqualTo(WeightsFormat.ONNX);
            assertThat(p.blocksPredicted()).isEqualTo(1);
        }
    }

    @Test
    void theExampleRunsLazilyThenEagerlyAndMatchesTheSdk() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ArrayImg<FloatType, ?> eager;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            eager = NucleiExample.run(folder, out);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("after 1 block(s)")
                .contains("eager: cell 1 of 2")
                .contains("eager: cell 2 of 2")
                .contains("3 blocks in all");
        assertThat(maxDifference(eager, 0, 896)).isLessThanOrEqualTo(1e-6);
    }
}
