package eu.riscale.modelhub.core.authoring;

import eu.riscale.modelhub.core.image.Images;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.tensor.DType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Renders cover images from a model's first test input and first test output, and records them in the description.
 *
 * <p>Each tensor is reduced to a 2D view: the axes {@code y} and {@code x} (or else the last two space axes with more
 * than one element) are shown, every other axis is cut at its middle (the middle z slice, time point, batch or index
 * element). A channel axis becomes colour: one channel is gray, two are magenta and green, three or more give the first
 * three as red, green and blue. Each channel is contrast stretched between two percentiles ({@link CoverOptions}).
 * Input and output are put side by side or split along the diagonal ({@link CoverLayout}) into one PNG of aspect ratio
 * 2:1, 800 × 400 by default, which the hub asks for; when the PNG would be above {@link #MAX_BYTES} the width is reduced
 * until it fits.
 *
 * <pre>{@code
 * try (ResourceRoot root = ResourceRoot.open(modelDir)) {
 *     List<Path> covers = Covers.generate(model, root, modelDir);
 *     model = Covers.record(model, modelDir, covers);
 * }
 * }</pre>
 */
public final class Covers {
    /** The largest cover file the hub asks for, 500 KB. */
    public static final long MAX_BYTES = 500 * 1024;

    /** The file name of the generated cover. */
    public static final String FILE_NAME = "cover.png";

    private Covers() {}

    /**
     * Renders the cover with the {@link CoverOptions#defaults() default options}.
     *
     * @param model the description, whose first input and output have test tensors
     * @param root where the test tensors are resolved
     * @param dir the folder to write {@value #FILE_NAME} into (created if needed)
     * @return the written covers (one file)
     * @throws IOException when a test tensor cannot be read or the image cannot be written
     * @throws IllegalArgumentException when a test tensor is missing or has no 2D view, naming its field
     */
    public static List<Path> generate(ModelDescr model, ResourceRoot root, Path dir) throws IOException {
        return generate(model, root, dir, CoverOptions.defaults());
    }

    /**
     * Renders the cover.
     *
     * @param model the description, whose first input and output have test tensors
     * @param root where the test tensors are resolved
     * @param dir the folder to write {@value #FILE_NAME} into (created if needed)
     * @param options layout, size and contrast
     * @return the written covers (one file)
     * @throws IOException when a test tensor cannot be read or the image cannot be written
     * @throws IllegalArgumentException when a test tensor is missing or has no 2D view, naming its field
     */
    public static List<Path> generate(ModelDescr model, ResourceRoot root, Path dir, CoverOptions options)
            throws IOException {
        Objects.requireNonNull(options, "options");
        if (model.inputs().isEmpty() || model.outputs().isEmpty()) {
            throw new IllegalArgumentException("inputs, outputs: a cover needs at least one input and one output");
        }
        String inWhere = "inputs[0].test_tensor";
        String outWhere = "outputs[0].test_tensor";
        Tensor input = load(root, model.inputs().get(0).testTensor(), inWhere);
        Tensor output = load(root, model.outputs().get(0).testTensor(), outWhere);
        View2d in = View2d.of(
                input, model.inputs().get(0).axes(), inWhere, options.lowerPercentile(), options.upperPercentile());
        View2d out = View2d.of(
                output, model.outputs().get(0).axes(), outWhere, options.lowerPercentile(), options.upperPercentile());
        Path file = dir.resolve(FILE_NAME);
        CoverOptions o = options;
        while (true) {
            Images.write(compose(in, out, o), file);
            if (Files.size(file) <= MAX_BYTES || o.width() <= 128) {
                return List.of(file);
            }
            o = o.withWidth(Math.max(128, (o.width() * 3 / 4) & ~1));
        }
    }

    private static Tensor load(ResourceRoot root, @Nullable FileDescr file, String where) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException(where + ": missing; covers are rendered from the test tensors");
        }
        FileSource source = root.resolve(file.source());
        try (InputStream in = source.open()) {
            return Npy.read(in, where + " (" + source.location() + ")");
        }
    }

    /**
     * Renders a cover from an input and an output tensor, without any I/O.
     *
     * @param input the input tensor, one dimension per described axis
     * @param inputAxes the input's axes as described
     * @param output the output tensor, one dimension per described axis
     * @param outputAxes the output's axes as described
     * @param options layout, size and contrast
     * @return a uint8 tensor with axes {@code channel} (red, green, blue), {@code y}, {@code x}, as
     *     {@link Images#write} takes it
     * @throws IllegalArgumentException when a tensor does not match its axes or has no 2D view
     */
    public static Tensor render(
            Tensor input,
            List<? extends Axis> inputAxes,
            Tensor output,
            List<? extends Axis> outputAxes,
            CoverOptions options) {
        View2d in = View2d.of(input, inputAxes, "input", options.lowerPercentile(), options.upperPercentile());
        View2d out = View2d.of(output, outputAxes, "output", options.lowerPercentile(), options.upperPercentile());
        return compose(in, out, options);
    }

    private static Tensor compose(View2d in, View2d out, CoverOptions options) {
        CoverLayout layout = options.layout();
        if (layout == CoverLayout.AUTO) {
            layout = in.height == out.height && in.width == out.width ? CoverLayout.DIAGONAL : CoverLayout.SIDE_BY_SIDE;
        }
        int w = options.width();
        int h = options.height();
        byte[] pixels = new byte[3 * w * h];
        if (layout == CoverLayout.DIAGONAL) {
            Placement pin = Placement.cover(in, w, h, 0);
            Placement pout = Placement.cover(out, w, h, 0);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    // the diagonal from the top-left to the bottom-right corner; input below it
                    long side = (long) y * w - (long) x * h;
                    if (Math.abs(side) < w) {
                        set(pixels, w, h, y, x, 1f, 1f, 1f);
                    } else {
                        paint(pixels, w, h, y, x, side > 0 ? in : out, side > 0 ? pin : pout);
                    }
                }
            }
        } else {
            int half = w / 2;
            Placement pin = Placement.fit(in, half, h, 0);
            Placement pout = Placement.fit(out, half, h, half);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (x == half - 1 || x == half) {
                        set(pixels, w, h, y, x, 1f, 1f, 1f);
                    } else if (x < half) {
                        paint(pixels, w, h, y, x, in, pin);
                    } else {
                        paint(pixels, w, h, y, x, out, pout);
                    }
                }
            }
        }
        return Tensor.of(DType.UINT8, pixels, new int[] {3, h, w}, List.of("channel", "y", "x"));
    }

    private static void paint(byte[] pixels, int w, int h, int y, int x, View2d v, Placement p) {
        double y0 = (y - p.top) / p.scale;
        double y1 = (y + 1 - p.top) / p.scale;
        double x0 = (x - p.left) / p.scale;
        double x1 = (x + 1 - p.left) / p.scale;
        if (y1 <= 0 || x1 <= 0 || y0 >= v.height || x0 >= v.width) {
            return; // outside the image: black
        }
        set(pixels, w, h, y, x, v.sample(0, y0, x0, y1, x1), v.sample(1, y0, x0, y1, x1), v.sample(2, y0, x0, y1, x1));
    }

    private static void set(byte[] pixels, int w, int h, int y, int x, float r, float g, float b) {
        int i = y * w + x;
        pixels[i] = (byte) Math.round(r * 255);
        pixels[w * h + i] = (byte) Math.round(g * 255);
        pixels[2 * w * h + i] = (byte) Math.round(b * 255);
    }

    /** Where an image lands on the canvas: its top-left corner and scale. */
    private static final class Placement {
        final double top;
        final double left;
        final double scale;

        private Placement(double top, double left, double scale) {
            this.top = top;
            this.left = left;
            this.scale = scale;
        }

        /** Scaled to fill a {@code w × h} box, cropping the centre; the box starts at column {@code x0}. */
        static Placement cover(View2d v, int w, int h, int x0) {
            double s = Math.max((double) w / v.width, (double) h / v.height);
            return new Placement((h - v.height * s) / 2, x0 + (w - v.width * s) / 2, s);
        }

        /** Scaled to fit into a {@code w × h} box, centred; the box starts at column {@code x0}. */
        static Placement fit(View2d v, int w, int h, int x0) {
            double s = Math.min((double) w / v.width, (double) h / v.height);
            return new Placement((h - v.height * s) / 2, x0 + (w - v.width * s) / 2, s);
        }
    }

    /**
     * Returns the description with its covers replaced by the given files, written as paths relative to the folder of
     * the description file (with {@code /} separators).
     *
     * @param model the description
     * @param descriptionDir the folder the description file is (or will be) in
     * @param covers the cover files, inside that folder
     * @return the updated description
     * @throws IllegalArgumentException when a cover lies outside the folder
     */
    public static ModelDescr record(ModelDescr model, Path descriptionDir, List<Path> covers) {
        Path base = descriptionDir.toAbsolutePath().normalize();
        List<FileDescr> refs = new ArrayList<>();
        for (Path c : covers) {
            Path abs = c.toAbsolutePath().normalize();
            if (!abs.startsWith(base)) {
                throw new IllegalArgumentException(
                        "covers: " + c + " is outside the description's folder " + base + "; write covers there");
            }
            refs.add(FileDescr.of(base.relativize(abs).toString().replace('\\', '/')));
        }
        return model.toBuilder().covers(refs).build();
    }
}
