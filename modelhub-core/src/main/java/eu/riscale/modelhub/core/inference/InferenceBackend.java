package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the model tests need from inference: whether a weights format can run here, and a session that predicts
 * outputs from inputs through the whole pipeline (preprocessing, the network, postprocessing), without tiling.
 *
 * <p>The model tests ({@code core.modeltest.ModelTests}) use the SDK's prediction pipeline ({@link PipelineBackend})
 * unless their options name another backend, for example a stand-in in tests or {@link #unavailable(String)}. The
 * interface lives with inference, so that the model tests depend on inference and not the other way round.
 * Implementations must be thread-safe.
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
     * A hint that weights of these formats will be opened soon: a backend may start its engines in the background, so
     * that their start-up overlaps the caller's other work (the model tests give it before their format check). It
     * returns at once and never throws; a problem shows when the format is asked for. The default does nothing.
     *
     * @param formats the formats likely to be opened
     */
    default void prepare(Set<WeightsFormat> formats) {}

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

    /**
     * Loads the weights of one format for blockwise prediction: samples are split into blocks of size parameter
     * {@code n} ({@code min + n * step} along every parameterized axis) with the halo the outputs declare, and the
     * blocks' inner regions are stitched. Used by the opt-in block-artifact check.
     *
     * @param model the description
     * @param root where the description's files are
     * @param format the weights format
     * @param sizeParameter the block size parameter n, at least 0
     * @return a session; close it to free native memory
     * @throws IOException when the weights cannot be read or loaded
     * @throws UnsupportedOperationException when this backend does not predict in blocks (the default)
     */
    default Session openBlockwise(ModelDescr model, ResourceRoot root, WeightsFormat format, int sizeParameter)
            throws IOException {
        throw new UnsupportedOperationException("this inference backend does not predict in blocks");
    }

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

        /**
         * {@return the engine that runs the weights and its version, for example {@code PyTorch 2.7.1}, recorded in
         * the test summary's environment and compared with the version in the weights entry; empty when unknown}
         */
        default Optional<EngineVersion> engine() {
            return Optional.empty();
        }

        /** {@return the device the weights run on, for example {@code cpu()}; {@code unknown} by default} */
        default String device() {
            return "unknown";
        }

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
