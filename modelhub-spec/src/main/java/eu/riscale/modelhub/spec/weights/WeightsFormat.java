package eu.riscale.modelhub.spec.weights;

import java.util.Optional;

/** The seven weights formats, with their keys in the {@code weights} section ({@code keras_v3} since format 0.5.8). */
public enum WeightsFormat {
    /** Keras HDF5. */
    KERAS_HDF5("keras_hdf5"),
    /** Keras 3 ({@code .keras} file, format 0.5.8). */
    KERAS_V3("keras_v3"),
    /** ONNX. */
    ONNX("onnx"),
    /** PyTorch state dict. */
    PYTORCH_STATE_DICT("pytorch_state_dict"),
    /** TensorFlow.js. */
    TENSORFLOW_JS("tensorflow_js"),
    /** TensorFlow SavedModel bundle. */
    TENSORFLOW_SAVED_MODEL_BUNDLE("tensorflow_saved_model_bundle"),
    /** TorchScript. */
    TORCHSCRIPT("torchscript");

    private final String id;

    WeightsFormat(String id) {
        this.id = id;
    }

    /** {@return the key used in descriptions, for example {@code "torchscript"}} */
    public String id() {
        return id;
    }

    /**
     * Looks a format up by its key.
     *
     * @param id the key as written in a description
     * @return the format, or empty if the key is not one of the seven formats
     */
    public static Optional<WeightsFormat> fromId(String id) {
        for (WeightsFormat f : values()) {
            if (f.id.equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
