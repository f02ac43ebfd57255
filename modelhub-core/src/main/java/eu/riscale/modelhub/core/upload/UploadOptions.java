package eu.riscale.modelhub.core.upload;

import eu.riscale.modelhub.core.resource.ResourceSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How {@link HubUpload} uploads: the hub's artifact-manager service, the token, the collection the draft goes into,
 * whether to test first and to request review, and where the state of an interrupted upload is kept.
 *
 * <p>{@link #fromEnvironment(Map, Path)} reads the variables the reference reads: {@value #TOKEN_ENV} for the token and
 * {@value #ENDPOINT_ENV} (the URL of the service's {@code create} function) for the service. {@link #toString()} never
 * shows the token. Instances are immutable and thread-safe.
 */
public final class UploadOptions {
    /** The environment variable holding the upload token, as in the reference's settings. */
    public static final String TOKEN_ENV = "BIOIMAGEIO_HYPHA_UPLOAD_TOKEN";

    /** The environment variable naming the service's {@code create} URL, as in the reference's settings. */
    public static final String ENDPOINT_ENV = "BIOIMAGEIO_HYPHA_UPLOAD";

    /** The hub's artifact-manager service; its functions are {@code <endpoint>/create}, {@code /put_file}, ... */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://hypha.aicell.io/public/services/artifact-manager");

    /** The collection models are uploaded into. */
    public static final String DEFAULT_PARENT_ID = "bioimage-io/bioimage.io";

    private final URI endpoint;
    private final @Nullable String token;
    private final String parentId;
    private final boolean runTests;
    private final boolean requestReview;
    private final ResourceSettings resources;
    private final @Nullable Path stateDir;
    private final UploadListener listener;

    private UploadOptions(Builder b) {
        endpoint = b.endpoint;
        token = b.token;
        parentId = b.parentId;
        runTests = b.runTests;
        requestReview = b.requestReview;
        resources = b.resources;
        stateDir = b.stateDir;
        listener = b.listener;
    }

    /** {@return a builder with the defaults: public hub, no token, tests on, no review request} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds options from environment variables: the token from {@value #TOKEN_ENV}, the service from
     * {@value #ENDPOINT_ENV} (a trailing {@code /create} is dropped), the resource settings from the same environment.
     *
     * @param environment the variables
     * @param home the user's home directory, for the default cache
     * @return a builder holding those values
     */
    public static Builder fromEnvironment(Map<String, String> environment, Path home) {
        Builder b = new Builder().resources(ResourceSettings.fromEnvironment(environment, home));
        String token = environment.get(TOKEN_ENV);
        if (token != null && !token.isBlank()) {
            b.token(token.strip());
        }
        String endpoint = environment.get(ENDPOINT_ENV);
        if (endpoint != null && !endpoint.isBlank()) {
            b.endpoint(URI.create(endpoint.strip()));
        }
        return b;
    }

    /** {@return a builder holding these options} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy with some options changed.
     *
     * @param changes sets the values to change
     * @return the changed copy
     */
    public UploadOptions with(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** {@return the artifact-manager service, without a trailing slash} */
    public URI endpoint() {
        return endpoint;
    }

    /** {@return the token, when one was given} */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** {@return the collection the draft is created in} */
    public String parentId() {
        return parentId;
    }

    /** {@return whether the package is tested locally (reproducing its test outputs) before anything is sent} */
    public boolean runTests() {
        return runTests;
    }

    /** {@return whether the finished draft asks for review (status {@code in-review}) instead of staying a draft} */
    public boolean requestReview() {
        return requestReview;
    }

    /** {@return the settings for reading the package: cache, offline mode, limits, timeouts} */
    public ResourceSettings resources() {
        return resources;
    }

    /** {@return where the state of unfinished uploads and the package being uploaded are kept} */
    public Path stateDir() {
        return stateDir != null ? stateDir : resources.cacheDir().resolve("uploads");
    }

    /** {@return who hears the progress} */
    public UploadListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "UploadOptions[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "***") + ", parentId="
                + parentId + ", runTests=" + runTests + ", requestReview=" + requestReview + ", stateDir="
                + stateDir() + "]";
    }

    /** Builds {@link UploadOptions}; setters check their value at once. */
    public static final class Builder {
        private URI endpoint = DEFAULT_ENDPOINT;
        private @Nullable String token;
        private String parentId = DEFAULT_PARENT_ID;
        private boolean runTests = true;
        private boolean requestReview;
        private ResourceSettings resources = ResourceSettings.defaults();
        private @Nullable Path stateDir;
        private UploadListener listener = UploadListener.NONE;

        private Builder() {}

        private Builder(UploadOptions o) {
            endpoint = o.endpoint;
            token = o.token;
            parentId = o.parentId;
            runTests = o.runTests;
            requestReview = o.requestReview;
            resources = o.resources;
            stateDir = o.stateDir;
            listener = o.listener;
        }

        /**
         * Sets the artifact-manager service.
         *
         * @param endpoint an http(s) URL such as {@link #DEFAULT_ENDPOINT}; a trailing {@code /} or {@code /create}
         *     is dropped
         * @return this builder
         * @throws IllegalArgumentException when it is not an http or https URL
         */
        public Builder endpoint(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            String scheme = endpoint.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || endpoint.getHost() == null
                    || endpoint.getRawQuery() != null) {
                throw new IllegalArgumentException(
                        "endpoint must be an http or https URL without query, found '" + endpoint + "'");
            }
            String text = endpoint.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.endsWith("/create")) {
                text = text.substring(0, text.length() - "/create".length());
            }
            this.endpoint = URI.create(text);
            return this;
        }

        /**
         * Sets the token sent as {@code Authorization: Bearer}.
         *
         * @param token the token, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException when it is blank or has a line break
         */
        public Builder token(@Nullable String token) {
            if (token != null && (token.isBlank() || token.indexOf('\n') >= 0 || token.indexOf('\r') >= 0)) {
                throw new IllegalArgumentException("token must be one non-blank line");
            }
            this.token = token;
            return this;
        }

        /**
         * Sets the collection the draft is created in.
         *
         * @param parentId a {@code workspace/alias} id such as {@link #DEFAULT_PARENT_ID}
         * @return this builder
         */
        public Builder parentId(String parentId) {
            Objects.requireNonNull(parentId, "parentId");
            if (parentId.indexOf('/') <= 0 || parentId.endsWith("/")) {
                throw new IllegalArgumentException("parentId must be workspace/alias, found '" + parentId + "'");
            }
            this.parentId = parentId;
            return this;
        }

        /**
         * Sets whether the package is tested before anything is sent.
         *
         * @param runTests false to only validate
         * @return this builder
         */
        public Builder runTests(boolean runTests) {
            this.runTests = runTests;
            return this;
        }

        /**
         * Sets whether the finished draft asks for review.
         *
         * @param requestReview true for status {@code in-review}
         * @return this builder
         */
        public Builder requestReview(boolean requestReview) {
            this.requestReview = requestReview;
            return this;
        }

        /**
         * Sets the settings for reading the package.
         *
         * @param resources cache, offline mode, limits
         * @return this builder
         */
        public Builder resources(ResourceSettings resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        /**
         * Sets where upload state is kept (default: {@code uploads} in the download cache).
         *
         * @param stateDir a folder, created on first use, or {@code null} for the default
         * @return this builder
         */
        public Builder stateDir(@Nullable Path stateDir) {
            this.stateDir = stateDir == null ? null : stateDir.toAbsolutePath();
            return this;
        }

        /**
         * Sets who hears the progress.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(UploadListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** {@return the options} */
        public UploadOptions build() {
            return new UploadOptions(this);
        }
    }
}
