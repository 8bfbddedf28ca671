package io.github.camelchatbots.component.chataibot.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.Ids;
import io.github.camelchatbots.support.error.ChatbotAuthenticationException;
import io.github.camelchatbots.support.error.ChatbotBadRequestException;
import io.github.camelchatbots.support.error.ChatbotCall;
import io.github.camelchatbots.support.error.ChatbotConnectionException;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.error.ChatbotRateLimitedException;
import io.github.camelchatbots.support.error.ChatbotTimeoutException;
import io.github.camelchatbots.support.error.ChatbotVendorException;
import io.github.camelchatbots.support.http.Authentication;
import io.github.camelchatbots.support.http.RateLimiter;
import io.github.camelchatbots.support.http.RetryPolicy;
import io.github.camelchatbots.support.http.VendorErrorModel;
import io.github.camelchatbots.support.http.VendorErrorModel.VendorError;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.net.URIBuilder;

/**
 * A {@code multipart/form-data} POST to a vendor, sent and classified as {@code ChatbotApiClient} sends and classifies
 * its JSON calls: through the same pooled HTTP client (its time-outs, TLS, proxy and retry policy), under the
 * account's rate limit, with the credential written into the request only, and every answer turned into a parsed
 * body or the {@code ChatbotException} of its kind, with the vendor's error envelope honoured inside a 200.
 * <p>
 * <b>Belongs in camel-chatbot-support</b>, as a multipart body of {@code ChatbotApiClient.Request}: support has no
 * way to send one, and its exec-chain attributes (the per-attempt rate limit, the envelope check) are package-private,
 * so this takes one permit for the whole call, as the support client does for an HTTP client of the user's own, and
 * checks the envelope after the answer. Like any write, the upload is retried only when the vendor provably did not
 * act on it.
 */
public final class MultipartRequest {

    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-amzn-requestid");

    /**
     * One form field: a text (no file name) or a file. A class rather than a record: its content is an array, which
     * a record would compare by identity.
     */
    public static final class Part {
        private final String field;
        private final String filename;
        private final String contentType;
        private final byte[] content;

        private Part(String field, String filename, String contentType, byte[] content) {
            this.field = Objects.requireNonNull(field, "field");
            this.filename = filename;
            this.contentType = contentType;
            this.content = Objects.requireNonNull(content, "content");
        }

        public static Part text(String field, String text) {
            return new Part(field, null, null, text.getBytes(StandardCharsets.UTF_8));
        }

        /** @param contentType the file's media type, null for application/octet-stream */
        public static Part file(String field, String filename, String contentType, byte[] content) {
            return new Part(field, Objects.requireNonNull(filename, "filename"), contentType, content);
        }

        public String field() {
            return field;
        }

        /** The file's name, null for a text. */
        public String filename() {
            return filename;
        }

        public String contentType() {
            return contentType;
        }

        public byte[] content() {
            return content;
        }

        public boolean isFile() {
            return filename != null;
        }
    }

    private record Answer(int status, String requestId, Duration retryAfter, String body) {
    }

    private final String vendor;
    private final URI baseUrl;
    private final Authentication authentication;
    private final RateLimiter rateLimiter;
    private final CloseableHttpClient http;
    private final Duration maxPause;
    private final VendorErrorModel errorModel;

    /** @param http the pooled client; whoever made it closes it */
    public MultipartRequest(String vendor, URI baseUrl, Authentication authentication, RateLimiter rateLimiter,
                            CloseableHttpClient http, Duration maxPause, VendorErrorModel errorModel) {
        this.vendor = Objects.requireNonNull(vendor);
        this.baseUrl = Objects.requireNonNull(baseUrl);
        this.authentication = Objects.requireNonNull(authentication);
        this.rateLimiter = Objects.requireNonNull(rateLimiter);
        this.http = Objects.requireNonNull(http);
        this.maxPause = Objects.requireNonNull(maxPause);
        this.errorModel = Objects.requireNonNull(errorModel);
    }

    /** How the call is named in logs and exceptions: method and path below the base URL, never the query. */
    public ChatbotCall call(String... pathSegments) {
        return new ChatbotCall(vendor, "POST", "/" + String.join("/", pathSegments));
    }

    /** Sends the form and returns the vendor's JSON answer, or throws the {@code ChatbotException} of its kind. */
    public JsonNode post(List<Part> parts, String... pathSegments) {
        for (String segment : pathSegments) {
            Ids.checkSecret(vendor, "a path segment", segment);
        }
        ChatbotCall call = call(pathSegments);
        ClassicHttpRequest request = build(call, parts, pathSegments);
        Answer answer;
        try (RateLimiter.Permit permit = rateLimiter.acquire()) {
            answer = http.execute(request, HttpClientContext.create(), response -> new Answer(response.getCode(),
                    requestId(response.getHeaders()), RetryPolicy.retryAfter(response),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                            StandardCharsets.UTF_8)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatbotConnectionException(call, 0, null, null, null, "interrupted", e);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ChatbotConnectionException(call, 0, null, null, null, "interrupted", e);
            }
            throw new ChatbotTimeoutException(call, 0, null, null, null, "no answer in time (" + e.getMessage() + ")",
                    e);
        } catch (IOException e) {
            throw new ChatbotConnectionException(call, 0, null, null, null,
                    "connection failed: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        if (answer.status() == 429 && answer.retryAfter() != null) {
            rateLimiter.pauseFor(answer.retryAfter().compareTo(maxPause) < 0 ? answer.retryAfter() : maxPause);
        }
        return interpret(call, answer);
    }

    private ClassicHttpRequest build(ChatbotCall call, List<Part> parts, String[] pathSegments) {
        // as browsers send a form: file names as UTF-8 in the quoted parameter, not percent-encoded (RFC 7578's
        // option, which common form parsers do not decode), and no charset parameter on the form's media type
        MultipartEntityBuilder form = MultipartEntityBuilder.create().setMode(HttpMultipartMode.LEGACY)
                .setCharset(StandardCharsets.UTF_8).setContentType(ContentType.create("multipart/form-data"));
        for (Part part : parts) {
            if (part.isFile()) {
                ContentType type = part.contentType() == null ? ContentType.APPLICATION_OCTET_STREAM
                        : ContentType.parse(part.contentType());
                form.addBinaryBody(part.field(), part.content(), type, part.filename());
            } else {
                form.addTextBody(part.field(), new String(part.content(), StandardCharsets.UTF_8),
                        ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
            }
        }
        try {
            // rebuilt from segments so that a base URL ending in '/' does not produce '//' in the path
            URIBuilder uri = new URIBuilder(baseUrl);
            List<String> segments = new ArrayList<>(uri.getPathSegments());
            segments.removeIf(String::isEmpty);
            segments.addAll(List.of(pathSegments));
            uri.setPathSegments(segments);
            ClassicHttpRequest request = ClassicRequestBuilder.post(uri.build())
                    .setHeader(HttpHeaders.ACCEPT, ContentType.APPLICATION_JSON.getMimeType())
                    .setEntity(form.build())
                    .build();
            authentication.applyTo(request);
            return request;
        } catch (URISyntaxException e) {
            throw new ChatbotBadRequestException(call, 0, null, null, null,
                    "request could not be built: " + e.getMessage(), e);
        }
    }

    private JsonNode interpret(ChatbotCall call, Answer answer) {
        JsonNode json = null;
        String parseProblem = null;
        if (!answer.body().isBlank()) {
            try {
                json = ChatbotJson.mapper().readTree(answer.body());
            } catch (JsonProcessingException e) {
                parseProblem = e.getOriginalMessage();
            }
        }
        VendorError error = json == null ? VendorError.NONE : errorModel.read(json);
        String requestId = answer.requestId() != null ? answer.requestId() : error.requestId();
        int status = answer.status();
        Integer envelopeOf = null;
        if (status >= 200 && status < 300) {
            if (json == null) {
                throw new ChatbotMalformedResponseException(call, status, null, requestId, answer.body(),
                        answer.body().isBlank() ? "an empty answer" : "invalid JSON: " + parseProblem, null);
            }
            int envelope = errorModel.envelopeStatus(json);
            if (envelope < 400 || envelope >= 600) {
                return json;
            }
            envelopeOf = status;
            status = envelope;
        }
        int sent = envelopeOf != null ? envelopeOf : status;
        String problem = (error.message() != null ? error.message() : "HTTP " + status)
                         + (envelopeOf != null ? " (an error envelope in an HTTP " + envelopeOf + " answer)" : "");
        if (status == 401 || status == 403) {
            throw new ChatbotAuthenticationException(call, sent, error.code(), requestId, answer.body(),
                    "credential refused: " + problem, null);
        }
        if (status == 404) {
            throw new ChatbotNotFoundException(call, sent, error.code(), requestId, answer.body(),
                    "not found: " + problem, null);
        }
        if (status == 429) {
            throw new ChatbotRateLimitedException(call, error.code(), requestId, answer.body(), answer.retryAfter());
        }
        if (status == 408 || status == 504) {
            throw new ChatbotTimeoutException(call, sent, error.code(), requestId, answer.body(),
                    "vendor timed out: " + problem, null);
        }
        if (status >= 400 && status < 500) {
            throw new ChatbotBadRequestException(call, sent, error.code(), requestId, answer.body(),
                    "request rejected: " + problem, null);
        }
        throw new ChatbotVendorException(call, sent, error.code(), requestId, answer.body(),
                "vendor error: " + problem, null);
    }

    private static String requestId(Header[] headers) {
        for (Header header : headers) {
            if (REQUEST_ID_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
                return header.getValue();
            }
        }
        return null;
    }
}
