package eu.riscale.modelhub.core.testing;

import eu.riscale.modelhub.core.inference.InferenceException;
import eu.riscale.modelhub.core.inference.PredictionOptions;
import eu.riscale.modelhub.core.inference.PredictionPipeline;
import eu.riscale.modelhub.core.inference.Tiling;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SDK's inference backend: the {@link PredictionPipeline} with one weights format and no tiling, so that the
 * whole sample goes through the network at once as in the reference's tests.
 */
final class PipelineBackend implements InferenceBackend {
    @Override
    public Optional<String> unavailableReason(ModelDescr model, WeightsFormat format) {
        return ModelTests.SDK_FORMATS.contains(format)
                ? Optional.empty()
                : Optional.of("no engine for " + format.id() + " weights in this SDK (it runs torchscript and onnx)");
    }

    @Override
    public Session open(ModelDescr model, ResourceRoot root, WeightsFormat format) throws IOException {
        PredictionPipeline pipeline;
        try {
            pipeline = PredictionPipeline.create(
                    model,
                    root,
                    PredictionOptions.of(b -> b.weightsPriority(List.of(format)).tiling(Tiling.none())));
        } catch (InferenceException e) {
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
            public void close() {
                pipeline.close();
            }
        };
    }
}
