package eu.riscale.modelhub.core.modeltest;

import java.util.Locale;

/** The kind of a {@link TestDetail}: a fixed machine-readable id for CI scripts. */
public enum CheckKind {
    /** Format validation: the description against the rules of format 0.5 (and of 0.4 when it was converted). */
    FORMAT,
    /** I/O validation: the referenced files exist, their sha256 values match, the test tensors fit the description. */
    IO,
    /** The test outputs are reproduced from the test inputs with one weights format, within the tolerance. */
    REPRODUCE,
    /** Inference at other sizes and batch sizes gives outputs of the described shapes. */
    SHAPES,
    /**
     * Opt-in ({@link TestOptions#blockwiseCheck()}): a blockwise prediction of the test inputs agrees with the
     * whole-sample one within the reproducibility tolerance (no block artifacts).
     */
    BLOCKWISE;

    /** {@return the wire id: {@code format}, {@code io}, {@code reproduce}, {@code shapes} or {@code blockwise}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
