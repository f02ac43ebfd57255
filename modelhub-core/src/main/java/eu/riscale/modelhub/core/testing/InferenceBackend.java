package eu.riscale.modelhub.core.testing;

import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model tests need from inference: whether a weights format can run here, and a session that predicts
 * outputs from inputs through the whole pipeline (preprocessing, the network, postprocessing), without tiling.
 *
 * <p>{@link ModelTests} uses the SDK's prediction pipeline ({@link ModelTests#defaultBackend()}) unless {@link
 * TestOptions} names another backend, for example a stand-in in tests or {@link #unavailable(String)}. Implementations
 * must be thread-safe.
 */
public interface InferenceBackend {
    /**
     * Tells why a weights format cannot run here.
     *
     * @param model the description
     * @param format a weights format present in the description
     * @return the reason, or empty when the format can run
     */
    Optional<String> unavailableReason(ModelDescr model, WeightsFormat format);

    /**
     * Loads the weights of one format.
     *
     * @param model the description
     * @param root where the description's files are
     * @param format the weights format, one for which {@link #unavailableReason} is empty
     * @return a session; close it to free native memory
     * @throws IOException when the weights cannot be read or loaded
     */
    Session open(ModelDescr model, ResourceRoot root, WeightsFormat format) throws IOException;

    /** A loaded model. */
    interface Session extends AutoCloseable {
        /**
         * Predicts one sample.
         *
         * @param inputs the input tensors by tensor id, with the described axis ids
         * @return the output tensors by tensor id, with the described axis ids
         * @throws IOException when inference fails
         */
        Map<String, Tensor> predict(Map<String, Tensor> inputs) throws IOException;

        /** Frees the loaded model; idempotent. */
        @Override
        void close();
    }

    /**
     * A backend that runs nothing: every format is skipped with the given reason.
     *
     * @param reason why nothing can run, for example {@code inference not available}
     * @return the backend
     */
    static InferenceBackend unavailable(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new InferenceBackend() {
            @Override
            public Optional<String> unavailableReason(ModelDescr model, WeightsFormat format) {
                return Optional.of(reason);
            }

            @Override
            public Session open(ModelDescr model, ResourceRoot root, WeightsFormat format) throws IOException {
                throw new IOException(reason);
            }
        };
    }
}
