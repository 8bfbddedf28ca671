package io.github.camelchatbots.component.engati.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import io.github.camelchatbots.support.http.ChatbotApiClient;
import io.github.camelchatbots.support.http.RateLimiter;
import io.github.camelchatbots.support.http.RetryPolicy;
import io.github.camelchatbots.support.http.VendorErrorModel;
import io.github.camelchatbots.support.http.VendorErrorModel.VendorError;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.net.URIBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A POST with a body that is not JSON (Engati's broadcast takes {@code multipart/form-data}), made and interpreted as
 * {@link ChatbotApiClient} makes its JSON calls: the same HTTP client, credential, rate limiter and error model, path
 * segments percent-encoded, and every outcome either the parsed answer or the {@code ChatbotException} of its kind,
 * an error envelope inside an HTTP 200 included. Never retried once it may have reached the vendor.
 * <p>
 * This belongs in camel-chatbot-support, as a non-JSON body of {@code ChatbotApiClient.Request}, which sends JSON
 * only. Until it moves there it differs in one respect: the account's rate limiter grants one permit for the whole
 * call, as {@link ChatbotApiClient} does for an HTTP client of the user's own, because the per-attempt limit is an
 * arrangement private to the support package.
 */
public final class MultipartPost {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartPost.class);
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-amzn-requestid");

    private final String vendor;
    private final URI baseUrl;
    private final Authentication authentication;
    private final RateLimiter rateLimiter;
    private final CloseableHttpClient http;
    private final Duration maxPause;
    private final VendorErrorModel errors;

    /** @param http the HTTP client; whoever made it closes it */
    public MultipartPost(String vendor, String baseUrl, Authentication authentication, RateLimiter rateLimiter,
                         CloseableHttpClient http, Duration maxPause, VendorErrorModel errors) {
        this.vendor = Objects.requireNonNull(vendor);
        this.baseUrl = ChatbotApiClient.validateBaseUrl(baseUrl);
        this.authentication = Objects.requireNonNull(authentication);
        this.rateLimiter = Objects.requireNonNull(rateLimiter);
        this.http = Objects.requireNonNull(http);
        this.maxPause = Objects.requireNonNull(maxPause);
        this.errors = Objects.requireNonNull(errors);
    }

    /** The call as logs and exceptions name it: method and path, never the query or the host. */
    public ChatbotCall call(String... pathSegments) {
        return new ChatbotCall(vendor, "POST", "/" + String.join("/", pathSegments));
    }

    /**
     * Sends the entity and returns the vendor's JSON answer, or throws the matching exception.
     *
     * @param query parameters in the order to send them
     */
    public JsonNode post(List<Map.Entry<String, String>> query, HttpEntity entity, String... pathSegments) {
        for (String segment : pathSegments) {
            Ids.checkSecret(vendor, "a path segment", segment);
        }
        ChatbotCall call = call(pathSegments);
        ClassicHttpRequest request = build(call, pathSegments, query, entity);
        long started = System.nanoTime();
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
        if (answer.status == 429 && answer.retryAfter != null) {
            rateLimiter.pauseFor(answer.retryAfter.compareTo(maxPause) < 0 ? answer.retryAfter : maxPause);
        }
        LOG.debug("{} answered {} in {} ms (request id {})", call, answer.status,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), answer.requestId);
        return interpret(call, answer);
    }

    private ClassicHttpRequest build(ChatbotCall call, String[] pathSegments, List<Map.Entry<String, String>> query,
                                     HttpEntity entity) {
        try {
            URIBuilder uri = new URIBuilder(baseUrl);
            List<String> segments = new ArrayList<>(uri.getPathSegments());
            segments.removeIf(String::isEmpty);
            segments.addAll(List.of(pathSegments));
            uri.setPathSegments(segments);
            query.forEach(parameter -> uri.addParameter(parameter.getKey(), parameter.getValue()));
            ClassicHttpRequest request = ClassicRequestBuilder.post(uri.build())
                    .setHeader(HttpHeaders.ACCEPT, ContentType.APPLICATION_JSON.getMimeType())
                    .setEntity(entity)
                    .build();
            authentication.applyTo(request);
            return request;
        } catch (URISyntaxException e) {
            throw new ChatbotBadRequestException(call, 0, null, null, null,
                    "request could not be built: " + e.getMessage(), e);
        }
    }

    private record Answer(int status, String requestId, Duration retryAfter, String body) {
    }

    private static String requestId(Header[] headers) {
        for (Header header : headers) {
            if (REQUEST_ID_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
                return header.getValue();
            }
        }
        return null;
    }

    /** As ChatbotApiClient classifies an answer: by its HTTP status, or by the status its error envelope stands for. */
    private JsonNode interpret(ChatbotCall call, Answer answer) {
        JsonNode json = null;
        String parseProblem = null;
        if (!answer.body.isBlank()) {
            try {
                json = ChatbotJson.mapper().readTree(answer.body);
            } catch (JsonProcessingException e) {
                parseProblem = e.getOriginalMessage();
            }
        }
        VendorError error = json == null ? VendorError.NONE : errors.read(json);
        String requestId = answer.requestId != null ? answer.requestId : error.requestId();
        int status = answer.status;
        boolean envelope = false;
        if (status >= 200 && status < 300) {
            if (json == null && answer.body.isBlank()) {
                return ChatbotJson.mapper().missingNode();
            }
            if (json == null) {
                throw new ChatbotMalformedResponseException(call, status, null, requestId, answer.body,
                        "invalid JSON: " + parseProblem, null);
            }
            int standsFor = errors.envelopeStatus(json);
            if (standsFor < 400 || standsFor >= 600) {
                return json;
            }
            envelope = true;
            status = standsFor;
        }
        String problem = (error.message() != null ? error.message() : "HTTP " + status)
                         + (envelope ? " (an error envelope in an HTTP " + answer.status + " answer)" : "");
        int sent = answer.status;
        if (status == 401 || status == 403) {
            throw new ChatbotAuthenticationException(call, sent, error.code(), requestId, answer.body,
                    "credential refused: " + problem, null);
        }
        if (status == 404) {
            throw new ChatbotNotFoundException(call, sent, error.code(), requestId, answer.body, "not found: " + problem,
                    null);
        }
        if (status == 429) {
            throw new ChatbotRateLimitedException(call, error.code(), requestId, answer.body, answer.retryAfter);
        }
        if (status == 408 || status == 504) {
            throw new ChatbotTimeoutException(call, sent, error.code(), requestId, answer.body,
                    "vendor timed out: " + problem, null);
        }
        if (status >= 400 && status < 500) {
            throw new ChatbotBadRequestException(call, sent, error.code(), requestId, answer.body,
                    "request rejected: " + problem, null);
        }
        throw new ChatbotVendorException(call, sent, error.code(), requestId, answer.body, "vendor error: " + problem,
                null);
    }
}
