package io.github.camelchatbots.support.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A chatbot vendor on the loopback interface: answers with the replies a test scripts, in order, and records every
 * request as it arrived on the wire. Errors follow a Slack-like convention,
 * {@code {"ok":false,"error":{"code":..,"message":..,"request_id":..}}}, read by {@link #ERRORS}.
 */
final class FakeVendor implements AutoCloseable {

    static final VendorErrorModel ERRORS = new VendorErrorModel() {
        @Override
        public VendorError read(JsonNode body) {
            JsonNode error = body.path("error");
            return new VendorError(text(error.get("code")), text(error.get("message")),
                    text(error.get("request_id")));
        }

        @Override
        public int envelopeStatus(JsonNode body) {
            if (!body.path("ok").isBoolean() || body.path("ok").booleanValue()) {
                return 0;
            }
            VendorError error = read(body);
            return VendorErrorModel.statusFor(error.code(), error.message());
        }

        private static String text(JsonNode node) {
            return node == null || node.isNull() ? null : node.asText();
        }
    };

    static String error(String code, String message) {
        return "{\"ok\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    /** One scripted answer. */
    record Reply(int status, String body, Map<String, String> headers, Duration delay) {

        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
        }

        static Reply ok() {
            return json(200, "{\"ok\":true}");
        }

        Reply header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more, delay);
        }

        Reply after(Duration delay) {
            return new Reply(status, body, headers, delay);
        }
    }

    /** One request as the vendor saw it: raw, still percent-encoded path and query. */
    record Received(String method, String rawPath, String rawQuery, Headers headers, String body, long arrivedNanos) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Reply otherwise = Reply.ok();

    private FakeVendor() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // a delayed reply must not hold up the next request
        server.setExecutor(executor);
        server.start();
    }

    static FakeVendor start() throws IOException {
        return new FakeVendor();
    }

    /** The next request gets this reply; replies queue up in order. */
    FakeVendor then(Reply reply) {
        script.add(reply);
        return this;
    }

    /** What every request gets once the scripted replies are used up. */
    FakeVendor otherwise(Reply reply) {
        this.otherwise = reply;
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Duration between(int earlier, int later) {
        return Duration.ofNanos(received.get(later).arrivedNanos() - received.get(earlier).arrivedNanos());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body, arrived));
            Reply reply = script.poll();
            if (reply == null) {
                reply = otherwise;
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    // the vendor is shutting down
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
