package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.tensor.DType;
import java.util.Objects;

/**
 * Arguments of {@code ensure_dtype}.
 *
 * @param dtype the target data type
 */
public record EnsureDtypeKwargs(DType dtype) {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param dtype the target data type
     * @throws NullPointerException if a required component is {@code null}
     */
    public EnsureDtypeKwargs {
        Objects.requireNonNull(dtype, "dtype");
    }
}
