package eu.riscale.modelhub.core.upload;

import eu.riscale.modelhub.core.resource.ResourceSettings;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls the functions of the hub's artifact-manager service over HTTP, as the reference's {@code upload} does:
 * {@code POST <endpoint>/<function>} with the keyword arguments as a JSON object and {@code Authorization: Bearer},
 * the result as JSON; and {@code PUT}s file bytes to presigned URLs without credentials. Failures become
 * {@link UploadException}s naming the step; the token never appears in a message.
 */
final class HubClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The most characters of a server's error text quoted in a message. */
    private static final int MAX_DETAIL = 300;

    private static final String RESUME = "run the same command again to resume";

    private final URI endpoint;
    private final String token;
    private final ResourceSettings settings;
    private final HttpClient client;

    HubClient(URI endpoint, String token, ResourceSettings settings) {
        this.endpoint = endpoint;
        this.token = token;
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /** {@return the URL of one function of the service} */
    URI function(String name) {
        return URI.create(endpoint + "/" + name);
    }

    /**
     * Calls a function of the service.
     *
     * @param name the function, {@code create}, {@code put_file}, {@code read} or {@code edit}
     * @param arguments its keyword arguments
     * @param step what this call does, for messages
     */
    JsonNode call(String name, ObjectNode arguments, String step) throws UploadException {
        HttpRequest request = HttpRequest.newBuilder(function(name))
                .timeout(settings.readTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("User-Agent", "modelhub-java")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(arguments), StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response = send(request, step, settings.readTimeout());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), body, step);
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw protocol(step, "an empty answer");
            }
            return node;
        } catch (JacksonException e) {
            throw protocol(step, "an answer that is not JSON: " + quote(body));
        }
    }

    /**
     * Sends a file's bytes to a presigned URL, reporting progress.
     *
     * @param url the presigned URL the service returned
     * @param body opens the bytes
     * @param size how many bytes
     * @param path the file's path in the package, for progress and messages
     */
    void put(URI url, Opener body, long size, String path, UploadListener listener) throws UploadException {
        String step = "upload " + path + " to " + withoutQuery(url);
        listener.progress(path, 0, size);
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new Counting(body.open(), path, size, listener);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }),
                size);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.downloadTimeout())
                .header("User-Agent", "modelhub-java")
                .PUT(publisher)
                .build();
        HttpResponse<byte[]> response = send(request, step, settings.downloadTimeout());
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), step);
        }
        listener.progress(path, size, size);
    }

    /** Opens the bytes of a file to upload; may be called again when a request is retried. */
    interface Opener {
        InputStream open() throws IOException;
    }

    private HttpResponse<byte[]> send(HttpRequest request, String step, Duration timeout) throws UploadException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new UploadException(
                    UploadException.Kind.TIMEOUT,
                    "cannot " + step + ": no connection to " + request.uri().getHost() + " within "
                            + settings.connectTimeout().toSeconds() + " s; " + RESUME,
                    0,
                    List.of(),
                    null);
        } catch (HttpTimeoutException e) {
            throw new UploadException(
                    UploadException.Kind.TIMEOUT,
                    "cannot " + step + ": no answer from " + request.uri().getHost() + " within " + timeout.toSeconds()
                            + " s; " + RESUME,
                    0,
                    List.of(),
                    null);
        } catch (ConnectException e) {
            throw new UploadException(
                    UploadException.Kind.CONNECTION,
                    "cannot " + step + ": cannot connect to " + request.uri().getHost() + " (server down or no"
                            + " network?); " + RESUME,
                    0,
                    List.of(),
                    null);
        } catch (IOException | UncheckedIOException e) {
            throw new UploadException(
                    UploadException.Kind.CONNECTION,
                    "cannot " + step + ": the connection failed (" + clean(String.valueOf(e.getMessage())) + "); "
                            + RESUME,
                    0,
                    List.of(),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadException(
                    UploadException.Kind.CONNECTION, "cannot " + step + ": interrupted; " + RESUME, 0, List.of(), null);
        }
    }

    private UploadException failure(int status, String body, String step) {
        String detail = detail(body);
        String said = detail.isEmpty() ? "" : " (" + detail + ")";
        if (status == 401) {
            return new UploadException(
                    UploadException.Kind.UNAUTHORIZED,
                    "cannot " + step + ": the hub refused the token (HTTP 401" + said + "); it is missing, invalid or"
                            + " expired: get a new one at https://bioimage.io/#/api?tab=hypha-rpc and pass it with"
                            + " --token or " + UploadOptions.TOKEN_ENV + ", then " + RESUME,
                    status,
                    List.of(),
                    null);
        }
        if (status == 403) {
            return new UploadException(
                    UploadException.Kind.FORBIDDEN,
                    "cannot " + step + ": permission denied (HTTP 403" + said + "); the token's account may not do"
                            + " this",
                    status,
                    List.of(),
                    null);
        }
        if (status == 409) {
            return new UploadException(
                    UploadException.Kind.CONFLICT,
                    "cannot " + step + ": conflict with what the hub holds (HTTP 409" + said + ")",
                    status,
                    List.of(),
                    null);
        }
        if (status / 100 == 5) {
            return new UploadException(
                    UploadException.Kind.SERVER,
                    "cannot " + step + ": the hub failed (HTTP " + status + said + "); nothing was published; "
                            + RESUME,
                    status,
                    List.of(),
                    null);
        }
        return new UploadException(
                UploadException.Kind.HTTP_STATUS,
                "cannot " + step + ": HTTP " + status + said,
                status,
                List.of(),
                null);
    }

    UploadException protocol(String step, String what) {
        return new UploadException(
                UploadException.Kind.PROTOCOL,
                "cannot " + step + ": the hub answered with " + what + ", not what its artifact manager returns",
                0,
                List.of(),
                null);
    }

    /** {@return the {@code detail} of a JSON error answer, or the start of the text, without the token} */
    private String detail(String body) {
        String text = body.strip();
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject() && node.get("detail") != null) {
                JsonNode d = node.get("detail");
                text = d.isString() ? d.asString() : d.toString();
            }
        } catch (JacksonException e) {
            // plain text: quoted as it is
        }
        return quote(text);
    }

    private String quote(String text) {
        String t = clean(text.strip());
        return t.length() > MAX_DETAIL ? t.substring(0, MAX_DETAIL) + "..." : t;
    }

    /**
     * {@return the text with the token replaced (a server may echo it) and line breaks flattened; a token too short to
     * be real is left, so that its letters are not starred out of every word}
     */
    String clean(String text) {
        String hidden = token.length() >= 8 ? text.replace(token, "***") : text;
        return hidden.replaceAll("[\\r\\n\\t]+", " ");
    }

    /** {@return a URL without its query, which holds a presigned URL's signature} */
    static String withoutQuery(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    /** Counts the bytes read and tells the listener about every tenth of the file. */
    private static final class Counting extends FilterInputStream {
        private final String path;
        private final long size;
        private final UploadListener listener;
        private long sent;
        private long nextReport;

        Counting(InputStream in, String path, long size, UploadListener listener) {
            super(in);
            this.path = path;
            this.size = size;
            this.listener = listener;
            this.nextReport = Math.max(1, size / 10);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            sent += n;
            if (sent >= nextReport && sent < size) {
                listener.progress(path, sent, size);
                nextReport = sent + Math.max(1, size / 10);
            }
        }
    }
}
