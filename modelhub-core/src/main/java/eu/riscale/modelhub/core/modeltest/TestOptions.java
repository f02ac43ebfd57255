package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.core.validation.FormatTarget;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link ModelTests#test}. Immutable; make one with {@link #builder()} or take {@link #defaults()}.
 *
 * <pre>{@code
 * TestOptions options = TestOptions.defaults().with(b -> b.weightsFormat(WeightsFormat.ONNX).saveOutputs(dir));
 * }</pre>
 */
public final class TestOptions {
    private final @Nullable WeightsFormat weightsFormat;
    private final @Nullable Path saveOutputs;
    private final ResourceSettings resources;
    private final InferenceBackend backend;
    private final boolean stopEarly;
    private final boolean blockwiseCheck;
    private final boolean concurrentFormats;
    private final FormatTarget formatTarget;
    private final Determinism determinism;
    private final Consumer<TestDetail> listener;

    private TestOptions(Builder b) {
        this.listener = b.listener;
        this.weightsFormat = b.weightsFormat;
        this.saveOutputs = b.saveOutputs;
        this.resources = b.resources == null ? ResourceSettings.defaults() : b.resources;
        this.backend = b.backend == null ? ModelTests.defaultBackend() : b.backend;
        this.stopEarly = b.stopEarly;
        this.blockwiseCheck = b.blockwiseCheck;
        this.concurrentFormats = b.concurrentFormats;
        this.formatTarget = b.formatTarget;
        this.determinism = b.determinism;
    }

    /** {@return the defaults: every weights format, no saved outputs, settings from the environment} */
    public static TestOptions defaults() {
        return builder().build();
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder with these options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.weightsFormat = weightsFormat;
        b.saveOutputs = saveOutputs;
        b.resources = resources;
        b.backend = backend;
        b.stopEarly = stopEarly;
        b.blockwiseCheck = blockwiseCheck;
        b.concurrentFormats = concurrentFormats;
        b.formatTarget = formatTarget;
        b.determinism = determinism;
        b.listener = listener;
        return b;
    }

    /**
     * Copies these options with changes.
     *
     * @param changes what to change
     * @return the new options
     */
    public TestOptions with(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** {@return the only weights format to test, empty for every format present} */
    public Optional<WeightsFormat> weightsFormat() {
        return Optional.ofNullable(weightsFormat);
    }

    /** {@return the folder into which reproduced outputs are saved as {@code .npy}, empty for none} */
    public Optional<Path> saveOutputs() {
        return Optional.ofNullable(saveOutputs);
    }

    /** {@return the settings for reading the source and remote files (cache, offline mode, limits)} */
    public ResourceSettings resources() {
        return resources;
    }

    /** {@return the inference backend} */
    public InferenceBackend backend() {
        return backend;
    }

    /** {@return whether to stop after the first failed check} */
    public boolean stopEarly() {
        return stopEarly;
    }

    /** {@return whether the block-artifact check runs after each passed reproduction (see {@link CheckKind#BLOCKWISE})} */
    public boolean blockwiseCheck() {
        return blockwiseCheck;
    }

    /** {@return whether the inference checks of different weights formats run at the same time} */
    public boolean concurrentFormats() {
        return concurrentFormats;
    }

    /** {@return whose rules judge a description of an older format in the format check} */
    public FormatTarget formatTarget() {
        return formatTarget;
    }

    /** {@return what is done to make the inference checks reproducible} */
    public Determinism determinism() {
        return determinism;
    }

    /** {@return what is told of each check as soon as it is done, for progress displays} */
    public Consumer<TestDetail> listener() {
        return listener;
    }

    /** Builds {@link TestOptions}. */
    public static final class Builder {
        private @Nullable WeightsFormat weightsFormat;
        private @Nullable Path saveOutputs;
        private @Nullable ResourceSettings resources;
        private @Nullable InferenceBackend backend;
        private boolean stopEarly;
        private boolean blockwiseCheck;
        private boolean concurrentFormats = true;
        private FormatTarget formatTarget = FormatTarget.DISCOVER;
        private Determinism determinism = Determinism.SEED_ONLY;
        private Consumer<TestDetail> listener = d -> {};

        private Builder() {}

        /**
         * Sets what is told of each check as soon as it is done (default: nothing), for example to show progress. It
         * is called on the testing thread.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(Consumer<TestDetail> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Tests only one weights format (default: every format present).
         *
         * @param weightsFormat the format, or {@code null} for all
         * @return this builder
         */
        public Builder weightsFormat(@Nullable WeightsFormat weightsFormat) {
            this.weightsFormat = weightsFormat;
            return this;
        }

        /**
         * Saves each reproduced output as {@code actual_output_<id>_<format>.npy} in a folder (created if needed).
         *
         * @param saveOutputs the folder, or {@code null} for none
         * @return this builder
         */
        public Builder saveOutputs(@Nullable Path saveOutputs) {
            this.saveOutputs = saveOutputs;
            return this;
        }

        /**
         * Sets the settings for reading the source (default: {@link ResourceSettings#defaults()}).
         *
         * @param resources the settings
         * @return this builder
         */
        public Builder resources(ResourceSettings resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        /**
         * Sets the inference backend (default: {@link ModelTests#defaultBackend()}).
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder backend(InferenceBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Stops after the first failed check (default: run every check).
         *
         * @param stopEarly whether to stop early
         * @return this builder
         */
        public Builder stopEarly(boolean stopEarly) {
            this.stopEarly = stopEarly;
            return this;
        }

        /**
         * Adds the block-artifact check (default: off): for each weights format whose reproduction passed, the test
         * inputs are also predicted in blocks of size parameter 10 with the declared halo, and the result must agree
         * with the whole-sample prediction within the output's reproducibility tolerance. Loads the weights once more.
         *
         * @param blockwiseCheck whether to run it
         * @return this builder
         */
        public Builder blockwiseCheck(boolean blockwiseCheck) {
            this.blockwiseCheck = blockwiseCheck;
            return this;
        }

        /**
         * Runs the inference checks of different weights formats at the same time, each format's checks in order on a
         * thread of their own (default: on). It takes effect with {@link Determinism#FULL}, where every engine runs on
         * one thread, on a machine with more than one core; with {@link Determinism#SEED_ONLY} each engine already uses
         * every core, and the formats run one after the other. The test then takes about the time of its slowest format
         * instead of the sum of all, and holds the loaded weights of every format at once: turn it off for models whose
         * weights barely fit in memory once. The checks' details, their order and the listener's calls are the same
         * either way; the backend's sessions of different formats are then used from different threads.
         *
         * @param concurrentFormats whether to
         * @return this builder
         */
        public Builder concurrentFormats(boolean concurrentFormats) {
            this.concurrentFormats = concurrentFormats;
            return this;
        }

        /**
         * Sets whose rules judge a 0.3/0.4 description in the format check (default {@link FormatTarget#DISCOVER}:
         * its own format's; {@link FormatTarget#LATEST}: format 0.5's after conversion, errors included).
         *
         * @param formatTarget the target
         * @return this builder
         */
        public Builder formatTarget(FormatTarget formatTarget) {
            this.formatTarget = Objects.requireNonNull(formatTarget, "formatTarget");
            return this;
        }

        /**
         * Sets what is done to make the inference checks reproducible (default {@link Determinism#SEED_ONLY}).
         *
         * @param determinism the mode
         * @return this builder
         */
        public Builder determinism(Determinism determinism) {
            this.determinism = Objects.requireNonNull(determinism, "determinism");
            return this;
        }

        /** {@return the options} */
        public TestOptions build() {
            return new TestOptions(this);
        }
    }
}
