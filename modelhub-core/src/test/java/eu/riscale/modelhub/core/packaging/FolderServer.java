package eu.riscale.modelhub.core.packaging;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves folders over HTTP on 127.0.0.1 (404 for anything else), as a remote model repository would. */
final class FolderServer implements AutoCloseable {
    private final HttpServer server;

    FolderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    /** Serves the regular files of {@code folder} under {@code /context/}. */
    FolderServer serve(String context, Path folder) {
        String prefix = "/" + context + "/";
        server.createContext(prefix, exchange -> {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring(prefix.length());
                Path file = folder.resolve(name).normalize();
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
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
