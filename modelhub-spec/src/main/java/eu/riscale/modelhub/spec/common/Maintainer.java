package eu.riscale.modelhub.spec.common;

import eu.riscale.modelhub.spec.constraint.Orcid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person who maintains the model on bioimage.io.
 *
 * @param affiliation the affiliation, or {@code null}
 * @param email the e-mail address, or {@code null}
 * @param orcid the ORCID iD, or {@code null}
 * @param name the full name, or {@code null}
 * @param githubUser the GitHub user name
 */
public record Maintainer(
        @Nullable String affiliation,
        @Email @Nullable String email,
        @Orcid @Nullable String orcid,

        @Pattern(regexp = "[^/\\\\]*", message = "must not contain '/' or '\\\\'") @Nullable
        String name,

        String githubUser) {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param affiliation the affiliation, or {@code null}
     * @param email the e-mail address, or {@code null}
     * @param orcid the ORCID iD, or {@code null}
     * @param name the full name, or {@code null}
     * @param githubUser the GitHub user name
     * @throws NullPointerException if a required component is {@code null}
     */
    public Maintainer {
        Objects.requireNonNull(githubUser, "githubUser");
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.affiliation = affiliation;
        b.email = email;
        b.orcid = orcid;
        b.name = name;
        b.githubUser = githubUser;
        return b;
    }

    /** Builds a {@link Maintainer} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String affiliation;
        private @Nullable String email;
        private @Nullable String orcid;
        private @Nullable String name;
        private @Nullable String githubUser;

        private Builder() {}

        /**
         * Sets {@code affiliation}.
         *
         * @param affiliation the affiliation, or {@code null}
         * @return this builder
         */
        public Builder affiliation(@Nullable String affiliation) {
            this.affiliation = affiliation;
            return this;
        }

        /**
         * Sets {@code email}.
         *
         * @param email the e-mail address, or {@code null}
         * @return this builder
         */
        public Builder email(@Nullable String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets {@code orcid}.
         *
         * @param orcid the ORCID iD, or {@code null}
         * @return this builder
         */
        public Builder orcid(@Nullable String orcid) {
            this.orcid = orcid;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the full name, or {@code null}
         * @return this builder
         */
        public Builder name(@Nullable String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code github_user}.
         *
         * @param githubUser the GitHub user name
         * @return this builder
         */
        public Builder githubUser(String githubUser) {
            this.githubUser = Objects.requireNonNull(githubUser, "githubUser");
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public Maintainer build() {
            List<String> missing = new ArrayList<>();
            if (githubUser == null) {
                missing.add("githubUser");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Maintainer: missing required fields: " + String.join(", ", missing));
            }
            return new Maintainer(affiliation, email, orcid, name, githubUser);
        }
    }
}
