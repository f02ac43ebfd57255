package eu.riscale.modelhub.spec.tensor;

import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.constraint.Identifier;
import eu.riscale.modelhub.spec.constraint.ResourceId;
import eu.riscale.modelhub.spec.op.PreprocessingDescr;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An input tensor of the model.
 *
 * @param id the tensor id (default {@code input})
 * @param description a description (default empty)
 * @param axes the axes, in memory order
 * @param testTensor the {@code .npy} test input, or {@code null}
 * @param sampleTensor an image showing a sample input, or {@code null}
 * @param data the description of the values (default float32, unbounded)
 * @param optional whether the tensor may be omitted
 * @param preprocessing the preprocessing steps, in order
 * @param pad how the tensor is padded for whole-sample prediction, or {@code null} (format 0.5.10)
 * @param outputOf the id of the model whose output this input is, or {@code null} (format 0.5.12)
 */
public record InputTensorDescr(
        @Identifier(lowerCase = true, maxLength = 32) String id,

        @Size(max = 128, message = "must be at most 128 characters long")
        String description,

        @Size(min = 1, message = "at least one axis is required")
        List<@Valid InputAxis> axes,

        @Valid @Nullable FileDescr testTensor,
        @Valid @Nullable FileDescr sampleTensor,
        @Valid TensorData data,
        boolean optional,
        List<@Valid PreprocessingDescr> preprocessing,
        @Nullable Padding pad,
        @ResourceId @Nullable String outputOf) {
    /** The tensor id when none is given. */
    public static final String DEFAULT_ID = "input";

    /**
     * Checks that required components are present and copies collections.
     *
     * @param id the tensor id (default {@code input})
     * @param description a description (default empty)
     * @param axes the axes, in memory order
     * @param testTensor the {@code .npy} test input, or {@code null}
     * @param sampleTensor an image showing a sample input, or {@code null}
     * @param data the description of the values (default float32, unbounded)
     * @param optional whether the tensor may be omitted
     * @param preprocessing the preprocessing steps, in order
     * @param pad how the tensor is padded for whole-sample prediction, or {@code null}
     * @param outputOf the id of the model whose output this input is, or {@code null}
     * @throws NullPointerException if a required component is {@code null}
     */
    public InputTensorDescr {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        axes = List.copyOf(Objects.requireNonNull(axes, "axes"));
        Objects.requireNonNull(data, "data");
        preprocessing = List.copyOf(Objects.requireNonNull(preprocessing, "preprocessing"));
    }

    /**
     * Creates an input tensor without {@code pad} and {@code output_of} (the shape of format 0.5.7).
     *
     * @param id the tensor id
     * @param description a description
     * @param axes the axes, in memory order
     * @param testTensor the {@code .npy} test input, or {@code null}
     * @param sampleTensor an image showing a sample input, or {@code null}
     * @param data the description of the values
     * @param optional whether the tensor may be omitted
     * @param preprocessing the preprocessing steps, in order
     */
    public InputTensorDescr(
            String id,
            String description,
            List<InputAxis> axes,
            @Nullable FileDescr testTensor,
            @Nullable FileDescr sampleTensor,
            TensorData data,
            boolean optional,
            List<PreprocessingDescr> preprocessing) {
        this(id, description, axes, testTensor, sampleTensor, data, optional, preprocessing, null, null);
    }

    /**
     * The processing steps as the reference runs them: the declared {@code preprocessing} with the implicit {@code
     * ensure_dtype} steps of the reference (A.4) inserted. An {@code ensure_dtype(data.type)} is prepended unless the first step is an {@code ensure_dtype}, and one is appended unless the (new) last step is an {@code ensure_dtype} or a {@code binarize}; with no declared steps the result is a single {@code ensure_dtype}.
     *
     * @return the effective steps, never empty
     */
    public List<PreprocessingDescr> effectivePreprocessing() {
        return ImplicitProcessing.preprocessing(preprocessing, data);
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.description = description;
        b.axes = axes;
        b.testTensor = testTensor;
        b.sampleTensor = sampleTensor;
        b.data = data;
        b.optional = optional;
        b.preprocessing = preprocessing;
        b.pad = pad;
        b.outputOf = outputOf;
        return b;
    }

    /** Builds a {@link InputTensorDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private String id = DEFAULT_ID;
        private String description = "";
        private @Nullable List<InputAxis> axes;
        private @Nullable FileDescr testTensor;
        private @Nullable FileDescr sampleTensor;
        private TensorData data = IntervalOrRatioDataDescr.DEFAULT;
        private Boolean optional = false;
        private List<PreprocessingDescr> preprocessing = List.of();
        private @Nullable Padding pad;
        private @Nullable String outputOf;

        private Builder() {}

        /**
         * Sets {@code id}.
         *
         * @param id the tensor id (default {@code input})
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code description}.
         *
         * @param description a description (default empty)
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets {@code axes}.
         *
         * @param axes the axes, in memory order
         * @return this builder
         */
        public Builder axes(List<InputAxis> axes) {
            this.axes = Objects.requireNonNull(axes, "axes");
            return this;
        }

        /**
         * Sets {@code axes}.
         *
         * @param axes the axes, in memory order
         * @return this builder
         */
        public Builder axes(InputAxis... axes) {
            return axes(List.of(axes));
        }

        /**
         * Sets {@code test_tensor}.
         *
         * @param testTensor the {@code .npy} test input, or {@code null}
         * @return this builder
         */
        public Builder testTensor(@Nullable FileDescr testTensor) {
            this.testTensor = testTensor;
            return this;
        }

        /**
         * Sets {@code sample_tensor}.
         *
         * @param sampleTensor an image showing a sample input, or {@code null}
         * @return this builder
         */
        public Builder sampleTensor(@Nullable FileDescr sampleTensor) {
            this.sampleTensor = sampleTensor;
            return this;
        }

        /**
         * Sets {@code data}.
         *
         * @param data the description of the values (default float32, unbounded)
         * @return this builder
         */
        public Builder data(TensorData data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /**
         * Sets {@code optional}.
         *
         * @param optional whether the tensor may be omitted
         * @return this builder
         */
        public Builder optional(boolean optional) {
            this.optional = optional;
            return this;
        }

        /**
         * Sets {@code preprocessing}.
         *
         * @param preprocessing the preprocessing steps, in order
         * @return this builder
         */
        public Builder preprocessing(List<PreprocessingDescr> preprocessing) {
            this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
            return this;
        }

        /**
         * Sets {@code preprocessing}.
         *
         * @param preprocessing the preprocessing steps, in order
         * @return this builder
         */
        public Builder preprocessing(PreprocessingDescr... preprocessing) {
            return preprocessing(List.of(preprocessing));
        }

        /**
         * Sets {@code pad}.
         *
         * @param pad how the tensor is padded for whole-sample prediction, or {@code null}
         * @return this builder
         */
        public Builder pad(@Nullable Padding pad) {
            this.pad = pad;
            return this;
        }

        /**
         * Sets {@code output_of}.
         *
         * @param outputOf the id of the model whose output this input is, or {@code null}
         * @return this builder
         */
        public Builder outputOf(@Nullable String outputOf) {
            this.outputOf = outputOf;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public InputTensorDescr build() {
            List<String> missing = new ArrayList<>();
            if (axes == null) {
                missing.add("axes");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "InputTensorDescr: missing required fields: " + String.join(", ", missing));
            }
            return new InputTensorDescr(
                    id, description, axes, testTensor, sampleTensor, data, optional, preprocessing, pad, outputOf);
        }
    }
}
