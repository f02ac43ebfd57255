package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** An entry of a zip package, read in place under the limits of its {@link ZipRoot}. */
public final class ZipEntryFile implements FileSource {
    private final ZipRoot zip;
    private final PackagePath name;

    ZipEntryFile(ZipRoot zip, PackagePath name) {
        this.zip = zip;
        this.name = name;
    }

    /** {@return the package this entry belongs to} */
    public ZipRoot zip() {
        return zip;
    }

    /** {@return the normalised entry name} */
    public PackagePath name() {
        return name;
    }

    /** {@inheritDoc} */
    @Override
    public String location() {
        return zip.location() + "!/" + name;
    }

    /** {@inheritDoc} */
    @Override
    public String fileName() {
        return name.fileName();
    }

    /** {@inheritDoc} */
    @Override
    public InputStream open() throws IOException {
        return zip.openEntry(name);
    }

    /** {@inheritDoc} */
    @Override
    public boolean exists() {
        return zip.hasEntry(name);
    }

    /**
     * {@inheritDoc}
     *
     * <p>This is the size the archive declares; reading the entry enforces the limits on the real size.
     */
    @Override
    public long size() throws IOException {
        return zip.declaredSize(name);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ZipEntryFile && ((ZipEntryFile) o).zip == zip && ((ZipEntryFile) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(zip) * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return location();
    }
}
