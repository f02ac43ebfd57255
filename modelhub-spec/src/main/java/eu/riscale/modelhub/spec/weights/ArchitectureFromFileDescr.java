package eu.riscale.modelhub.spec.weights;

import eu.riscale.modelhub.spec.constraint.FileSource;
import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A network architecture given by a Python source file and a callable in it.
 *
 * @param source the Python file
 * @param sha256 the SHA-256 of the file, or {@code null}
 * @param callable the name of the class or function building the network
 * @param kwargs the keyword arguments of the callable, in document order
 */
public record ArchitectureFromFileDescr(
        @FileSource String source,

        @Size(min = 64, max = 64, message = "a sha256 has 64 hexadecimal digits") @Nullable
        String sha256,

        @Identifier String callable,
        Map<String, @Nullable Object> kwargs)
        implements ArchitectureDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param source the Python file
     * @param sha256 the SHA-256 of the file, or {@code null}
     * @param callable the name of the class or function building the network
     * @param kwargs the keyword arguments of the callable, in document order
     * @throws NullPointerException if a required component is {@code null}
     */
    public ArchitectureFromFileDescr {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(callable, "callable");
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(kwargs, "kwargs")));
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.source = source;
        b.sha256 = sha256;
        b.callable = callable;
        b.kwargs = kwargs;
        return b;
    }

    /** Builds a {@link ArchitectureFromFileDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String source;
        private @Nullable String sha256;
        private @Nullable String callable;
        private Map<String, @Nullable Object> kwargs = Map.of();

        private Builder() {}

        /**
         * Sets {@code source}.
         *
         * @param source the Python file
         * @return this builder
         */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Sets {@code sha256}.
         *
         * @param sha256 the SHA-256 of the file, or {@code null}
         * @return this builder
         */
        public Builder sha256(@Nullable String sha256) {
            this.sha256 = sha256;
            return this;
        }

        /**
         * Sets {@code callable}.
         *
         * @param callable the name of the class or function building the network
         * @return this builder
         */
        public Builder callable(String callable) {
            this.callable = Objects.requireNonNull(callable, "callable");
            return this;
        }

        /**
         * Sets {@code kwargs}.
         *
         * @param kwargs the keyword arguments of the callable, in document order
         * @return this builder
         */
        public Builder kwargs(Map<String, @Nullable Object> kwargs) {
            this.kwargs = Objects.requireNonNull(kwargs, "kwargs");
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public ArchitectureFromFileDescr build() {
            List<String> missing = new ArrayList<>();
            if (source == null) {
                missing.add("source");
            }
            if (callable == null) {
                missing.add("callable");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "ArchitectureFromFileDescr: missing required fields: " + String.join(", ", missing));
            }
            return new ArchitectureFromFileDescr(source, sha256, callable, kwargs);
        }
    }
}
