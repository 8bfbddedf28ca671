package io.github.camelchatbots.simulator.engati;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.TestHttp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A JDK HTTP client speaking to the Engati simulation with its default key, for the tests of this package. */
final class EngatiHttp {

    static final String BOUNDARY = "----engati-test-boundary-7MA4YWxkTrZu0gW";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final EngatiSimulation engati;

    EngatiHttp(EngatiSimulation engati) {
        this.engati = engati;
    }

    /** {@code /bot-api/v1.0/customer/10294/bot/1a1c9bfa5e0f41ed}: the default bot's prefix on the bot API. */
    String botApi(String version) {
        return "/bot-api/" + version + "/customer/" + engati.customerId() + "/bot/" + engati.botKey();
    }

    String whatsappApi() {
        return "/whatsapp-api/v1.0/customer/" + engati.customerId() + "/bot/" + engati.botKey();
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null, basic());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8), "application/json", basic());
    }

    HttpResponse<String> postMultipart(String path, byte[] body) {
        return send("POST", path, body, "multipart/form-data; boundary=" + BOUNDARY, basic());
    }

    /**
     * @param body          {@code null} for none
     * @param authorization the raw Authorization header, or {@code null} for none
     */
    HttpResponse<String> send(String method, String path, byte[] body, String contentType, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engati.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
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

    /** The envelope of an HTTP 200 whose status is 1000 SUCCESS. */
    static JsonNode success(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.at("/status/code").asInt()).as(response.body()).isEqualTo(1000);
        assertThat(body.at("/status/desc").asText()).isEqualTo("SUCCESS");
        assertThat(body.at("/status/message").asText()).isEqualTo("SUCCESS");
        return body;
    }

    /** Asserts an envelope failure and returns its message. */
    static String failure(HttpResponse<String> response, int httpStatus, EngatiStatus status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(httpStatus);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = TestHttp.json(response);
        assertThat(body.at("/status/code").asInt()).as(response.body()).isEqualTo(status.code());
        assertThat(body.at("/status/desc").asText()).isEqualTo(status.name());
        assertThat(body.get("responseObject").isNull()).isTrue();
        return body.at("/status/message").asText();
    }

    /** A multipart/form-data body of {@code target_audience} (a file) and {@code template_payload}. */
    static byte[] broadcastForm(byte[] audience, String templatePayload) {
        return form(part("target_audience", "audience.csv", "text/csv", audience),
                part("template_payload", null, "application/json", templatePayload.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] part(String name, String filename, String contentType, byte[] content) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        String disposition = "Content-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"");
        part.writeBytes(("--" + BOUNDARY + "\r\n" + disposition + "\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        part.writeBytes(content);
        part.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return part.toByteArray();
    }

    static byte[] form(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private String basic() {
        return "Basic " + engati.apiKey();
    }
}
