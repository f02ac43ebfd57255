package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code ensure_dtype}: converts to a data type with numpy's {@code astype} semantics ({@link Tensor#cast}): float to
 * integer truncates toward zero, integer narrowing wraps around, no clipping and no rounding.
 */
public final class EnsureDtype implements Op {
    private final DType dtype;

    private EnsureDtype(DType dtype) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
    }

    /**
     * Creates the op.
     *
     * @param dtype the target data type
     * @return the op
     */
    public static EnsureDtype of(DType dtype) {
        return new EnsureDtype(dtype);
    }

    /** {@return the target data type} */
    public DType dtype() {
        return dtype;
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "ensure_dtype";
    }

    /** {@inheritDoc} */
    @Override
    public Set<Measure> requiredMeasures(String tensorId) {
        return Set.of();
    }

    /** {@inheritDoc} */
    @Override
    public Tensor apply(Tensor input, String tensorId, Statistics statistics) {
        // tensors are immutable: a tensor of the right type is the result (the implicit ensure_dtype steps of a
        // description's processing are mostly of this kind)
        return input.dtype() == dtype ? input : input.cast(dtype);
    }

    /** The cast as a kernel, none when the type is already the target. */
    List<Kernel> kernels(DType in) {
        return in == dtype ? List.of() : List.of(Kernel.cast(in, dtype));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnsureDtype && ((EnsureDtype) o).dtype == dtype;
    }

    @Override
    public int hashCode() {
        return dtype.hashCode();
    }

    @Override
    public String toString() {
        return "EnsureDtype[" + dtype + "]";
    }
}
