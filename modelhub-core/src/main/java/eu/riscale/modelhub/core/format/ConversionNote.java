package eu.riscale.modelhub.core.format;

import java.util.Objects;

/**
 * A piece of information of an older description that the conversion to format 0.5 dropped or changed.
 *
 * @param location dotted path into the <em>original</em> document, for example {@code inputs.0.data_range}; list
 *     indexes are numbers and the empty string is the document root
 * @param message what was dropped or changed, and why
 */
public record ConversionNote(String location, String message) {
    /**
     * Checks that both components are present.
     *
     * @param location dotted path into the original document
     * @param message what was dropped or changed
     */
    public ConversionNote {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (location.isEmpty() ? "<root>" : location) + ": " + message;
    }
}
