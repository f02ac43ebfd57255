package eu.riscale.modelhub.spark;

/**
 * A model package that an executor (or the driver) cannot open or run: a missing file, an invalid description,
 * weights without an engine. Unchecked, as it fails the Spark task (the same package fails on every executor);
 * failures of single samples are reported in their output rows instead.
 */
public final class ModelLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the package
     * @param cause the underlying failure
     */
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
