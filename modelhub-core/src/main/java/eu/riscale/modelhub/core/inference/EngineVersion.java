package eu.riscale.modelhub.core.inference;

import java.util.Objects;

/**
 * The engine that runs a model and its native version, for example {@code PyTorch 2.7.1} or {@code OnnxRuntime
 * 1.21.1}, as {@link InferenceBackend.Session#engine()} reports it.
 *
 * @param name the engine's name, as DJL names it
 * @param version its native version
 */
public record EngineVersion(String name, String version) {
    /** Checks presence. */
    public EngineVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
