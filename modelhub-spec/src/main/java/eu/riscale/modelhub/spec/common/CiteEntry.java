package eu.riscale.modelhub.spec.common;

import eu.riscale.modelhub.spec.constraint.Doi;
import eu.riscale.modelhub.spec.constraint.HttpUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A citation of the model or of the work it is based on; a DOI or a URL should be given.
 *
 * @param text the free text of the citation
 * @param doi the DOI, for example {@code 10.1007/978-3-319-24574-4_28}, or {@code null}
 * @param url a URL, or {@code null}
 */
public record CiteEntry(
        String text,
        @Doi @Nullable String doi,
        @HttpUrl @Nullable String url) {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param text the free text of the citation
     * @param doi the DOI, for example {@code 10.1007/978-3-319-24574-4_28}, or {@code null}
     * @param url a URL, or {@code null}
     * @throws NullPointerException if a required component is {@code null}
     */
    public CiteEntry {
        Objects.requireNonNull(text, "text");
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.text = text;
        b.doi = doi;
        b.url = url;
        return b;
    }

    /** Builds a {@link CiteEntry} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String text;
        private @Nullable String doi;
        private @Nullable String url;

        private Builder() {}

        /**
         * Sets {@code text}.
         *
         * @param text the free text of the citation
         * @return this builder
         */
        public Builder text(String text) {
            this.text = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Sets {@code doi}.
         *
         * @param doi the DOI, for example {@code 10.1007/978-3-319-24574-4_28}, or {@code null}
         * @return this builder
         */
        public Builder doi(@Nullable String doi) {
            this.doi = doi;
            return this;
        }

        /**
         * Sets {@code url}.
         *
         * @param url a URL, or {@code null}
         * @return this builder
         */
        public Builder url(@Nullable String url) {
            this.url = url;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public CiteEntry build() {
            List<String> missing = new ArrayList<>();
            if (text == null) {
                missing.add("text");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("CiteEntry: missing required fields: " + String.join(", ", missing));
            }
            return new CiteEntry(text, doi, url);
        }
    }
}
