package eu.riscale.modelhub.core.upload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hub's artifact manager as the reference's upload calls it, on 127.0.0.1, recording every request.
 *
 * <p>Which reference each endpoint follows:
 *
 * <ul>
 *   <li>the HTTP form of a service call, {@code POST /<workspace>/services/<service>/<function>} with the keyword
 *       arguments as a JSON body, {@code Authorization: Bearer <token>}, the function's return value as the JSON
 *       answer, errors as {@code {"success": false, "detail": ...}} with 403/404/500: amun-ai/hypha
 *       {@code hypha/http.py} {@code call_service_function} (hypha 0.21.135, commit 14763016e819); an expired token:
 *       401 {@code {"detail": "The token has expired. Please fetch a new one"}}, {@code hypha/core/auth.py} line 162;
 *   <li>{@code create}: bioimage-io/spec-bioimage-io {@code src/bioimageio/spec/_upload.py} (bioimageio.spec
 *       0.5.7.2, commit 63a2ea093d29), which posts {@code parent_id}, {@code alias}, {@code type}, {@code manifest} and
 *       the staged version to {@code settings.hypha_upload} and reads {@code id} from the answer; {@code stage: true}
 *       as bioimage-io/bioimage.io {@code src/components/Upload.tsx} sends it (commit aa4cf54c4f15), which hypha's
 *       {@code artifact.py} {@code create} treats as the reference's {@code version: "stage"};
 *   <li>{@code put_file}: {@code _upload.py} posts {@code artifact_id} and {@code file_path} and reads a URL (a JSON
 *       string); {@code download_weight} as {@code Upload.tsx} adds it for weights;
 *   <li>the presigned {@code PUT}: {@code _upload.py} / {@code Upload.tsx} send the bytes without credentials;
 *   <li>{@code edit}: {@code _upload.py} posts {@code artifact_id}, the staged version and the manifest with a status;
 *       {@code Upload.tsx} ends with a staged {@code edit} recording {@code file_sha256}; review is requested with
 *       status {@code in-review} as the website's {@code submit_for_review.py} does;
 *   <li>{@code read} with {@code stage: true}: hypha {@code artifact.py} {@code read}, as {@code submit_for_review.py}
 *       calls it; 404 when the draft is gone. {@code commit} is served only so that a test can see it is never called.
 * </ul>
 */
final class FakeHub implements AutoCloseable {
    static final String SERVICE = "/public/services/artifact-manager";
    static final String EXPIRED = "The token has expired. Please fetch a new one";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as the hub saw it. */
    record Call(String method, String path, @Nullable String authorization, byte[] body) {
        String function() {
            return path.startsWith(SERVICE + "/") ? path.substring(SERVICE.length() + 1) : "";
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** An answer to inject instead of the normal one. */
    record Answer(int status, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final String token;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, byte[]>> files = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> manifests = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private volatile Function<Call, Optional<Answer>> failure = c -> Optional.empty();
    private volatile boolean hangCreate;

    FakeHub(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SERVICE);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String function) {
        return calls.stream().filter(c -> c.function().equals(function)).toList();
    }

    List<Call> puts() {
        return calls.stream().filter(c -> c.method().equals("PUT")).toList();
    }

    Map<String, byte[]> files(String artifactId) {
        return Map.copyOf(files.getOrDefault(artifactId, Map.of()));
    }

    JsonNode manifest(String artifactId) {
        return manifests.get(artifactId);
    }

    void failWith(Function<Call, Optional<Answer>> failure) {
        this.failure = failure;
    }

    void hangOnCreate() {
        hangCreate = true;
    }

    /** Forgets a draft, as if a curator had deleted it. */
    void delete(String artifactId) {
        manifests.remove(artifactId);
        files.remove(artifactId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Call call = new Call(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body);
            calls.add(call);
            Optional<Answer> injected = failure.apply(call);
            if (injected.isPresent()) {
                send(exchange, injected.get().status(), injected.get().body());
                return;
            }
            if (call.method().equals("PUT") && call.path().startsWith("/s3/")) {
                putObject(exchange, call);
                return;
            }
            if (!call.method().equals("POST") || !call.path().startsWith(SERVICE + "/")) {
                send(exchange, 404, "{\"success\": false, \"detail\": \"not found\"}");
                return;
            }
            if (!("Bearer " + token).equals(call.authorization())) {
                send(exchange, 401, "{\"detail\": \"" + EXPIRED + "\"}");
                return;
            }
            JsonNode args = call.json();
            switch (call.function()) {
                case "create" -> {
                    if (hangCreate) {
                        release.await(30, TimeUnit.SECONDS);
                        return;
                    }
                    String id = "bioimage-io/affable-shark-" + created.incrementAndGet();
                    manifests.put(id, args.get("manifest"));
                    files.put(id, new ConcurrentHashMap<>());
                    ObjectNode answer = JSON.createObjectNode();
                    answer.put("id", id);
                    answer.put("alias", id.substring(id.indexOf('/') + 1));
                    answer.set("manifest", args.get("manifest"));
                    send(exchange, 200, answer.toString());
                }
                case "put_file" -> {
                    String id = args.get("artifact_id").asString();
                    if (!files.containsKey(id)) {
                        send(exchange, 404, "{\"success\": false, \"detail\": \"KeyError: artifact not found\"}");
                        return;
                    }
                    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/s3/" + id + "/"
                            + args.get("file_path").asString() + "?X-Amz-Signature=presigned-secret";
                    send(exchange, 200, JSON.writeValueAsString(url));
                }
                case "read" -> {
                    String id = args.get("artifact_id").asString();
                    if (!manifests.containsKey(id)) {
                        send(exchange, 404, "{\"success\": false, \"detail\": \"KeyError: artifact not found\"}");
                        return;
                    }
                    ObjectNode answer = JSON.createObjectNode();
                    answer.put("id", id);
                    answer.set("manifest", manifests.get(id));
                    send(exchange, 200, answer.toString());
                }
                case "edit" -> {
                    String id = args.get("artifact_id").asString();
                    if (!manifests.containsKey(id)) {
                        send(exchange, 404, "{\"success\": false, \"detail\": \"KeyError: artifact not found\"}");
                        return;
                    }
                    manifests.put(id, args.get("manifest"));
                    send(exchange, 200, "{\"id\": \"" + id + "\"}");
                }
                default -> send(exchange, 200, "null");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: what the timeout test provokes
        }
    }

    private void putObject(HttpExchange exchange, Call call) throws IOException {
        String rest = call.path().substring("/s3/".length());
        int second = rest.indexOf('/', rest.indexOf('/') + 1);
        String id = rest.substring(0, second);
        String path = rest.substring(second + 1);
        Map<String, byte[]> stored = files.get(id);
        if (stored == null) {
            send(exchange, 403, "<Error><Code>AccessDenied</Code></Error>");
            return;
        }
        stored.put(path, call.body());
        send(exchange, 200, "");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
