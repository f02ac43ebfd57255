package eu.riscale.modelhub.imglib2.example;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.imglib2.AxisOrder;
import eu.riscale.modelhub.imglib2.ImgPrediction;
import eu.riscale.modelhub.imglib2.ImgTensors;
import eu.riscale.modelhub.spec.ModelDescr;
import java.io.PrintStream;
import java.nio.file.Path;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Predicts nuclei with the repository's example model {@code examples/unet2d-nuclei} on an ImgLib2 image of 896 x 448
 * pixels (its test image, mirrored), first lazily (one cell read, one block run), then eagerly into a preallocated
 * image with progress.
 *
 * <pre>
 * java -cp "$(cat cp.txt)" eu.riscale.modelhub.imglib2.example.NucleiExample examples/unet2d-nuclei
 * </pre>
 */
public final class NucleiExample {
    private NucleiExample() {}

    /**
     * Runs the example.
     *
     * @param args the model folder (default {@code examples/unet2d-nuclei})
     * @throws Exception when the model cannot be read or run
     */
    public static void main(String[] args) throws Exception {
        run(Path.of(args.length > 0 ? args[0] : "examples/unet2d-nuclei"), System.out);
    }

    /**
     * Runs the example, reporting to {@code out}.
     *
     * @param folder the model folder
     * @param out where to report
     * @return the eagerly predicted probability image (x, y)
     * @throws Exception when the model cannot be read or run
     */
    public static ArrayImg<FloatType, ?> run(Path folder, PrintStream out) throws Exception {
        ModelDescr model = Descriptions.read(folder.resolve("rdf.yaml"));
        // the test image as an ImgLib2 image: tensor (batch, channel, y, x) -> image (x, y), sharing the array
        Tensor test = Npy.read(folder.resolve("test_input.npy"), java.util.List.of("batch", "channel", "y", "x"));
        ArrayImg<FloatType, ?> tile = ImgTensors.toImg(test, AxisOrder.of("xy"));
        RandomAccessibleInterval<FloatType> image = input(tile);

        try (ResourceRoot root = ResourceRoot.open(folder);
                ImgPrediction p = ImgPrediction.builder(model, root)
                        .input(image, AxisOrder.of("xy"))
                        .build()) {
            out.println(p);
            // lazy: nothing runs until a pixel is read; reading one runs the network on one block
            RandomAccessibleInterval<FloatType> lazy = p.output("probability", AxisOrder.of("xy"));
            float v = lazy.randomAccess().setPositionAndGet(600, 200).get();
            out.printf("lazy: probability at (600, 200) = %.4f after %d block(s)%n", v, p.blocksPredicted());

            // eager: into a preallocated image, cell by cell
            ArrayImg<FloatType, ?> result = ArrayImgs.floats(image.dimensionsAsLongArray());
            p.predictInto(
                    "probability",
                    result,
                    AxisOrder.of("xy"),
                    (done, total) -> out.printf("eager: cell %d of %d%n", done, total));
            double sum = 0;
            for (FloatType t : result) {
                sum += t.get();
            }
            out.printf("eager: mean probability %.4f, %d blocks in all%n", sum / result.size(), p.blocksPredicted());
            return result;
        }
    }

    /**
     * The example input: 896 x 448 pixels of the test image, mirrored past its border.
     *
     * @param tile the test image
     * @return a lazy view
     */
    public static RandomAccessibleInterval<FloatType> input(RandomAccessibleInterval<FloatType> tile) {
        return Views.interval(Views.extendMirrorSingle(tile), new long[] {0, 0}, new long[] {895, 447});
    }
}
