package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.constraint.FileSource;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A postprocessing step implemented in a packaged Python file (format 0.5.10): the reference calls {@code
 * callable(**kwargs)} once and the result on the output tensors. Postprocessing only; this SDK never runs Python.
 *
 * @param source the Python file (relative path or URL)
 * @param sha256 the SHA-256 of the file, or {@code null}
 * @param callable the name of the class or factory inside {@code source}
 * @param kwargs the keyword arguments passed to {@code callable}, in document order
 */
public record CustomPostprocessingDescr(
        @FileSource(descriptionNamesAllowed = false) String source,

        @Size(min = 64, max = 64, message = "a sha256 has 64 hexadecimal digits") @Nullable
        String sha256,

        @NotBlank(message = "must name a class or factory in the source file")
        String callable,

        Map<String, @Nullable Object> kwargs)
        implements ExternalPostprocessingDescr {
    /** The {@code id} of this step. */
    public static final String ID = "custom";

    /**
     * Checks that required components are present and copies collections.
     *
     * @param source the Python file
     * @param sha256 the SHA-256 of the file, or {@code null}
     * @param callable the name of the class or factory inside {@code source}
     * @param kwargs the keyword arguments, in document order
     * @throws NullPointerException if a required component is {@code null}
     */
    public CustomPostprocessingDescr {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(callable, "callable");
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(kwargs, "kwargs")));
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return ID;
    }

    /** {@inheritDoc} */
    @Override
    public String needs() {
        return "Python to run " + callable + " from " + source;
    }
}
