package io.github.camelchatbots.simulator.chatbotcom;

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

/** A JDK HTTP client speaking to the ChatBot.com simulation with its access token, for the tests of this package. */
final class ChatbotcomHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ChatbotcomSimulation chatbotcom;

    ChatbotcomHttp(ChatbotcomSimulation chatbotcom) {
        this.chatbotcom = chatbotcom;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, bearer());
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json, bearer());
    }

    HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json, bearer());
    }

    /** @param authorization the raw Authorization header, or {@code null} for none */
    HttpResponse<String> send(String method, String path, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(chatbotcom.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
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
    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    /** Sends a chat-with-bot request built from alternating names and values, and returns the 200 answer. */
    JsonNode query(Object... fields) {
        return ok(post("/query", json(fields)));
    }

    /** A JSON object from alternating names and values, e.g. {@code json("sessionId", "abc", "reset", true)}. */
    static String json(Object... fields) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put((String) fields[i], fields[i + 1]);
        }
        try {
            return MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String bearer() {
        return "Bearer " + chatbotcom.accessToken();
    }
}
