package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.tensor.DType;
import java.util.Objects;

/**
 * The arguments of {@link CellposeFlowDynamicsDescr}.
 *
 * @param cellprobThreshold the cell probability threshold
 * @param flowThreshold the flow error threshold
 * @param do3D whether the dynamics run in 3D ({@code do_3D} in YAML)
 * @param minSize objects smaller than this many pixels are removed; 0 keeps all (default 15)
 * @param outputDtype the type of the label image: {@code uint16} (default) or {@code uint32}
 */
public record CellposeFlowDynamicsKwargs(
        double cellprobThreshold, double flowThreshold, boolean do3D, int minSize, DType outputDtype) {
    /** The default of {@code min_size}. */
    public static final int DEFAULT_MIN_SIZE = 15;

    /** The default of {@code output_dtype}. */
    public static final DType DEFAULT_OUTPUT_DTYPE = DType.UINT16;

    /**
     * Checks that required components are present.
     *
     * @param cellprobThreshold the cell probability threshold
     * @param flowThreshold the flow error threshold
     * @param do3D whether the dynamics run in 3D
     * @param minSize the smallest object size kept
     * @param outputDtype the type of the label image
     * @throws NullPointerException if {@code outputDtype} is {@code null}
     */
    public CellposeFlowDynamicsKwargs {
        Objects.requireNonNull(outputDtype, "outputDtype");
    }

    /**
     * Creates the arguments with {@code min_size} and {@code output_dtype} at their defaults.
     *
     * @param cellprobThreshold the cell probability threshold
     * @param flowThreshold the flow error threshold
     * @param do3D whether the dynamics run in 3D
     * @return the arguments
     */
    public static CellposeFlowDynamicsKwargs of(double cellprobThreshold, double flowThreshold, boolean do3D) {
        return new CellposeFlowDynamicsKwargs(
                cellprobThreshold, flowThreshold, do3D, DEFAULT_MIN_SIZE, DEFAULT_OUTPUT_DTYPE);
    }
}
