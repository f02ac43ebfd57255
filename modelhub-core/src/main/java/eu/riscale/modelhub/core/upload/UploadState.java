package eu.riscale.modelhub.core.upload;

import eu.riscale.modelhub.core.resource.AtomicFiles;
import eu.riscale.modelhub.core.resource.Sha256;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an upload of one package to one service has done so far, kept in a small JSON file so that a second run after
 * an interruption continues the same draft instead of creating another: the draft's id, the files sent (with their
 * sha256), and whether the staged version was finished. Written atomically after every step.
 */
final class UploadState {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private @Nullable String artifactId;
    private final Map<String, String> sent = new LinkedHashMap<>();
    private boolean finished;
    private boolean reviewRequested;

    private UploadState(Path file) {
        this.file = file;
    }

    /** {@return the state for a package key and a service, empty when no upload of it was started} */
    static UploadState load(Path dir, URI endpoint, Sha256 key) throws IOException {
        String service = Sha256.of(endpoint.toString().getBytes(StandardCharsets.UTF_8))
                .hex()
                .substring(0, 16);
        UploadState state = new UploadState(dir.resolve(key.hex() + "-" + service + ".json"));
        if (!Files.isRegularFile(state.file)) {
            return state;
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(state.file));
        } catch (JacksonException e) {
            return state; // a damaged state file: start over rather than fail
        }
        if (root == null || !root.isObject()) {
            return state;
        }
        JsonNode id = root.get("artifact_id");
        state.artifactId = id != null && id.isString() ? id.asString() : null;
        JsonNode files = root.get("sent");
        if (files != null && files.isObject()) {
            files.properties()
                    .forEach(e -> state.sent.put(e.getKey(), e.getValue().asString()));
        }
        state.finished = root.path("finished").asBoolean(false);
        state.reviewRequested = root.path("review_requested").asBoolean(false);
        return state;
    }

    @Nullable
    String artifactId() {
        return artifactId;
    }

    boolean finished() {
        return finished;
    }

    boolean reviewRequested() {
        return reviewRequested;
    }

    /** {@return whether this file was sent with this content} */
    boolean sent(String path, Sha256 sha256) {
        return sha256.hex().equals(sent.get(path));
    }

    void created(String id) throws IOException {
        artifactId = id;
        sent.clear();
        finished = false;
        reviewRequested = false;
        save();
    }

    void markSent(String path, Sha256 sha256) throws IOException {
        sent.put(path, sha256.hex());
        save();
    }

    void markFinished(boolean review) throws IOException {
        finished = true;
        reviewRequested = review;
        save();
    }

    /** Forgets the draft, for one the hub no longer has. */
    void forget() throws IOException {
        artifactId = null;
        sent.clear();
        finished = false;
        reviewRequested = false;
        Files.deleteIfExists(file);
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("artifact_id", artifactId);
        ObjectNode files = root.putObject("sent");
        sent.forEach(files::put);
        root.put("finished", finished);
        root.put("review_requested", reviewRequested);
        Files.createDirectories(file.getParent());
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
