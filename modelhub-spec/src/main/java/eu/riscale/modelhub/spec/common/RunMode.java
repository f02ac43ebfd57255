package eu.riscale.modelhub.spec.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A custom run mode (limited support; the reference knows only {@code deepimagej}).
 *
 * @param name the run mode name
 * @param kwargs the run mode arguments, in document order
 */
public record RunMode(String name, Map<String, @Nullable Object> kwargs) {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param name the run mode name
     * @param kwargs the run mode arguments, in document order
     * @throws NullPointerException if a required component is {@code null}
     */
    public RunMode {
        Objects.requireNonNull(name, "name");
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(kwargs, "kwargs")));
    }
}
