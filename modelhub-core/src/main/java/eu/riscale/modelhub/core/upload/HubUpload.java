package eu.riscale.modelhub.core.upload;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.description.internal.YamlIo;
import eu.riscale.modelhub.core.modeltest.DetailStatus;
import eu.riscale.modelhub.core.modeltest.ModelTests;
import eu.riscale.modelhub.core.modeltest.TestDetail;
import eu.riscale.modelhub.core.modeltest.TestOptions;
import eu.riscale.modelhub.core.modeltest.TestSummary;
import eu.riscale.modelhub.core.packaging.PackageOptions;
import eu.riscale.modelhub.core.packaging.PackageResult;
import eu.riscale.modelhub.core.packaging.Packager;
import eu.riscale.modelhub.core.packaging.PackagingException;
import eu.riscale.modelhub.core.resource.PackageEntry;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.Sha256;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Uploads a model package to the hub as a staged draft, following the hub's artifact protocol as the reference's
 * {@code bioimageio.spec.upload} and the hub's upload page use it. Nothing is ever committed or published; a curator
 * does that after review.
 *
 * <pre>{@code
 * UploadOptions options = UploadOptions.fromEnvironment(System.getenv(), home).requestReview(true).build();
 * try (UploadPlan plan = HubUpload.plan("my-model/rdf.yaml", options)) {   // validates, tests, packages
 *     UploadResult done = HubUpload.upload(plan, options);                 // sends
 *     System.out.println(done.artifactId());
 * }
 * }</pre>
 *
 * <p>{@link #plan} sends nothing: it loads the description (converting 0.4), refuses one with an {@code id} (only new
 * resources can be uploaded, as in the reference), writes the package as {@link Packager} does (every file resolved,
 * hashed and validated), tests it unless {@link UploadOptions#runTests()} is off, and refuses it when anything fails.
 * {@link #upload} then calls, with the token as {@code Authorization: Bearer}:
 *
 * <ol>
 *   <li>{@code POST <endpoint>/create} with {@code parent_id}, {@code alias} {@code {animal_adjective}-{animal}},
 *       {@code type}, the manifest with status {@code draft}, and {@code stage: true}: the hub answers the draft's
 *       {@code id};
 *   <li>for each file, {@code POST <endpoint>/put_file} with {@code artifact_id}, {@code file_path} and
 *       {@code download_weight}: the hub answers a presigned URL, to which the bytes are {@code PUT};
 *   <li>{@code POST <endpoint>/edit} with {@code stage: true} and the manifest with every file's sha256 in
 *       {@code file_sha256} and status {@code draft}, or {@code in-review} to request review.
 * </ol>
 *
 * <p>The state of an upload is saved after every step ({@link UploadOptions#stateDir()}); running it again for the
 * same package and service continues the same draft (after checking with {@code POST <endpoint>/read} that the hub
 * still has it) and sends only the files not sent before. The methods block; large files take long and report
 * progress to the {@link UploadListener}.
 */
public final class HubUpload {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The alias pattern the hub fills in with a new animal name for a model, as the reference and website send. */
    static final String MODEL_ALIAS = "{animal_adjective}-{animal}";

    private HubUpload() {}

    /**
     * Validates, tests and packages a source, and plans its upload; sends nothing.
     *
     * @param source a description file, folder, zip, http(s) URL or published id
     * @param options the options (tests, resources, state folder)
     * @return the plan; close it to delete the temporary package
     * @throws UploadException of kind {@link UploadException.Kind#INVALID_PACKAGE} listing every problem, when the
     *     description is invalid, has an {@code id}, a file is missing or has another sha256, or a test fails
     * @throws IOException when the source cannot be read
     */
    public static UploadPlan plan(String source, UploadOptions options) throws UploadException, IOException {
        Path dir = options.stateDir().resolve("packages");
        Files.createDirectories(dir);
        Path zip = Files.createTempFile(dir, "package-", ".zip");
        boolean done = false;
        try {
            PackageResult written;
            try (ResourceRoot root = ResourceRoot.open(source, options.resources())) {
                ModelDescr model = load(source, root);
                written = Packager.writeZip(model, root, zip, PackageOptions.DEFAULTS);
            } catch (PackagingException e) {
                throw invalid(
                        source,
                        e.getMessage(),
                        e.issues().stream().map(Diagnostic::toString).toList());
            }
            String testStatus = "not run";
            if (options.runTests()) {
                test(source, zip, options);
                testStatus = "passed";
            }
            UploadPlan plan = plan(source, zip, written, testStatus);
            done = true;
            return plan;
        } finally {
            if (!done) {
                Files.deleteIfExists(zip);
            }
        }
    }

    private static ModelDescr load(String source, ResourceRoot root) throws UploadException, IOException {
        LoadResult loaded;
        try (InputStream in = root.description().open()) {
            loaded = Descriptions.load(in, root.description().location());
        }
        ModelDescr model;
        try {
            model = loaded.requireModel();
        } catch (DescriptionException e) {
            throw invalid(
                    source,
                    "the description is invalid",
                    e.problems().stream().map(Diagnostic::toString).toList());
        }
        if (model.id() != null) {
            throw invalid(
                    source,
                    "the description has an id",
                    List.of("id: '" + model.id() + "' is set; only new resources can be uploaded (the hub gives the"
                            + " id); remove it, or edit the published resource on https://bioimage.io"));
        }
        return model;
    }

    private static void test(String source, Path zip, UploadOptions options) throws UploadException, IOException {
        TestSummary summary;
        try (ResourceRoot root = ResourceRoot.open(zip, options.resources())) {
            summary = ModelTests.test(
                    source,
                    root,
                    TestOptions.builder().resources(options.resources()).build());
        }
        if (summary.passed()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (TestDetail d : summary.details()) {
            if (d.status() == DetailStatus.FAILED) {
                if (d.errors().isEmpty()) {
                    problems.add(d.name() + ": failed");
                }
                d.errors().forEach(m -> problems.add(d.name() + ": " + m));
            }
        }
        if (problems.isEmpty()) {
            problems.add("no weights format reproduced the test outputs (status "
                    + summary.status().id() + ")");
        }
        throw invalid(
                source,
                "the package did not pass its tests (status " + summary.status().id() + "; --no-test skips them)",
                problems);
    }

    private static UploadPlan plan(String source, Path zip, PackageResult written, String testStatus) {
        Set<String> weights = new HashSet<>();
        for (FileReference ref : FileReferences.of(written.description())) {
            if (ref.location().startsWith(Location.of("weights"))) {
                weights.add(ref.source());
            }
        }
        List<UploadPlan.PlannedFile> files = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (PackageEntry e : written.entries()) {
            String name = e.name().value();
            files.add(new UploadPlan.PlannedFile(name, e.size(), e.sha256(), weights.contains(name)));
            key.append(name).append('\0').append(e.sha256().hex()).append('\n');
        }
        JsonNode tree = YamlIo.parse(Descriptions.toYaml(written.description()));
        ObjectNode manifest = Manifest.of((ObjectNode) tree);
        return new UploadPlan(
                source, zip, manifest, files, Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8)), testStatus);
    }

    /**
     * Uploads a planned package as a staged draft, or continues an interrupted upload of the same package.
     *
     * @param plan the plan from {@link #plan}
     * @param options the endpoint, token, review request and state folder
     * @return the draft and what this run sent
     * @throws UploadException of kind {@link UploadException.Kind#NO_TOKEN} before any request when there is no
     *     token; for 401, 403, 409, 5xx answers, timeouts, broken connections and unexpected answers, naming the step
     * @throws IOException when the package or the state cannot be read or written
     */
    public static UploadResult upload(UploadPlan plan, UploadOptions options) throws UploadException, IOException {
        String token = options.token()
                .orElseThrow(() -> new UploadException(
                        UploadException.Kind.NO_TOKEN,
                        "no upload token: pass --token or set " + UploadOptions.TOKEN_ENV + " (log in at"
                                + " https://bioimage.io and create one at https://bioimage.io/#/api?tab=hypha-rpc; by"
                                + " uploading you agree to the terms at https://bioimage.io/#/toc)",
                        0,
                        List.of(),
                        null));
        UploadListener listener = options.listener();
        HubClient hub = new HubClient(options.endpoint(), token, options.resources());
        UploadState state = UploadState.load(options.stateDir(), options.endpoint(), plan.key());
        boolean resumed = false;
        String artifactId = state.artifactId();
        if (artifactId != null && stillStaged(hub, artifactId)) {
            resumed = true;
            listener.step("continuing draft " + artifactId + " of an earlier, unfinished upload");
        } else {
            if (artifactId != null) {
                listener.step("the hub no longer has draft " + artifactId + "; creating a new one");
                state.forget();
            }
            artifactId = create(hub, plan, options);
            state.created(artifactId);
            listener.step("created draft " + artifactId);
        }
        int sent = 0;
        int skipped = 0;
        Map<String, String> hashes = new LinkedHashMap<>();
        try (ResourceRoot root = ResourceRoot.open(plan.packageFile(), options.resources())) {
            for (UploadPlan.PlannedFile f : plan.files()) {
                hashes.put(f.path(), f.sha256().hex());
                if (state.sent(f.path(), f.sha256())) {
                    skipped++;
                    listener.step("skipped " + f.path() + " (sent before)");
                    continue;
                }
                URI url = presignedUrl(hub, artifactId, f);
                hub.put(url, () -> root.resolve(f.path()).open(), f.size(), f.path(), listener);
                state.markSent(f.path(), f.sha256());
                sent++;
            }
        }
        String status = options.requestReview() ? "in-review" : "draft";
        ObjectNode edit = JSON.createObjectNode();
        edit.put("artifact_id", artifactId);
        edit.set("manifest", Manifest.withStatus(plan.manifestTree(), status, hashes));
        edit.put("stage", true);
        hub.call("edit", edit, "finish the staged version of " + artifactId);
        state.markFinished(options.requestReview());
        listener.step("finished the staged version of " + artifactId + " (status " + status + ", not published)");
        return new UploadResult(
                artifactId, stagedDescription(options, artifactId), resumed, sent, skipped, options.requestReview());
    }

    private static boolean stillStaged(HubClient hub, String artifactId) throws UploadException {
        ObjectNode read = JSON.createObjectNode();
        read.put("artifact_id", artifactId);
        read.put("stage", true);
        try {
            hub.call("read", read, "read draft " + artifactId);
            return true;
        } catch (UploadException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static String create(HubClient hub, UploadPlan plan, UploadOptions options) throws UploadException {
        ObjectNode create = JSON.createObjectNode();
        create.put("parent_id", options.parentId());
        create.put("alias", MODEL_ALIAS);
        create.put("type", "model");
        create.set("manifest", Manifest.withStatus(plan.manifestTree(), "draft", Map.of()));
        create.put("stage", true);
        String step = "create the draft in " + options.parentId();
        JsonNode answer = hub.call("create", create, step);
        JsonNode id = answer.get("id");
        if (id == null || !id.isString() || id.asString().isBlank()) {
            throw hub.protocol(step, "no artifact id");
        }
        return id.asString();
    }

    private static URI presignedUrl(HubClient hub, String artifactId, UploadPlan.PlannedFile f) throws UploadException {
        ObjectNode put = JSON.createObjectNode();
        put.put("artifact_id", artifactId);
        put.put("file_path", f.path());
        put.put("download_weight", f.weights() ? 1 : 0);
        String step = "get the upload URL for " + f.path();
        JsonNode answer = hub.call("put_file", put, step);
        if (!answer.isString()) {
            throw hub.protocol(step, "no URL");
        }
        try {
            URI url = new URI(answer.asString());
            String scheme = url.getScheme();
            if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
                throw hub.protocol(step, "a URL that is not http(s)");
            }
            return url;
        } catch (URISyntaxException e) {
            throw hub.protocol(step, "an invalid URL");
        }
    }

    /** {@return where the staged description can be read: {@code <server>/<workspace>/artifacts/<alias>/files/rdf.yaml?stage=true}} */
    static URI stagedDescription(UploadOptions options, String artifactId) {
        URI e = options.endpoint();
        int slash = artifactId.indexOf('/');
        String workspace =
                slash > 0 ? artifactId.substring(0, slash) : options.parentId().split("/")[0];
        String alias = artifactId.substring(slash + 1);
        return URI.create(e.getScheme() + "://" + e.getRawAuthority() + "/" + workspace + "/artifacts/" + alias
                + "/files/" + Packager.DESCRIPTION_NAME + "?stage=true");
    }

    private static UploadException invalid(String source, String what, List<String> problems) {
        return new UploadException(
                UploadException.Kind.INVALID_PACKAGE,
                "refusing to upload " + source + ": " + what + "; nothing was sent",
                0,
                problems,
                null);
    }
}
