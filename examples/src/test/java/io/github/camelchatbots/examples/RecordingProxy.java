package io.github.camelchatbots.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Passes every request on to a vendor simulation and keeps its answers as well: the simulator records what a client
 * sent, but a test of what the client made of the answers needs what the simulator said.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request and the simulator's answer to it, bodies as text. */
    record Exchange(String method, String path, String requestBody, int status, String responseBody) {
    }

    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "Content-Type", "Accept");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    /** @param target the base URL to forward to, asked for each request: it may not exist yet when the proxy starts */
    RecordingProxy(Supplier<String> target) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> forward(exchange, target.get()));
        server.start();
    }

    String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void forward(HttpExchange exchange, String target) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), requestBody.length == 0 ? BodyPublishers.noBody()
                            : BodyPublishers.ofByteArray(requestBody));
            for (String header : FORWARDED_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response = client.send(request.build(), BodyHandlers.ofByteArray());
            exchanges.add(new Exchange(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    new String(requestBody, StandardCharsets.UTF_8), response.statusCode(),
                    new String(response.body(), StandardCharsets.UTF_8)));
            response.headers().firstValue("Content-Type")
                    .ifPresent(value -> exchange.getResponseHeaders().set("Content-Type", value));
            response.headers().firstValue("Retry-After")
                    .ifPresent(value -> exchange.getResponseHeaders().set("Retry-After", value));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1
                    : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to " + target, e);
        }
    }
}
