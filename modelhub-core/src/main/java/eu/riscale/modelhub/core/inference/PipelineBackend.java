package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.core.inference.internal.NativeEngine;
import eu.riscale.modelhub.core.op.Processing;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The model tests' {@link InferenceBackend} on top of {@link PredictionPipeline}: one weights format, no tiling, CPU
 * unless made with {@link #create(boolean)}.
 *
 * <pre>{@code
 * TestSummary s = ModelTests.test(source, TestOptions.builder().backend(PipelineBackend.create()).build());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class PipelineBackend implements InferenceBackend {
    private final boolean gpu;

    private PipelineBackend(boolean gpu) {
        this.gpu = gpu;
    }

    /** {@return the backend, on the CPU} */
    public static InferenceBackend create() {
        return new PipelineBackend(false);
    }

    /**
     * Makes the backend for a device.
     *
     * @param gpu whether to use the first GPU when the engine reports one ({@link PredictionOptions.Builder#gpu})
     * @return the backend
     */
    public static InferenceBackend create(boolean gpu) {
        return new PipelineBackend(gpu);
    }

    /** {@inheritDoc} */
    @Override
    public Optional<String> unavailableReason(ModelDescr model, WeightsFormat format) {
        Optional<String> processing = Processing.unsupported(model);
        if (processing.isPresent()) {
            return processing;
        }
        if (format == WeightsFormat.KERAS_V3) {
            return Optional.of("not supported by this SDK: keras_v3 weights need Keras 3 (Python); this SDK runs "
                    + WeightsSelection.RUNNABLE);
        }
        NativeEngine engine = engineOf(format);
        if (engine == null) {
            return Optional.of("no Java engine runs " + format + " (this SDK runs " + WeightsSelection.RUNNABLE + ")");
        }
        try {
            engine.engine();
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Starts the engines of the formats this SDK runs (PyTorch, ONNX Runtime) on a daemon thread: loading their natives
     * takes a second or more, which then overlaps the caller's format and file checks.
     */
    @Override
    public void prepare(Set<WeightsFormat> formats) {
        List<NativeEngine> engines = formats.stream()
                .map(PipelineBackend::engineOf)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        // one thread per engine: their natives load at the same time (DJL starts each engine under its own lock)
        for (NativeEngine engine : engines) {
            Thread start = new Thread(
                    () -> {
                        try {
                            engine.engine();
                        } catch (RuntimeException e) {
                            // reported by unavailableReason when the format is asked for
                        }
                    },
                    "modelhub-engine-start-" + engine.djlName());
            start.setDaemon(true);
            start.start();
        }
    }

    private static @Nullable NativeEngine engineOf(WeightsFormat format) {
        return switch (format) {
            case TORCHSCRIPT -> NativeEngine.PYTORCH;
            case ONNX -> NativeEngine.ONNX_RUNTIME;
            default -> null;
        };
    }

    /** {@inheritDoc} */
    @Override
    public Session open(ModelDescr model, ResourceRoot root, WeightsFormat format) throws IOException {
        return open(model, root, format, Tiling.none());
    }

    /** {@inheritDoc} */
    @Override
    public Session openBlockwise(ModelDescr model, ResourceRoot root, WeightsFormat format, int sizeParameter)
            throws IOException {
        return open(model, root, format, Tiling.sizeParameter(sizeParameter));
    }

    private Session open(ModelDescr model, ResourceRoot root, WeightsFormat format, Tiling tiling) throws IOException {
        PredictionOptions options = PredictionOptions.of(
                b -> b.weightsPriority(List.of(format)).tiling(tiling).gpu(gpu));
        PredictionPipeline pipeline;
        try {
            pipeline = PredictionPipeline.create(model, root, options);
        } catch (UnsupportedWeightsException | UnsupportedProcessingException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Session() {
            @Override
            public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws IOException {
                try {
                    return pipeline.predict(inputs);
                } catch (InferenceException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public Optional<EngineVersion> engine() {
                return Optional.of(new EngineVersion(pipeline.engineName(), pipeline.engineVersion()));
            }

            @Override
            public String device() {
                return pipeline.device();
            }

            @Override
            public void close() {
                pipeline.close();
            }
        };
    }
}
