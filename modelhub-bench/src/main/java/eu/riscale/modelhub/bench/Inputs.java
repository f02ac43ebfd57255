package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The benchmark inputs: shapes written as {@code 1x3x2048x2048} with the axis ids of the matching model inputs, and
 * random tensors with a fixed seed (float32 uniform in [0, 1) scaled by a factor, uint8 uniform in [0, 255]), the same
 * distributions as {@code bench_numpy.py} draws.
 */
final class Inputs {
    /** The seed of every random tensor; a second tensor of a benchmark uses {@code SEED + 1}. */
    static final long SEED = 42;

    private Inputs() {}

    /** Parses {@code "1x3x2048x2048"}. */
    static int[] shape(String text) {
        return Arrays.stream(text.split("x")).mapToInt(Integer::parseInt).toArray();
    }

    /** Parses a dtype parameter such as {@code "uint8"}. */
    static DType dtype(String id) {
        return DType.fromId(id)
                .orElseThrow(() -> new IllegalArgumentException("dtype: found '" + id + "', expected a dtype id"));
    }

    /** The axis ids: {@code batch, channel, y, x} for 4 dimensions, {@code batch, channel, z, y, x} for 5. */
    static List<String> axes(int[] shape) {
        switch (shape.length) {
            case 4:
                return List.of("batch", "channel", "y", "x");
            case 5:
                return List.of("batch", "channel", "z", "y", "x");
            default:
                throw new IllegalArgumentException(
                        "shape: found " + shape.length + " dimensions, expected 4 (bcyx) or 5 (bczyx)");
        }
    }

    /** The spatial axes ({@code y, x} or {@code z, y, x}): per-sample, per-channel statistics reduce over these. */
    static Set<String> spatialAxes(int[] shape) {
        return shape.length == 5 ? Set.of("z", "y", "x") : Set.of("y", "x");
    }

    /**
     * A random tensor of {@code shape}.
     *
     * @param dtype {@link DType#FLOAT32} (uniform in [0, scale)) or {@link DType#UINT8} (uniform in [0, 255])
     */
    static Tensor random(String shape, DType dtype, long seed, float scale) {
        int[] s = shape(shape);
        int n = Math.toIntExact(Arrays.stream(s).asLongStream().reduce(1, Math::multiplyExact));
        SplittableRandom random = new SplittableRandom(seed);
        switch (dtype) {
            case FLOAT32:
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = random.nextFloat() * scale;
                }
                return Tensor.of(f, s, axes(s));
            case UINT8:
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
                return Tensor.of(DType.UINT8, b, s, axes(s));
            default:
                throw new IllegalArgumentException("dtype: found " + dtype + ", expected float32 or uint8");
        }
    }

    /** A random float32 tensor uniform in [0, 1). */
    static Tensor random(String shape, long seed) {
        return random(shape, DType.FLOAT32, seed, 1);
    }
}
