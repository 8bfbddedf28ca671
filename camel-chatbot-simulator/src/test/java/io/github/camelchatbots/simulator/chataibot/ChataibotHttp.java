package io.github.camelchatbots.simulator.chataibot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.camelchatbots.simulator.TestHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A JDK HTTP client speaking to the ChatAIBot simulation with its access token, for the tests of this package. */
final class ChataibotHttp {

    static final String BOUNDARY = "----sim-test-boundary-7MA4YWxkTrZu0gW";

    /**
     * The start-conversation body of ChatAIBot's documentation, verbatim but for its {@code //} comments, which are
     * not JSON, and with the placeholders {@code <bot_key>} and {@code <visitor_id>} to fill in.
     */
    static final String SEED_START_REQUEST = """
            {
            "channel": "API",
            "message": {
            "data": {
            "body": "Hello"
            },
            "type": "text"
            },
            "variables": {
            "system": {
            "timezone": "Asia/Calcutta",
            "referrerUrl": "https://chataibot.io",
            "browserLanguage": "en-GB"
            },
            "contact": {
            "name": "User Name",
            "email": "example@domain.com",
            "phone": "1234567890"
            },
            "conversation": {
            "variable": "value"
            }
            },
            "bot_key": "<bot_key>",
            "from": {
            "user_external_id": "<visitor_id>",
            "type": "VISITOR"
            }
            }""";

    /** The start-conversation answer of ChatAIBot's documentation, verbatim. */
    static final String SEED_START_RESPONSE = """
            {
            "ok": true,
            "conversation": {
            "id": "<conversation_id>",
            "created_at": "2025-02-10 20:21:03.913000",
            "assignee": {
            "id": "<bot_user_id>",
            "to": "<bot_user_email>"
            }
            },
            "contact": {
            "name": "User Name",
            "email": "example@domain.com",
            "phone": "9999999999",
            "visitor_key": "<visitor_id>_<account_id>"
            }
            }""";

    /** The send-visitor-message body of ChatAIBot's documentation, verbatim but for its comment. */
    static final String SEED_SEND_REQUEST = """
            {
            "message": {
            "data": {
            "body": "Hello"
            },
            "type": "text"
            },
            "user": {
            "type": "VISITOR"
            }
            }""";

    /** The send-visitor-message answer of ChatAIBot's documentation, verbatim. */
    static final String SEED_SEND_RESPONSE = """
            {
            "ok": true,
            "message_id": "6HRBshHEcV8P103039226478taGDJQxC"
            }""";

    /** One form field of a multipart upload; {@code filename} is {@code null} for a text field. */
    record FormField(String name, String filename, String content) {

        static FormField file(String name, String filename, String content) {
            return new FormField(name, filename, content);
        }

        static FormField text(String name, String content) {
            return new FormField(name, null, content);
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ChataibotSimulation chataibot;

    ChataibotHttp(ChataibotSimulation chataibot) {
        this.chataibot = chataibot;
    }

    static String startRequest(String botKey, String visitorId) {
        return SEED_START_REQUEST.replace("<bot_key>", botKey).replace("<visitor_id>", visitorId);
    }

    static String sendRequest(String text) {
        return SEED_SEND_REQUEST.replace("\"Hello\"", TextNode.valueOf(text).toString());
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, "application/json", bearer());
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json, "application/json", bearer());
    }

    HttpResponse<String> upload(int knowledgeBaseId, List<FormField> fields) {
        return send("POST", "/api/v1/ai/knowledge-base/" + knowledgeBaseId + "/upload/sources", multipart(fields),
                "multipart/form-data; boundary=" + BOUNDARY, bearer());
    }

    /**
     * @param contentType   the request's Content-Type, or {@code null} for none
     * @param authorization the raw Authorization header, or {@code null} for none
     */
    HttpResponse<String> send(String method, String path, String body, String contentType, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(chataibot.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) {
            request.header("content-type", contentType);
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

    /** The body of a 200 answer with {@code "ok": true}. */
    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("ok").asBoolean()).as(response.body()).isTrue();
        return body;
    }

    /** Starts a conversation with the seed's request and returns its id. */
    String start(String botKey, String visitorId) {
        return ok(post("/api/v1/conversations", startRequest(botKey, visitorId))).at("/conversation/id").asText();
    }

    /** Sends a visitor message with the seed's request and returns the 200 answer. */
    JsonNode say(String conversationId, String text) {
        return ok(post("/api/v1/conversation/" + conversationId + "/messages", sendRequest(text)));
    }

    static String multipart(List<FormField> fields) {
        StringBuilder body = new StringBuilder();
        for (FormField field : fields) {
            body.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(field.name()).append('"');
            if (field.filename() != null) {
                body.append("; filename=\"").append(field.filename()).append("\"\r\n")
                        .append("Content-Type: text/plain");
            }
            body.append("\r\n\r\n").append(field.content()).append("\r\n");
        }
        return body.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    private String bearer() {
        return "Bearer " + chataibot.accessToken();
    }
}
