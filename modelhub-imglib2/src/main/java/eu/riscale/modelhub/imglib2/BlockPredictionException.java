package eu.riscale.modelhub.imglib2;

/**
 * A cell of a lazy prediction could not be computed: the network failed on one of its blocks or returned outputs that
 * do not fit the description. Unchecked because it surfaces from ImgLib2's pixel access ({@code RandomAccess.get()}),
 * which declares no checked exceptions; the message names the cell's block and the output.
 */
public final class BlockPredictionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the block and tensor
     * @param cause the underlying failure, or null
     */
    public BlockPredictionException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }
}
