package eu.riscale.modelhub.core.packaging;

import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.OfflineException;
import eu.riscale.modelhub.core.resource.ResourceException;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Location;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills in or fixes the {@code sha256} values of a description ({@code update-hashes}): every file reference that has
 * a sha256 field gets the sha256 of the file it points to.
 *
 * <pre>{@code
 * ModelDescr fixed = HashUpdater.update(model, root);
 * Descriptions.write(fixed, Path.of("rdf.yaml"));
 * }</pre>
 *
 * <p>Every such file is read once (remote ones through the download cache); the method is thread-safe.
 */
public final class HashUpdater {
    private HashUpdater() {}

    /**
     * Computes the sha256 of every referenced file that has a sha256 field and puts it into the description.
     *
     * @param model the description, as read from {@code root}
     * @param root where its relative references are resolved
     * @return the description with correct sha256 values; everything else unchanged
     * @throws ResourceException naming the location and the reference when a file is refused, missing, unavailable
     *     offline or unreadable
     */
    public static ModelDescr update(ModelDescr model, ResourceRoot root) throws ResourceException {
        Map<Location, String> actual = new HashMap<>();
        for (FileReference ref : FileReferences.of(model)) {
            if (!ref.hasSha256Field()) {
                continue;
            }
            try {
                FileSource file = root.resolve(ref.source());
                if (!file.exists()) {
                    throw new ResourceException(ref.location()
                            + (ref.isRemote()
                                    ? ": URL " + ref.source() + " not found (HTTP 404/410)"
                                    : ": file '" + ref.source() + "' not found (looked for " + file.location() + ")"));
                }
                actual.put(ref.location(), file.verify(null).hex());
            } catch (OfflineException e) {
                throw new ResourceException(
                        ref.location() + ": cannot hash " + ref.source() + " offline: it is not in the download cache",
                        e);
            } catch (ResourceException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(ref.location() + ":")) {
                    throw e;
                }
                throw new ResourceException(ref.location() + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new ResourceException(
                        ref.location() + ": cannot read " + ref.source() + ": " + e.getMessage(), e);
            }
        }
        return FileReferences.rewrite(
                model, ref -> ref.hasSha256Field() ? ref.withSha256(actual.get(ref.location())) : ref);
    }
}
