package eu.riscale.modelhub.core.tensor;

import java.io.IOException;

/** A {@code .npy} file that is malformed, truncated, or uses a feature this SDK refuses (object arrays, pickles). */
public final class NpyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was found and what was expected, naming the file
     */
    public NpyFormatException(String message) {
        super(message);
    }
}
