package eu.riscale.modelhub.spec.weights;

import eu.riscale.modelhub.spec.constraint.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * The backend a Keras 3 model was saved with: the {@code backend} pair {@code [name, version]} of {@link
 * KerasV3WeightsDescr}.
 *
 * @param name the backend library
 * @param version the version of the backend library
 */
public record KerasBackend(Name name, @Version String version) {
    /**
     * Checks that both parts are present.
     *
     * @param name the backend library
     * @param version the version of the backend library
     * @throws NullPointerException if a part is {@code null}
     */
    public KerasBackend {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Creates a backend pair.
     *
     * @param name the backend library
     * @param version its version
     * @return the pair
     */
    public static KerasBackend of(Name name, String version) {
        return new KerasBackend(name, version);
    }

    /** The three backends Keras 3 runs on, with their names in descriptions. */
    public enum Name {
        /** TensorFlow. */
        TENSORFLOW("tensorflow"),
        /** JAX. */
        JAX("jax"),
        /** PyTorch. */
        TORCH("torch");

        private final String id;

        Name(String id) {
            this.id = id;
        }

        /** {@return the name used in descriptions, for example {@code "jax"}} */
        public String id() {
            return id;
        }

        /**
         * Looks a backend up by its name.
         *
         * @param id the name as written in a description
         * @return the backend, or empty if it is not one of the three
         */
        public static Optional<Name> fromId(String id) {
            for (Name n : values()) {
                if (n.id.equals(id)) {
                    return Optional.of(n);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
