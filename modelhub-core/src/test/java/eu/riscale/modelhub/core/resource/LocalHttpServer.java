package eu.riscale.modelhub.core.resource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real HTTP server on 127.0.0.1 for tests; records every request path and can hang handlers until closed. */
final class LocalHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    void handle(String context, HttpHandler handler) {
        server.createContext(context, exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                // the client went away (timeouts, size limits); that is what some tests provoke
            } finally {
                exchange.close();
            }
        });
    }

    void bytes(String path, byte[] body) {
        handle(path, exchange -> send(exchange, 200, body));
    }

    /** Serves the regular files of a folder under a context path. */
    void folder(String context, Path folder) {
        handle(context, exchange -> {
            String name = exchange.getRequestURI().getPath().substring(context.length());
            Path file = folder.resolve(name).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                send(exchange, 404, new byte[0]);
            } else {
                send(exchange, 200, Files.readAllBytes(file));
            }
        });
    }

    /** Blocks the calling handler until the server closes. */
    void hang() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
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
