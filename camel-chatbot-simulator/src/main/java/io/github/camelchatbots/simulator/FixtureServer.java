package io.github.camelchatbots.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A fake vendor that answers every request with one fixed body: for JSON shapes a vendor documents or may send but
 * the simulator does not produce (a seed's sample verbatim, a bare array, an error envelope inside a 200).
 */
public final class FixtureServer implements AutoCloseable {

    private final HttpServer server;

    private FixtureServer(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public static FixtureServer answering(int status, String body) throws IOException {
        return new FixtureServer(status, body);
    }

    /** A file under {@code fixtures/} on the caller's test class path. */
    public static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture fixtures/" + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
