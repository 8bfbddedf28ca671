package io.github.camelchatbots.support.http;

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
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelchatbots.support.Ids;
import io.github.camelchatbots.support.error.ChatbotAuthenticationException;
import io.github.camelchatbots.support.error.ChatbotBadRequestException;
import io.github.camelchatbots.support.error.ChatbotCall;
import io.github.camelchatbots.support.error.ChatbotConnectionException;
import io.github.camelchatbots.support.error.ChatbotException;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.error.ChatbotRateLimitedException;
import io.github.camelchatbots.support.error.ChatbotTimeoutException;
import io.github.camelchatbots.support.error.ChatbotVendorException;
import io.github.camelchatbots.support.http.VendorErrorModel.VendorError;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.net.URIBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one vendor's JSON calls and turns every outcome into either a parsed body or a {@link ChatbotException}
 * of the right kind. Knows nothing of any vendor but its name, base URL, credential, rate limiter and error
 * model; a vendor's typed client is a thin layer on top.
 */
public final class ChatbotApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(ChatbotApiClient.class);
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-amzn-requestid");

    private final String vendor;
    private final URI baseUrl;
    private final Authentication authentication;
    private final RateLimiter rateLimiter;
    private final CloseableHttpClient http;
    private final boolean limitedPerAttempt;
    private final Duration maxPause;
    private final VendorErrorModel errorModel;
    private final ObjectMapper mapper = ChatbotJson.mapper();

    /**
     * @param http              the HTTP client; whoever made it closes it
     * @param limitedPerAttempt true when {@code http} was built by {@link ChatbotHttpClients}, which applies the rate
     *                          limit to every attempt; a client the user handed in gets one permit per call instead
     * @param maxPause          the longest a 429's {@code Retry-After} pauses the account
     */
    public ChatbotApiClient(String vendor, String baseUrl, Authentication authentication, RateLimiter rateLimiter,
                            CloseableHttpClient http, boolean limitedPerAttempt, Duration maxPause,
                            VendorErrorModel errorModel) {
        this.vendor = Objects.requireNonNull(vendor);
        this.baseUrl = validateBaseUrl(baseUrl);
        this.authentication = Objects.requireNonNull(authentication);
        this.rateLimiter = Objects.requireNonNull(rateLimiter);
        this.http = Objects.requireNonNull(http);
        this.limitedPerAttempt = limitedPerAttempt;
        this.maxPause = Objects.requireNonNull(maxPause);
        this.errorModel = Objects.requireNonNull(errorModel);
    }

    /** Parses a base URL, failing with a message that names the option. */
    public static URI validateBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl must be set");
        }
        try {
            URI uri = new URI(baseUrl);
            if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URL: " + baseUrl, e);
        }
    }

    public String getVendor() {
        return vendor;
    }

    public URI getBaseUrl() {
        return baseUrl;
    }

    /** Whether the account's rate limit would let a request go right now; pollers use it to stop early. */
    public boolean hasBudget() {
        return rateLimiter.hasBudget();
    }

    public Request get(String... pathSegments) {
        return new Request(Method.GET, pathSegments);
    }

    public Request post(String... pathSegments) {
        return new Request(Method.POST, pathSegments);
    }

    public Request put(String... pathSegments) {
        return new Request(Method.PUT, pathSegments);
    }

    public Request delete(String... pathSegments) {
        return new Request(Method.DELETE, pathSegments);
    }

    public <T> T convert(ChatbotCall call, JsonNode body, Class<T> type) {
        return convert(call, body, mapper.constructType(type));
    }

    /** Converts a parsed body to a type, reporting a mismatch as the vendor's malformed answer to this call. */
    public <T> T convert(ChatbotCall call, JsonNode body, JavaType type) {
        try {
            return mapper.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ChatbotMalformedResponseException(call, 200, null, null, body.toString(),
                    "unexpected JSON shape for " + type.getTypeName() + ": " + (e instanceof JsonProcessingException j
                            ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** One call being built. Path segments are percent-encoded, so ids from messages cannot alter the path. */
    public final class Request {
        private final Method method;
        private final String[] pathSegments;
        private final List<String[]> query = new ArrayList<>();
        private Object body;
        private Header[] answerHeaders;
        private Authentication callAuthentication = authentication;
        private String pathTemplate;
        private boolean repeatable;

        private Request(Method method, String[] pathSegments) {
            for (String segment : pathSegments) {
                // the last line of defence: callers check ids against the option they came from; a segment may be a
                // secret (a webhook id), so it is never quoted
                Ids.checkSecret(vendor, "a path segment", segment);
            }
            this.method = method;
            this.pathSegments = pathSegments;
            this.repeatable = method.isIdempotent();
        }

        /** Adds a query parameter; null values are left out. */
        public Request query(String name, Object value) {
            if (value != null) {
                query.add(new String[] { name, String.valueOf(value) });
            }
            return this;
        }

        /**
         * The body: an {@link HttpEntity} (a multipart form, say) is sent as it is; a String as JSON text as it is;
         * anything else serialized to JSON with Jackson.
         */
        public Request body(Object body) {
            this.body = body;
            return this;
        }

        /**
         * A header of the answer, once the call has been made ({@code X-RateLimit-Remaining}, say); null when the
         * answer had none.
         */
        public String responseHeader(String name) {
            if (answerHeaders == null) {
                throw new IllegalStateException("the call " + call() + " has not been made yet");
            }
            for (Header header : answerHeaders) {
                if (header.getName().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }

        /** For calls authenticated otherwise (a secret URL): the account's rate limit still applies. */
        public Request authentication(Authentication authentication) {
            this.callAuthentication = authentication;
            return this;
        }

        /**
         * How the call is named in logs and exceptions when its path holds a secret, e.g.
         * {@code /api/webhooks/{webhookId}} for a webhook whose id is what authorizes the call.
         */
        public Request describedAs(String pathTemplate) {
            this.pathTemplate = pathTemplate;
            return this;
        }

        public ChatbotCall call() {
            return new ChatbotCall(vendor, method.name(),
                    pathTemplate != null ? pathTemplate : "/" + String.join("/", pathSegments));
        }

        public <T> T execute(Class<T> type) {
            return execute(mapper.constructType(type));
        }

        /** Sends the call and converts its payload. */
        public <T> T execute(JavaType type) {
            return convert(call(), payload(), type);
        }

        /** Sends the call and returns the vendor's JSON answer, or throws the matching {@link ChatbotException}. */
        public JsonNode execute() {
            ChatbotCall call = call();
            ClassicHttpRequest request = build(call);
            HttpClientContext context = HttpClientContext.create();
            context.setAttribute(CallAttributes.REPEATABLE, repeatable);
            context.setAttribute(CallAttributes.ERROR_MODEL, errorModel);
            long started = System.nanoTime();
            Answer answer;
            try {
                if (limitedPerAttempt) {
                    context.setAttribute(CallAttributes.RATE_LIMITER, rateLimiter);
                    answer = send(request, context);
                } else {
                    // a client of the user's own has no place for the limit inside it: one permit for the whole call
                    try (RateLimiter.Permit permit = rateLimiter.acquire()) {
                        answer = send(request, context);
                    }
                    if (answer.status == 429 && answer.retryAfter != null) {
                        rateLimiter.pauseFor(answer.retryAfter.compareTo(maxPause) < 0 ? answer.retryAfter : maxPause);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatbotConnectionException(call, 0, null, null, null, "interrupted", e);
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ChatbotConnectionException(call, 0, null, null, null, "interrupted", e);
                }
                throw new ChatbotTimeoutException(call, 0, null, null, null, "no answer in time (" + e.getMessage()
                        + ")", e);
            } catch (IOException e) {
                throw new ChatbotConnectionException(call, 0, null, null, null,
                        "connection failed: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
            }
            answerHeaders = answer.headers();
            LOG.debug("{} answered {} in {} ms (request id {})", call, answer.status,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), answer.requestId);
            return interpret(call, answer, context.getAttribute(CallAttributes.ENVELOPE_STATUS) instanceof Integer
                    original ? original : null);
        }

        /** Sends the call and returns what the vendor's envelope wraps ({@link VendorErrorModel#payload}). */
        public JsonNode payload() {
            return errorModel.payload(execute());
        }

        private Answer send(ClassicHttpRequest request, HttpClientContext context) throws IOException {
            return http.execute(request, context, response -> new Answer(response.getCode(), response.getHeaders(),
                    requestIdHeader(response.getHeaders()), RetryPolicy.retryAfter(response),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                            StandardCharsets.UTF_8)));
        }

        private ClassicHttpRequest build(ChatbotCall call) {
            try {
                // rebuilt from segments so that a base URL ending in '/' does not produce '//' in the path
                URIBuilder uri = new URIBuilder(baseUrl);
                List<String> segments = new ArrayList<>(uri.getPathSegments());
                segments.removeIf(String::isEmpty);
                segments.addAll(List.of(pathSegments));
                uri.setPathSegments(segments);
                query.forEach(parameter -> uri.addParameter(parameter[0], parameter[1]));
                ClassicRequestBuilder builder = ClassicRequestBuilder.create(method.name()).setUri(uri.build())
                        .setHeader(HttpHeaders.ACCEPT, ContentType.APPLICATION_JSON.getMimeType());
                if (body instanceof HttpEntity entity) {
                    builder.setEntity(entity);
                } else if (body != null) {
                    String json = body instanceof String text ? text : mapper.writeValueAsString(body);
                    builder.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
                }
                ClassicHttpRequest request = builder.build();
                callAuthentication.applyTo(request);
                return request;
            } catch (URISyntaxException | JsonProcessingException e) {
                throw new ChatbotBadRequestException(call, 0, null, null, null,
                        "request could not be built: " + e.getMessage(), e);
            }
        }
    }

    private record Answer(int status, Header[] headers, String requestId, Duration retryAfter, String body) {
    }

    private static String requestIdHeader(Header[] headers) {
        for (Header header : headers) {
            if (REQUEST_ID_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
                return header.getValue();
            }
        }
        return null;
    }

    /**
     * @param envelopeOf the status of the successful answer whose error envelope gave it {@code answer}'s status, or
     *                   null
     */
    private JsonNode interpret(ChatbotCall call, Answer answer, Integer envelopeOf) {
        JsonNode json = null;
        String parseProblem = null;
        if (!answer.body.isBlank()) {
            try {
                json = mapper.readTree(answer.body);
            } catch (JsonProcessingException e) {
                parseProblem = e.getOriginalMessage();
            }
        }
        VendorError error = json == null ? VendorError.NONE : errorModel.read(json);
        String requestId = answer.requestId != null ? answer.requestId : error.requestId();
        int status = answer.status;
        if (status >= 200 && status < 300) {
            if (json == null && answer.body.isBlank()) {
                // 204 and friends: a success that says nothing
                return mapper.missingNode();
            }
            if (json == null) {
                throw new ChatbotMalformedResponseException(call, status, null, requestId, answer.body,
                        "invalid JSON: " + parseProblem, null);
            }
            // a client of the user's own has no envelope check in its exec chain
            int envelope = EnvelopeStatusExec.envelopeStatus(errorModel, answer.body);
            if (envelope == 0) {
                return json;
            }
            envelopeOf = status;
            status = envelope;
        }
        // the exception carries the status the vendor sent; its type, the status the envelope stands for
        int sent = envelopeOf != null ? envelopeOf : status;
        String problem = (error.message() != null ? error.message() : "HTTP " + status)
                         + (envelopeOf != null ? " (an error envelope in an HTTP " + envelopeOf + " answer)" : "");
        if (status == 401 || status == 403) {
            throw new ChatbotAuthenticationException(call, sent, error.code(), requestId, answer.body,
                    "credential refused: " + problem, null);
        }
        if (status == 404) {
            throw new ChatbotNotFoundException(call, sent, error.code(), requestId, answer.body,
                    "not found: " + problem, null);
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
