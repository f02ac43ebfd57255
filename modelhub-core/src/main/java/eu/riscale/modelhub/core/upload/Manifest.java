package eu.riscale.modelhub.core.upload;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** The manifest the hub stores for a draft: the description as JSON without the keys only the hub's app sets. */
final class Manifest {
    /**
     * Top-level keys that only the hub's app writes into its manifest ({@code status}: the review state;
     * {@code file_sha256}: the uploaded files' hashes); the website strips {@code status} from the packaged file
     * because the description format is closed.
     */
    static final Set<String> APP_ONLY_KEYS = Set.of("status", "file_sha256");

    private Manifest() {}

    /** {@return a copy of the description tree without the app-only keys} */
    static ObjectNode of(ObjectNode description) {
        ObjectNode copy = description.deepCopy();
        APP_ONLY_KEYS.forEach(copy::remove);
        return copy;
    }

    /** {@return the manifest with a review status and, when given, the files' sha256 by path} */
    static ObjectNode withStatus(ObjectNode manifest, String status, Map<String, String> fileSha256) {
        ObjectNode copy = manifest.deepCopy();
        copy.put("status", status);
        if (!fileSha256.isEmpty()) {
            ObjectNode files = copy.putObject("file_sha256");
            fileSha256.forEach(files::put);
        }
        return copy;
    }
}
