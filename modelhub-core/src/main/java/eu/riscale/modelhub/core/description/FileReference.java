package eu.riscale.modelhub.core.description;

import eu.riscale.modelhub.spec.validation.Location;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One file a model description refers to, as written in it: where in the description ({@code location}, for example
 * {@code inputs}, {@code 0}, {@code test_tensor} or {@code weights}, {@code torchscript}), the {@code source} (a
 * relative path or an http(s) URL) and the declared {@code sha256}, if any.
 *
 * <p>{@link FileReferences#of} lists them; {@link FileReferences#rewrite} puts changed ones back into a description.
 *
 * @param location where the reference is in the description
 * @param source the reference as written: a path relative to the package root or an http(s) URL
 * @param sha256 the declared sha256 in hex, or {@code null}
 * @param hasSha256Field whether the description has a {@code sha256} field for this file (file descriptions and
 *     weights entries do; {@code documentation}, {@code covers} and {@code icon} do not)
 */
public record FileReference(
        Location location, String source, @Nullable String sha256, boolean hasSha256Field) {
    /**
     * Checks the components.
     *
     * @param location where the reference is in the description
     * @param source the reference as written: a path relative to the package root or an http(s) URL
     * @param sha256 the declared sha256 in hex, or {@code null}
     * @param hasSha256Field whether the description has a {@code sha256} field for this file
     * @throws NullPointerException if {@code location} or {@code source} is {@code null}
     * @throws IllegalArgumentException if a sha256 is given for a field that has none
     */
    public FileReference {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(source, "source");
        if (sha256 != null && !hasSha256Field) {
            throw new IllegalArgumentException(location + ": has no sha256 field, found sha256 " + sha256);
        }
    }

    /**
     * Returns this reference with another source.
     *
     * @param newSource the new source
     * @return the changed reference
     */
    public FileReference withSource(String newSource) {
        return new FileReference(location, newSource, sha256, hasSha256Field);
    }

    /**
     * Returns this reference with another sha256; ignored (this reference is returned) when the field has no sha256.
     *
     * @param newSha256 the sha256 in hex, or {@code null} to remove it
     * @return the changed reference
     */
    public FileReference withSha256(@Nullable String newSha256) {
        return hasSha256Field ? new FileReference(location, source, newSha256, true) : this;
    }

    /** {@return whether the source is an http(s) URL rather than a path in the package} */
    public boolean isRemote() {
        String s = source.toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }
}
