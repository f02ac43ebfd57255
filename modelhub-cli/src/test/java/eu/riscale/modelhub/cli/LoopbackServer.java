package eu.riscale.modelhub.cli;

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

/** An HTTP server on 127.0.0.1 serving fixed bytes and folders, recording every request as {@code METHOD path}. */
final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    void bytes(String path, byte[] body) {
        server.createContext(path, exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
    }

    /** Serves the regular files of a folder under a context path ending in {@code /}. */
    void folder(String context, Path folder) {
        server.createContext(context, exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath());
                Path file = folder.resolve(exchange.getRequestURI().getPath().substring(context.length()))
                        .normalize();
                if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
