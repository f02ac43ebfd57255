package eu.riscale.modelhub.spec.weights;

import eu.riscale.modelhub.spec.constraint.Identifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A network architecture given by an importable Python module and a callable in it.
 *
 * @param callable the name of the class or function building the network
 * @param kwargs the keyword arguments of the callable, in document order
 * @param importFrom the module to import the callable from
 */
public record ArchitectureFromLibraryDescr(
        @Identifier String callable, Map<String, @Nullable Object> kwargs, String importFrom)
        implements ArchitectureDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param callable the name of the class or function building the network
     * @param kwargs the keyword arguments of the callable, in document order
     * @param importFrom the module to import the callable from
     * @throws NullPointerException if a required component is {@code null}
     */
    public ArchitectureFromLibraryDescr {
        Objects.requireNonNull(callable, "callable");
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(kwargs, "kwargs")));
        Objects.requireNonNull(importFrom, "importFrom");
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.callable = callable;
        b.kwargs = kwargs;
        b.importFrom = importFrom;
        return b;
    }

    /** Builds a {@link ArchitectureFromLibraryDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String callable;
        private Map<String, @Nullable Object> kwargs = Map.of();
        private @Nullable String importFrom;

        private Builder() {}

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
         * Sets {@code import_from}.
         *
         * @param importFrom the module to import the callable from
         * @return this builder
         */
        public Builder importFrom(String importFrom) {
            this.importFrom = Objects.requireNonNull(importFrom, "importFrom");
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public ArchitectureFromLibraryDescr build() {
            List<String> missing = new ArrayList<>();
            if (callable == null) {
                missing.add("callable");
            }
            if (importFrom == null) {
                missing.add("importFrom");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "ArchitectureFromLibraryDescr: missing required fields: " + String.join(", ", missing));
            }
            return new ArchitectureFromLibraryDescr(callable, kwargs, importFrom);
        }
    }
}
