package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's published collection index: which description file a published id stands for, so that
 * {@code affable-shark}, {@code affable-shark/1.2} or a DOI such as {@code 10.5281/zenodo.5764892} can be given
 * wherever a source is expected ({@link ResourceRoot#open(String, ResourceSettings)}).
 *
 * <p>The index is the JSON file at {@link ResourceSettings#collectionUrl()}, in one of the two formats the hub
 * publishes:
 *
 * <ul>
 *   <li>the id map the reference resolves ids with ({@code bioimageio.spec} {@code get_id_map}, default
 *       {@link ResourceSettings#DEFAULT_COLLECTION_URL}): an object from id to {@code {"source": URL, "sha256": hex}},
 *       with version-specific ids ({@code affable-shark/1.2}) and DOIs as keys of their own;
 *   <li>the collection index of the hub's back office ({@code index.json}): {@code {"items": [{"id":
 *       "bioimage-io/affable-shark", "versions": [{"version", "source", "sha256", "created_at"}]}]}}; an item is
 *       known by its id with and without the workspace, each version as {@code id/version}, and the plain id means
 *       the latest version.
 * </ul>
 *
 * <p>{@link #load(DownloadCache)} goes through the download cache: online the index is downloaded again (falling back
 * to the cached copy when the network cannot be reached), offline the cached copy is used. Instances are immutable
 * and thread-safe.
 */
public final class CollectionIndex {
    /** The most ids suggested for an unknown one. */
    static final int SUGGESTIONS = 3;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A DOI ({@code 10.5281/zenodo.5764892}) or an id with at most a version or workspace part. */
    private static final Pattern ID =
            Pattern.compile("10\\.\\d{4,9}/[^\\s/\\\\]+|[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)?");

    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(ya?ml|zip|json)$", Pattern.CASE_INSENSITIVE);

    /**
     * What one id stands for.
     *
     * @param id the id as listed in the index
     * @param source the URL of the description file or zip package
     * @param sha256 the sha256 of that file, when the index gives one
     */
    public record Entry(String id, URI source, @Nullable Sha256 sha256) {}

    private final URI url;
    private final Map<String, Entry> entries;

    private CollectionIndex(URI url, Map<String, Entry> entries) {
        this.url = url;
        this.entries = Map.copyOf(entries);
    }

    /**
     * Tells whether a source that is neither a URL nor an existing file could be a published id: a name such as
     * {@code affable-shark}, with at most one {@code /} ({@code affable-shark/1.2}), or a DOI. Names of description
     * files and packages ({@code rdf.yaml}, {@code model.zip}) are never ids.
     *
     * @param source the source as given
     * @return whether to look it up in the index
     */
    public static boolean looksLikeId(String source) {
        return ID.matcher(source).matches() && !FILE_NAME.matcher(source).matches();
    }

    /**
     * Loads the index at {@link ResourceSettings#collectionUrl()} through the cache.
     *
     * @param cache the download cache, whose settings name the index and say whether offline mode is on
     * @return the index
     * @throws ResourceException offline when the index is not cached, or when it is not an index
     * @throws DownloadException online when the download fails and no copy is cached
     * @throws IOException when the cache cannot be read or written
     */
    public static CollectionIndex load(DownloadCache cache) throws IOException {
        URI url = cache.settings().collectionUrl();
        DownloadCache.CachedFile file;
        try {
            file = cache.refresh(url);
        } catch (OfflineException e) {
            throw new ResourceException("offline mode and the collection index " + url
                    + " is not in the download cache; run once without --offline to download it, or give a path or"
                    + " URL");
        } catch (DownloadException e) {
            Optional<DownloadCache.CachedFile> cached = cache.cached(url, null);
            if (cached.isEmpty()
                    || !(e.reason() == DownloadException.Reason.CONNECTION
                            || e.reason() == DownloadException.Reason.TIMEOUT)) {
                throw new DownloadException(
                        url, e.reason(), e.detail() + " (the collection index, needed to resolve ids)", e);
            }
            file = cached.get();
        }
        return parse(url, Files.readAllBytes(file.path()));
    }

    /**
     * Reads an index in either format.
     *
     * @param url where it came from, for messages
     * @param json the content
     * @return the index
     * @throws ResourceException when the content is not an index of either format, naming the first bad entry
     */
    public static CollectionIndex parse(URI url, byte[] json) throws ResourceException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ResourceException("the collection index " + url + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ResourceException(
                    "the collection index " + url + " is not a JSON object of ids or {\"items\": [...]}");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonNode items = root.get("items");
        if (items != null && items.isArray()) {
            readItems(url, items, entries);
        } else {
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                entries.put(e.getKey(), entry(url, e.getKey(), e.getKey(), e.getValue()));
            }
        }
        return new CollectionIndex(url, entries);
    }

    private static void readItems(URI url, JsonNode items, Map<String, Entry> entries) throws ResourceException {
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String loc = "items[" + i + "]";
            String id = text(url, item, "id", loc);
            String shortId = id.substring(id.indexOf('/') + 1);
            JsonNode versions = item.get("versions");
            if (versions == null || !versions.isArray()) {
                throw new ResourceException(
                        "the collection index " + url + " has no versions array at " + loc + ".versions");
            }
            List<Entry> listed = new ArrayList<>();
            List<String> created = new ArrayList<>();
            for (int v = 0; v < versions.size(); v++) {
                JsonNode version = versions.get(v);
                String vloc = loc + ".versions[" + v + "]";
                String name = text(url, version, "version", vloc);
                Entry entry = entry(url, shortId + "/" + name, vloc, version);
                entries.put(shortId + "/" + name, entry);
                entries.put(id + "/" + name, entry);
                listed.add(entry);
                JsonNode at = version.get("created_at");
                created.add(at == null || !at.isString() ? "" : at.asString());
            }
            int latest = -1;
            for (int v = 0; v < listed.size(); v++) {
                if (latest < 0 || created.get(v).compareTo(created.get(latest)) >= 0) {
                    latest = v;
                }
            }
            if (latest >= 0) {
                entries.putIfAbsent(shortId, listed.get(latest));
                entries.putIfAbsent(id, listed.get(latest));
            }
        }
    }

    private static Entry entry(URI url, String id, String loc, JsonNode node) throws ResourceException {
        if (node == null || !node.isObject()) {
            throw new ResourceException(
                    "the collection index " + url + " has no {\"source\", \"sha256\"} object at " + loc);
        }
        String source = text(url, node, "source", loc);
        URI uri;
        try {
            uri = References.toUri(source);
        } catch (UnsafeReferenceException e) {
            throw new ResourceException("the collection index " + url + " has an invalid source at " + loc
                    + ".source: '" + source + "', expected an http or https URL");
        }
        JsonNode sha = node.get("sha256");
        Sha256 hash = null;
        if (sha != null && !sha.isNull()) {
            try {
                hash = Sha256.parse(sha.asString());
            } catch (IllegalArgumentException e) {
                throw new ResourceException("the collection index " + url + " has an invalid sha256 at " + loc
                        + ".sha256: " + e.getMessage());
            }
        }
        return new Entry(id, uri, hash);
    }

    private static String text(URI url, JsonNode node, String field, String loc) throws ResourceException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new ResourceException("the collection index " + url + " has no string " + loc + "." + field);
        }
        return value.asString();
    }

    /** {@return where this index came from} */
    public URI url() {
        return url;
    }

    /** {@return every id the index knows, versions and DOIs included} */
    public Set<String> ids() {
        return entries.keySet();
    }

    /**
     * Looks an id up exactly (a trailing {@code /} is ignored).
     *
     * @param id the id
     * @return its entry, or empty when the index does not list it
     */
    public Optional<Entry> find(String id) {
        String key = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return Optional.ofNullable(entries.get(key));
    }

    /**
     * Looks an id up, failing with the closest known ids when it is unknown.
     *
     * @param id the id
     * @return its entry
     * @throws UnknownIdException when the index does not list it
     */
    public Entry resolve(String id) throws UnknownIdException {
        Optional<Entry> entry = find(id);
        if (entry.isEmpty()) {
            throw new UnknownIdException(id, url, closest(id));
        }
        return entry.get();
    }

    /**
     * {@return the known ids most like {@code id}, best first: at most three, each at least 60% alike (one minus the
     * edit distance over the longer length, ignoring case), as the reference's {@code get_close_matches} suggests}
     *
     * @param id the unknown id
     */
    public List<String> closest(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        record Scored(String id, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (String known : entries.keySet()) {
            double score = similarity(wanted, known.toLowerCase(Locale.ROOT));
            if (score >= 0.6) {
                scored.add(new Scored(known, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
        return scored.stream().limit(SUGGESTIONS).map(Scored::id).toList();
    }

    static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 1 : 1 - (double) editDistance(a, b) / longer;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @Override
    public String toString() {
        return "CollectionIndex[" + url + ", " + entries.size() + " ids]";
    }
}
