package eu.riscale.modelhub.core.modeltest;

import java.util.Locale;
import java.util.Optional;

/**
 * How much {@link ModelTests#test} does to make the inference checks reproducible, as the reference's {@code
 * determinism} argument of {@code bioimageio test}. The mode is recorded in the summary's environment (an entry
 * named {@code determinism}) so that a result says how it was produced.
 */
public enum Determinism {
    /**
     * The default: before each inference check the random generators of the engines that run it are seeded with 0
     * (DJL's {@code Engine.setRandomSeed}, which for PyTorch also seeds {@code torch.manual_seed}).
     */
    SEED_ONLY,
    /**
     * {@link #SEED_ONLY}, and the engines run single-threaded: PyTorch with one intra-op and one inter-op thread
     * (DJL reads its thread settings once per JVM, when the engine starts; an engine already started in this JVM gives
     * a warning instead), OnnxRuntime sessions with one intra-op and one inter-op thread and sequential execution.
     * DJL 0.36 offers no switch for PyTorch's deterministic algorithms; the reference's {@code
     * torch.use_deterministic_algorithms(True)} is not applied.
     */
    FULL;

    /** {@return the name used on the command line and in the summary: {@code seed_only} or {@code full}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a mode from its {@link #id()}.
     *
     * @param id {@code seed_only} or {@code full}
     * @return the mode, empty for anything else
     */
    public static Optional<Determinism> fromId(String id) {
        for (Determinism d : values()) {
            if (d.id().equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
