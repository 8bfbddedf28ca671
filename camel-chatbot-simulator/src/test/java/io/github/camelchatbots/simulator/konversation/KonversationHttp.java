package io.github.camelchatbots.simulator.konversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelchatbots.simulator.TestHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JDK HTTP client speaking to the konversation simulation with a Bearer token. DELETE requests carry their JSON
 * body, as the platform expects.
 */
final class KonversationHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final KonversationSimulation konversation;
    private final String token;

    KonversationHttp(KonversationSimulation konversation) {
        this(konversation, konversation.token());
    }

    KonversationHttp(KonversationSimulation konversation, String token) {
        this.konversation = konversation;
        this.token = token;
    }

    /** @param pathAndQuery below the base URL, e.g. {@code /flow/tags?limit=5} */
    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, "Bearer " + token);
    }

    /** @param fields alternating names and values of the JSON body */
    HttpResponse<String> post(String path, Object... fields) {
        return send("POST", path, json(fields), "Bearer " + token);
    }

    HttpResponse<String> put(String path, Object... fields) {
        return send("PUT", path, json(fields), "Bearer " + token);
    }

    HttpResponse<String> delete(String path, Object... fields) {
        return send("DELETE", path, json(fields), "Bearer " + token);
    }

    /** @param authorization the raw Authorization header, or {@code null} for none */
    HttpResponse<String> send(String method, String path, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(konversation.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("content-type", "application/json");
        }
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a 200 answer. */
    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    /** A write's answer: exactly {@code {"status":"ok"}}. */
    static void assertOk(HttpResponse<String> response) {
        assertThat(ok(response).toString()).isEqualTo("{\"status\":\"ok\"}");
    }

    /** The {@code data} of a single object's {@code {"status":"ok","data":{...}}}. */
    static JsonNode data(HttpResponse<String> response) {
        JsonNode body = ok(response);
        assertThat(body.path("status").asText()).as(response.body()).isEqualTo("ok");
        return body.get("data");
    }

    /** The message of a 400 answer in the default envelope. */
    static String badRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = TestHttp.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("message");
        return body.get("message").asText();
    }

    /** A JSON object from alternating names and values; values may be maps, lists, strings or numbers. */
    static String json(Object... fields) {
        try {
            return MAPPER.writeValueAsString(object(fields));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A map for a nested JSON object, from alternating names and values. */
    static Map<String, Object> object(Object... fields) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put((String) fields[i], fields[i + 1]);
        }
        return map;
    }
}
