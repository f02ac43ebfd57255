package eu.riscale.modelhub.imglib2;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.op.Processing;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in model for the lazy prediction tests: uint8 input {@code raw} (batch, one channel, y and x of min 64 step
 * 16) normalised with {@code zero_mean_unit_variance} over the sample, a "network" that is a 3x3 mean filter, output
 * {@code out} with halo 8 on y and x, and sigmoid postprocessing. The halo exceeds the filter radius, so the tiled
 * prediction equals the filter applied to the whole normalised image with reflect borders, which {@link #expected}
 * computes independently.
 */
final class BoxFilterModel {
    static final String YAML = """
            format_version: 0.5.7
            type: model
            name: box filter
            description: a 3x3 mean filter standing in for a network
            authors: [{name: Test Author}]
            cite: [{text: a paper, doi: 10.1234/abcd}]
            license: MIT
            documentation: README.md
            inputs:
              - id: raw
                axes:
                  - type: batch
                  - type: channel
                    channel_names: [c]
                  - type: space
                    id: y
                    size: {min: 64, step: 16}
                  - type: space
                    id: x
                    size: {min: 64, step: 16}
                test_tensor: {source: in.npy}
                data: {type: uint8}
                preprocessing:
                  - id: ensure_dtype
                    kwargs: {dtype: float32}
                  - id: zero_mean_unit_variance
                    kwargs: {axes: [y, x]}
                  - id: ensure_dtype
                    kwargs: {dtype: float32}
            outputs:
              - id: out
                axes:
                  - type: batch
                  - type: channel
                    channel_names: [p]
                  - type: space
                    id: y
                    size: {tensor_id: raw, axis_id: y}
                    halo: 8
                  - type: space
                    id: x
                    size: {tensor_id: raw, axis_id: x}
                    halo: 8
                test_tensor: {source: out.npy}
                data: {type: float32}
                postprocessing:
                  - id: sigmoid
            weights:
              onnx:
                source: weights.onnx
                opset_version: 15
            """;

    private BoxFilterModel() {}

    static ModelDescr model() throws Exception {
        return Descriptions.parse(YAML);
    }

    static ModelDescr model(String yaml) throws Exception {
        return Descriptions.parse(yaml);
    }

    /** Random uint8 pixels, row-major y then x. */
    static byte[] pixels(int ny, int nx, long seed) {
        byte[] b = new byte[ny * nx];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** The prediction computed directly: normalise with whole-image statistics, 3x3 mean with reflect, sigmoid. */
    static float expected(byte[] px, int ny, int nx, double mean, double std, int y, int x) {
        double sum = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int yy = reflect(y + dy, ny);
                int xx = reflect(x + dx, nx);
                sum += ((px[yy * nx + xx] & 0xFF) - mean) / (std + 1e-6);
            }
        }
        return (float) (1 / (1 + Math.exp(-sum / 9)));
    }

    /** numpy's "reflect" (no edge repeat). */
    private static int reflect(int i, int n) {
        return i < 0 ? -i : i >= n ? 2 * n - 2 - i : i;
    }

    /** {mean, population std} of the pixels. */
    static double[] moments(byte[] px) {
        double s = 0;
        for (byte b : px) {
            s += b & 0xFF;
        }
        double mean = s / px.length;
        double ss = 0;
        for (byte b : px) {
            double d = (b & 0xFF) - mean;
            ss += d * d;
        }
        return new double[] {mean, Math.sqrt(ss / px.length)};
    }

    /**
     * A backend whose session runs the derived description's processing around the mean filter and counts its calls.
     */
    static final class Backend implements InferenceBackend {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger opened = new AtomicInteger();
        volatile long delayMillis;
        volatile boolean fail;

        @Override
        public Optional<String> unavailableReason(ModelDescr model, WeightsFormat format) {
            return Optional.empty();
        }

        @Override
        public Session open(ModelDescr model, ResourceRoot root, WeightsFormat format) {
            opened.incrementAndGet();
            return new Session() {
                @Override
                public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws IOException {
                    calls.incrementAndGet();
                    if (fail) {
                        throw new IOException("stand-in network failure");
                    }
                    if (delayMillis > 0) {
                        try {
                            Thread.sleep(delayMillis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    Sample ready = Processing.preprocessing(model).apply(Sample.of(inputs));
                    Tensor in = ready.tensor("raw");
                    Tensor net = filter(in);
                    Sample out = Processing.postprocessing(model).apply(Sample.of(Map.of("out", net)));
                    return out.tensors();
                }

                @Override
                public void close() {}
            };
        }

        /** 3x3 mean over [1, 1, Y, X] float32, edges clamped (the halo crops them away). */
        private static Tensor filter(Tensor in) {
            int[] s = in.shape();
            int ny = s[2];
            int nx = s[3];
            float[] v = in.toFloatArray();
            float[] o = new float[v.length];
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double sum = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = Math.min(ny - 1, Math.max(0, y + dy));
                            int xx = Math.min(nx - 1, Math.max(0, x + dx));
                            sum += v[yy * nx + xx];
                        }
                    }
                    o[y * nx + x] = (float) (sum / 9);
                }
            }
            return Tensor.of(o, s, List.of("batch", "channel", "y", "x"));
        }
    }
}
