package eu.riscale.modelhub.spec.weights;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The weights of the model in one or more formats.
 *
 * @param kerasHdf5 Keras HDF5 weights, or {@code null}
 * @param kerasV3 Keras 3 weights, or {@code null}
 * @param onnx ONNX weights, or {@code null}
 * @param pytorchStateDict PyTorch state-dict weights, or {@code null}
 * @param tensorflowJs TensorFlow.js weights, or {@code null}
 * @param tensorflowSavedModelBundle TensorFlow SavedModel weights, or {@code null}
 * @param torchscript TorchScript weights, or {@code null}
 */
public record WeightsDescr(
        @Valid @Nullable KerasHdf5WeightsDescr kerasHdf5,
        @Valid @Nullable KerasV3WeightsDescr kerasV3,
        @Valid @Nullable OnnxWeightsDescr onnx,
        @Valid @Nullable PytorchStateDictWeightsDescr pytorchStateDict,
        @Valid @Nullable TensorflowJsWeightsDescr tensorflowJs,
        @Valid @Nullable TensorflowSavedModelBundleWeightsDescr tensorflowSavedModelBundle,
        @Valid @Nullable TorchscriptWeightsDescr torchscript) {
    /**
     * The order in which the SDK prefers weights formats wherever it picks or lists entries (tests, model cards,
     * reviews): the formats it runs first (TorchScript, then ONNX), then the PyTorch state dict, then the TensorFlow
     * and Keras formats.
     */
    public static final List<WeightsFormat> PRIORITY = List.of(
            WeightsFormat.TORCHSCRIPT,
            WeightsFormat.ONNX,
            WeightsFormat.PYTORCH_STATE_DICT,
            WeightsFormat.TENSORFLOW_SAVED_MODEL_BUNDLE,
            WeightsFormat.KERAS_HDF5,
            WeightsFormat.KERAS_V3,
            WeightsFormat.TENSORFLOW_JS);

    /**
     * Creates the weights without a Keras 3 entry (the shape of format 0.5.7).
     *
     * @param kerasHdf5 Keras HDF5 weights, or {@code null}
     * @param onnx ONNX weights, or {@code null}
     * @param pytorchStateDict PyTorch state-dict weights, or {@code null}
     * @param tensorflowJs TensorFlow.js weights, or {@code null}
     * @param tensorflowSavedModelBundle TensorFlow SavedModel weights, or {@code null}
     * @param torchscript TorchScript weights, or {@code null}
     */
    public WeightsDescr(
            @Nullable KerasHdf5WeightsDescr kerasHdf5,
            @Nullable OnnxWeightsDescr onnx,
            @Nullable PytorchStateDictWeightsDescr pytorchStateDict,
            @Nullable TensorflowJsWeightsDescr tensorflowJs,
            @Nullable TensorflowSavedModelBundleWeightsDescr tensorflowSavedModelBundle,
            @Nullable TorchscriptWeightsDescr torchscript) {
        this(kerasHdf5, null, onnx, pytorchStateDict, tensorflowJs, tensorflowSavedModelBundle, torchscript);
    }

    /**
     * The entry of one format.
     *
     * @param format the weights format
     * @return the entry, or {@code null} when the description has none in that format
     */
    public @Nullable WeightsEntryDescr entry(WeightsFormat format) {
        switch (format) {
            case KERAS_HDF5:
                return kerasHdf5;
            case KERAS_V3:
                return kerasV3;
            case ONNX:
                return onnx;
            case PYTORCH_STATE_DICT:
                return pytorchStateDict;
            case TENSORFLOW_JS:
                return tensorflowJs;
            case TENSORFLOW_SAVED_MODEL_BUNDLE:
                return tensorflowSavedModelBundle;
            case TORCHSCRIPT:
                return torchscript;
        }
        throw new AssertionError(format);
    }

    /** {@return the entries present, in {@link #PRIORITY} order} */
    public List<WeightsEntryDescr> entries() {
        List<WeightsEntryDescr> out = new ArrayList<>();
        for (WeightsFormat f : PRIORITY) {
            WeightsEntryDescr e = entry(f);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@return the formats present, in {@link #PRIORITY} order} */
    public List<WeightsFormat> formats() {
        return entries().stream().map(WeightsEntryDescr::format).toList();
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.kerasHdf5 = kerasHdf5;
        b.kerasV3 = kerasV3;
        b.onnx = onnx;
        b.pytorchStateDict = pytorchStateDict;
        b.tensorflowJs = tensorflowJs;
        b.tensorflowSavedModelBundle = tensorflowSavedModelBundle;
        b.torchscript = torchscript;
        return b;
    }

    /** Builds a {@link WeightsDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable KerasHdf5WeightsDescr kerasHdf5;
        private @Nullable KerasV3WeightsDescr kerasV3;
        private @Nullable OnnxWeightsDescr onnx;
        private @Nullable PytorchStateDictWeightsDescr pytorchStateDict;
        private @Nullable TensorflowJsWeightsDescr tensorflowJs;
        private @Nullable TensorflowSavedModelBundleWeightsDescr tensorflowSavedModelBundle;
        private @Nullable TorchscriptWeightsDescr torchscript;

        private Builder() {}

        /**
         * Sets {@code keras_hdf5}.
         *
         * @param kerasHdf5 Keras HDF5 weights, or {@code null}
         * @return this builder
         */
        public Builder kerasHdf5(@Nullable KerasHdf5WeightsDescr kerasHdf5) {
            this.kerasHdf5 = kerasHdf5;
            return this;
        }

        /**
         * Sets {@code keras_v3}.
         *
         * @param kerasV3 Keras 3 weights, or {@code null}
         * @return this builder
         */
        public Builder kerasV3(@Nullable KerasV3WeightsDescr kerasV3) {
            this.kerasV3 = kerasV3;
            return this;
        }

        /**
         * Sets {@code onnx}.
         *
         * @param onnx ONNX weights, or {@code null}
         * @return this builder
         */
        public Builder onnx(@Nullable OnnxWeightsDescr onnx) {
            this.onnx = onnx;
            return this;
        }

        /**
         * Sets {@code pytorch_state_dict}.
         *
         * @param pytorchStateDict PyTorch state-dict weights, or {@code null}
         * @return this builder
         */
        public Builder pytorchStateDict(@Nullable PytorchStateDictWeightsDescr pytorchStateDict) {
            this.pytorchStateDict = pytorchStateDict;
            return this;
        }

        /**
         * Sets {@code tensorflow_js}.
         *
         * @param tensorflowJs TensorFlow.js weights, or {@code null}
         * @return this builder
         */
        public Builder tensorflowJs(@Nullable TensorflowJsWeightsDescr tensorflowJs) {
            this.tensorflowJs = tensorflowJs;
            return this;
        }

        /**
         * Sets {@code tensorflow_saved_model_bundle}.
         *
         * @param tensorflowSavedModelBundle TensorFlow SavedModel weights, or {@code null}
         * @return this builder
         */
        public Builder tensorflowSavedModelBundle(
                @Nullable TensorflowSavedModelBundleWeightsDescr tensorflowSavedModelBundle) {
            this.tensorflowSavedModelBundle = tensorflowSavedModelBundle;
            return this;
        }

        /**
         * Sets {@code torchscript}.
         *
         * @param torchscript TorchScript weights, or {@code null}
         * @return this builder
         */
        public Builder torchscript(@Nullable TorchscriptWeightsDescr torchscript) {
            this.torchscript = torchscript;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public WeightsDescr build() {
            return new WeightsDescr(
                    kerasHdf5, kerasV3, onnx, pytorchStateDict, tensorflowJs, tensorflowSavedModelBundle, torchscript);
        }
    }
}
