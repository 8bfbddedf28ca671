package io.github.camelchatbots.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.github.camelchatbots.simulator.http.ErrorResponses;
import io.github.camelchatbots.simulator.http.Response;
import io.github.camelchatbots.simulator.http.Router;
import io.github.camelchatbots.simulator.http.SlidingWindowLimiter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pipeline every request to one vendor goes through: record it, apply the rate limit, apply an injected fault,
 * and finally route it. Vendor parts only supply routes, their error shape and their limit.
 */
public final class VendorEndpoint implements HttpHandler {

    /** Cut off inside the first array element, the way a body truncated by a failing backend usually ends. */
    private static final String MALFORMED_JSON = "{\"success\":true,\"data\":[{";

    private final String vendor;
    private final Router router;
    private final FaultInjector faults;
    private final Consumer<RecordedRequest> recorder;
    private final ErrorResponses errors;
    private final SlidingWindowLimiter limiter;

    /** @param limiter the vendor's rate limit, or {@code null} when it has none */
    public VendorEndpoint(String vendor, Router router, FaultInjector faults, Consumer<RecordedRequest> recorder,
            ErrorResponses errors, SlidingWindowLimiter limiter) {
        this.vendor = vendor;
        this.router = router;
        this.faults = faults;
        this.recorder = recorder;
        this.errors = errors;
        this.limiter = limiter;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            recorder.accept(request);
            if (limiter != null && limiter.appliesTo(request.path()) && !limiter.tryAcquire()) {
                // Ebbot documents that excess requests "time out": hold the request, then close without answering.
                pause(limiter.hangTimeout());
                throw new ConnectionAborted("rate limit exceeded");
            }
            Fault fault = faults.claim(vendor, request.method(), request.path());
            if (fault instanceof Fault.Latency latency) {
                pause(latency.delay());
            }
            if (fault instanceof Fault.Status status) {
                send(exchange, statusFault(status));
            } else if (fault instanceof Fault.MalformedJson) {
                send(exchange, Response.json(200, MALFORMED_JSON));
            } else if (fault instanceof Fault.DropConnection) {
                sendHalfAndAbort(exchange, route(request));
            } else {
                send(exchange, route(request));
            }
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(exchange.getHttpContext().getPath().length());
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path.isEmpty() ? "/" : path,
                query == null ? "" : query, headers, body, Instant.now());
    }

    /** A bug in a route must still produce an answer; a bare connection reset would look like a network fault. */
    private Response route(RecordedRequest request) {
        try {
            return router.dispatch(request);
        } catch (RuntimeException e) {
            return errors.error(500, "Internal Server Error");
        }
    }

    private Response statusFault(Fault.Status status) {
        Response response = errors.error(status.code(), reasonPhrase(status.code()));
        if (status.retryAfter() == null) {
            return response;
        }
        long seconds = (status.retryAfter().toMillis() + 999) / 1000;
        return response.withHeader("Retry-After", Long.toString(seconds));
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body();
        // 0 would mean "chunked" to HttpExchange; -1 means "no body".
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sendHalfAndAbort(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        throw new ConnectionAborted("connection dropped by fault injection");
    }

    /** Sleeps; {@link ChatbotSimulator#close()} interrupts it so that hanging requests never outlive the server. */
    private static void pause(Duration duration) throws ConnectionAborted {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionAborted("simulator stopped");
        }
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }

    /**
     * Thrown out of the handler on purpose: the JDK server closes the connection of an exchange whose handler fails,
     * which is the only way its API offers to cut a connection without a complete response.
     */
    private static final class ConnectionAborted extends IOException {
        ConnectionAborted(String reason) {
            super(reason);
        }
    }
}
