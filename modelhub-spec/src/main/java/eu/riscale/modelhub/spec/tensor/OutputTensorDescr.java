package eu.riscale.modelhub.spec.tensor;

import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.constraint.Identifier;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An output tensor of the model.
 *
 * @param id the tensor id (default {@code output})
 * @param description a description (default empty)
 * @param axes the axes, in memory order
 * @param testTensor the {@code .npy} expected output, or {@code null}
 * @param sampleTensor an image showing a sample output, or {@code null}
 * @param data the description of the values (default float32, unbounded)
 * @param postprocessing the postprocessing steps, in order
 */
public record OutputTensorDescr(
        @Identifier(lowerCase = true, maxLength = 32) String id,

        @Size(max = 128, message = "must be at most 128 characters long")
        String description,

        @Size(min = 1, message = "at least one axis is required")
        List<@Valid OutputAxis> axes,

        @Valid @Nullable FileDescr testTensor,
        @Valid @Nullable FileDescr sampleTensor,
        @Valid TensorData data,
        List<@Valid PostprocessingDescr> postprocessing) {
    /** The tensor id when none is given. */
    public static final String DEFAULT_ID = "output";

    /**
     * Checks that required components are present and copies collections.
     *
     * @param id the tensor id (default {@code output})
     * @param description a description (default empty)
     * @param axes the axes, in memory order
     * @param testTensor the {@code .npy} expected output, or {@code null}
     * @param sampleTensor an image showing a sample output, or {@code null}
     * @param data the description of the values (default float32, unbounded)
     * @param postprocessing the postprocessing steps, in order
     * @throws NullPointerException if a required component is {@code null}
     */
    public OutputTensorDescr {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        axes = List.copyOf(Objects.requireNonNull(axes, "axes"));
        Objects.requireNonNull(data, "data");
        postprocessing = List.copyOf(Objects.requireNonNull(postprocessing, "postprocessing"));
    }

    /**
     * The processing steps as the reference runs them: the declared {@code postprocessing} with the implicit {@code
     * ensure_dtype} steps of the reference (A.4) inserted. An {@code ensure_dtype(data.type)} is appended unless the last step is an {@code ensure_dtype} or a {@code binarize}.
     *
     * @return the effective steps, never empty
     */
    public List<PostprocessingDescr> effectivePostprocessing() {
        return ImplicitProcessing.postprocessing(postprocessing, data);
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
        b.postprocessing = postprocessing;
        return b;
    }

    /** Builds a {@link OutputTensorDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private String id = DEFAULT_ID;
        private String description = "";
        private @Nullable List<OutputAxis> axes;
        private @Nullable FileDescr testTensor;
        private @Nullable FileDescr sampleTensor;
        private TensorData data = IntervalOrRatioDataDescr.DEFAULT;
        private List<PostprocessingDescr> postprocessing = List.of();

        private Builder() {}

        /**
         * Sets {@code id}.
         *
         * @param id the tensor id (default {@code output})
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
        public Builder axes(List<OutputAxis> axes) {
            this.axes = Objects.requireNonNull(axes, "axes");
            return this;
        }

        /**
         * Sets {@code axes}.
         *
         * @param axes the axes, in memory order
         * @return this builder
         */
        public Builder axes(OutputAxis... axes) {
            return axes(List.of(axes));
        }

        /**
         * Sets {@code test_tensor}.
         *
         * @param testTensor the {@code .npy} expected output, or {@code null}
         * @return this builder
         */
        public Builder testTensor(@Nullable FileDescr testTensor) {
            this.testTensor = testTensor;
            return this;
        }

        /**
         * Sets {@code sample_tensor}.
         *
         * @param sampleTensor an image showing a sample output, or {@code null}
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
         * Sets {@code postprocessing}.
         *
         * @param postprocessing the postprocessing steps, in order
         * @return this builder
         */
        public Builder postprocessing(List<PostprocessingDescr> postprocessing) {
            this.postprocessing = Objects.requireNonNull(postprocessing, "postprocessing");
            return this;
        }

        /**
         * Sets {@code postprocessing}.
         *
         * @param postprocessing the postprocessing steps, in order
         * @return this builder
         */
        public Builder postprocessing(PostprocessingDescr... postprocessing) {
            return postprocessing(List.of(postprocessing));
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public OutputTensorDescr build() {
            List<String> missing = new ArrayList<>();
            if (axes == null) {
                missing.add("axes");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "OutputTensorDescr: missing required fields: " + String.join(", ", missing));
            }
            return new OutputTensorDescr(id, description, axes, testTensor, sampleTensor, data, postprocessing);
        }
    }
}
