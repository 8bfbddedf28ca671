package io.github.camelchatbots.support.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.ChatbotConfiguration;
import io.github.camelchatbots.support.error.ChatbotAuthenticationException;
import io.github.camelchatbots.support.error.ChatbotBadRequestException;
import io.github.camelchatbots.support.error.ChatbotConnectionException;
import io.github.camelchatbots.support.error.ChatbotException;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.error.ChatbotRateLimitedException;
import io.github.camelchatbots.support.error.ChatbotTimeoutException;
import io.github.camelchatbots.support.error.ChatbotVendorException;
import io.github.camelchatbots.support.http.FakeVendor.Received;
import io.github.camelchatbots.support.http.FakeVendor.Reply;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * ChatbotApiClient over real HTTP, through the client ChatbotHttpClients builds, against a scripted vendor: what
 * reaches the wire, how each answer is reported, and which calls are repeated.
 */
// a limiter or retry loop that never lets go blocks rather than fails: keep the build from hanging
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class ChatbotApiClientTest {

    private static final String API_KEY = "pk_test.Sup3rS3cretKey-do-not-log";

    private static CamelContext camelContext;

    private FakeVendor vendor;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** The smallest concrete configuration: a vendor's would add its credential and base URL. */
    @BeforeAll
    static void createCamelContext() {
        camelContext = new DefaultCamelContext();
    }

    @AfterAll
    static void closeCamelContext() throws Exception {
        camelContext.close();
    }

    @BeforeEach
    void startVendor() throws IOException {
        vendor = FakeVendor.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        vendor.close();
    }

    private static TestConfiguration fastConfiguration() {
        TestConfiguration configuration = new TestConfiguration();
        configuration.setConnectTimeout(1_000);
        configuration.setResponseTimeout(2_000);
        configuration.setMaxRetries(2);
        configuration.setRetryInitialDelay(10);
        configuration.setRetryMaxDelay(50);
        configuration.setMaxRetryAfter(2_000);
        return configuration;
    }

    private ChatbotApiClient client() throws Exception {
        return client(vendor.baseUrl(), fastConfiguration(), RateLimiter.unlimited());
    }

    private ChatbotApiClient client(String baseUrl, ChatbotConfiguration configuration, RateLimiter limiter)
            throws Exception {
        CloseableHttpClient http = ChatbotHttpClients.create(configuration, camelContext);
        toClose.add(http);
        return new ChatbotApiClient("Fake", baseUrl, Authentication.headerKey("x-api-key", API_KEY), limiter, http,
                true, Duration.ofMillis(configuration.getMaxRetryAfter()), FakeVendor.ERRORS);
    }

    private ChatbotApiClient clientOver(CloseableHttpClient userClient, RateLimiter limiter) {
        return new ChatbotApiClient("Fake", vendor.baseUrl(), Authentication.headerKey("x-api-key", API_KEY), limiter,
                userClient, false, Duration.ofSeconds(2), FakeVendor.ERRORS);
    }

    record Note(String text, int priority) {
    }

    record Created(boolean ok, String id) {
    }

    @Test
    void sendsTheCredentialAndReturnsTheVendorsJson() throws Exception {
        vendor.then(Reply.json(200, "{\"ok\":true,\"chats\":[{\"id\":\"c1\"}]}"));

        JsonNode answer = client().get("chats").query("limit", 5).query("cursor", null).execute();

        assertThat(answer.path("chats").path(0).path("id").asText()).isEqualTo("c1");
        Received request = vendor.received().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/api/chats");
        assertThat(request.rawQuery()).isEqualTo("limit=5");
        assertThat(request.header("x-api-key")).isEqualTo(API_KEY);
        assertThat(request.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void postsABodyAsJsonAndConvertsTheAnswer() throws Exception {
        vendor.then(Reply.json(201, "{\"ok\":true,\"id\":\"n-1\",\"unknown\":\"ignored\"}"));

        Created created = client().post("notes").body(new Note("hello", 2)).execute(Created.class);

        assertThat(created).isEqualTo(new Created(true, "n-1"));
        Received request = vendor.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.body()).isEqualTo("{\"text\":\"hello\",\"priority\":2}");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "400, io.github.camelchatbots.support.error.ChatbotBadRequestException",
            "401, io.github.camelchatbots.support.error.ChatbotAuthenticationException",
            "403, io.github.camelchatbots.support.error.ChatbotAuthenticationException",
            "404, io.github.camelchatbots.support.error.ChatbotNotFoundException",
            "408, io.github.camelchatbots.support.error.ChatbotTimeoutException",
            "422, io.github.camelchatbots.support.error.ChatbotBadRequestException",
            "500, io.github.camelchatbots.support.error.ChatbotVendorException",
            "502, io.github.camelchatbots.support.error.ChatbotVendorException",
            "504, io.github.camelchatbots.support.error.ChatbotTimeoutException",
    })
    void eachFailingStatusIsReportedAsItsKind(int status, Class<? extends ChatbotException> kind) throws Exception {
        vendor.otherwise(Reply.json(status, FakeVendor.error("E" + status, "failed with " + status)));

        ChatbotException failure = catchThrowableOfType(ChatbotException.class,
                () -> client().delete("chats", "c1").execute());

        assertThat(failure).isExactlyInstanceOf(kind);
        assertThat(failure.getHttpStatus()).isEqualTo(status);
        assertThat(failure.getHttpResponseCode()).isEqualTo(status);
        assertThat(failure.getVendorCode()).isEqualTo("E" + status);
        assertThat(failure.getMessage()).contains("failed with " + status).contains("Fake DELETE /chats/c1");
    }

    @Test
    void rateLimitedBeyondTheWaitAllowedIsReportedWithTheVendorsPause() throws Exception {
        // maxRetryAfter is 2 s: a vendor asking for 2 minutes is handed back to the route at once
        vendor.otherwise(Reply.json(429, FakeVendor.error("rate_limited", "slow down")).header("Retry-After", "120"));

        ChatbotRateLimitedException failure = catchThrowableOfType(ChatbotRateLimitedException.class,
                () -> client().get("chats").execute());

        assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(failure.getHttpStatus()).isEqualTo(429);
        assertThat(failure.getVendorCode()).isEqualTo("rate_limited");
        assertThat(vendor.received()).hasSize(1);
    }

    @Test
    void anErrorEnvelopeInASuccessfulAnswerIsTheKindOfErrorItNames() throws Exception {
        vendor.then(Reply.json(200, FakeVendor.error("channel_not_found", "no such channel")));

        ChatbotNotFoundException failure = catchThrowableOfType(ChatbotNotFoundException.class,
                () -> client().get("channels", "C1").execute());

        assertThat(failure.getHttpStatus()).isEqualTo(200);
        assertThat(failure.getVendorCode()).isEqualTo("channel_not_found");
        assertThat(failure.getMessage()).contains("no such channel").contains("error envelope in an HTTP 200");
        assertThat(vendor.received()).hasSize(1);
    }

    @Test
    void aFormIsSentAsItIsWithTheCredentialAndItsAnswerReadAsAnyOther() throws Exception {
        vendor.then(Reply.json(200, FakeVendor.error("invalid_file", "not a CSV file")));
        vendor.then(Reply.json(200, "{\"ok\":true,\"id\":\"u1\"}"));
        org.apache.hc.core5.http.HttpEntity form = org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder
                .create().addTextBody("kind", "audience")
                .addBinaryBody("file", "phone\n+4670000000\n".getBytes(StandardCharsets.UTF_8),
                        org.apache.hc.core5.http.ContentType.create("text/csv"), "audience.csv")
                .build();

        assertThatThrownBy(() -> client().post("uploads").body(form).execute())
                .isInstanceOf(ChatbotBadRequestException.class).hasMessageContaining("not a CSV file");
        Created created = client().post("uploads").body(form).execute(Created.class);

        assertThat(created.id()).isEqualTo("u1");
        Received sent = vendor.received().get(1);
        assertThat(sent.header("Content-Type")).startsWith("multipart/form-data;").contains("boundary=");
        assertThat(sent.header("x-api-key")).isEqualTo(API_KEY);
        assertThat(sent.body()).contains("name=\"kind\"").contains("audience")
                .contains("filename=\"audience.csv\"").contains("+4670000000");
    }

    @Test
    void theAnswersHeadersCanBeReadAfterTheCall() throws Exception {
        vendor.then(Reply.json(200, "{\"ok\":true}").header("X-RateLimit-Remaining", "7"));
        ChatbotApiClient.Request request = client().get("chats");

        assertThatThrownBy(() -> request.responseHeader("X-RateLimit-Remaining"))
                .isInstanceOf(IllegalStateException.class);
        request.execute();

        assertThat(request.responseHeader("x-ratelimit-remaining")).isEqualTo("7");
        assertThat(request.responseHeader("X-RateLimit-Limit")).isNull();
    }

    @Test
    void anEnvelopeThatSaysTooManyRequestsIsRetriedAsA429Is() throws Exception {
        vendor.then(Reply.json(200, FakeVendor.error("throttled", "Too Many Attempts")));
        vendor.then(Reply.json(200, "{\"ok\":true,\"chats\":[]}"));

        JsonNode answer = client().get("chats").execute();

        assertThat(answer.path("chats").isArray()).isTrue();
        assertThat(vendor.received()).hasSize(2);
    }

    @Test
    void anEnvelopeThatRefusesTheKeyIsNotRetried() throws Exception {
        vendor.then(Reply.json(200, FakeVendor.error("unauthorized", "Invalid API key")));

        ChatbotAuthenticationException failure = catchThrowableOfType(ChatbotAuthenticationException.class,
                () -> client().get("chats").execute());

        assertThat(failure.getHttpStatus()).isEqualTo(200);
        assertThat(vendor.received()).hasSize(1);
    }

    @Test
    void anUnexplainedEnvelopeIsAVendorErrorRetriedForReadsAndNotForWrites() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            vendor.then(Reply.json(200, FakeVendor.error("E42", "something broke")));
        }
        assertThatThrownBy(() -> client().get("chats").execute()).isInstanceOf(ChatbotVendorException.class);
        assertThat(vendor.received()).hasSize(3);

        vendor.then(Reply.json(200, FakeVendor.error("E42", "something broke")));
        assertThatThrownBy(() -> client().post("notes").body(new Note("once", 1)).execute())
                .isInstanceOf(ChatbotVendorException.class);
        assertThat(vendor.received()).hasSize(4);
    }

    @Test
    void aClientOfTheUsersOwnStillClassifiesEnvelopes() throws Exception {
        vendor.then(Reply.json(200, FakeVendor.error("forbidden", "not allowed here")));
        try (CloseableHttpClient own = HttpClients.createDefault()) {
            assertThatThrownBy(() -> clientOver(own, RateLimiter.unlimited()).get("chats").execute())
                    .isInstanceOf(ChatbotAuthenticationException.class);
        }
    }

    @Test
    void aSuccessfulAnswerThatIsNotJsonIsMalformed() throws Exception {
        String html = "<html><body>Service temporarily unavailable</body></html>";
        vendor.then(new Reply(200, html, Map.of("Content-Type", "text/html"), Duration.ZERO));

        ChatbotMalformedResponseException failure = catchThrowableOfType(ChatbotMalformedResponseException.class,
                () -> client().get("chats").execute());

        assertThat(failure.getHttpStatus()).isEqualTo(200);
        assertThat(failure.getBodyExcerpt()).isEqualTo(html);
    }

    @Test
    void anAnswerOfTheWrongShapeIsMalformed() throws Exception {
        vendor.then(Reply.json(200, "{\"ok\":true,\"id\":{\"nested\":true}}"));
        ChatbotApiClient api = client();

        assertThatThrownBy(() -> api.get("notes", "n-1").execute(Created.class))
                .isInstanceOf(ChatbotMalformedResponseException.class)
                .hasMessageContaining("Fake GET /notes/n-1");
    }

    @Test
    void anAnswerSlowerThanTheResponseTimeoutIsATimeoutAndNotRepeated() throws Exception {
        TestConfiguration configuration = fastConfiguration();
        configuration.setResponseTimeout(200);
        vendor.otherwise(Reply.ok().after(Duration.ofSeconds(5)));
        ChatbotApiClient api = client(vendor.baseUrl(), configuration, RateLimiter.unlimited());
        long start = System.nanoTime();

        // a read, so only the time-out rule keeps it from being repeated
        ChatbotTimeoutException failure = catchThrowableOfType(ChatbotTimeoutException.class,
                () -> api.get("chats").execute());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(failure.getHttpStatus()).isZero();
        assertThat(vendor.received()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsAConnectionFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            closedPort = socket.getLocalPort();
        }
        ChatbotApiClient api = client("http://127.0.0.1:" + closedPort + "/api", fastConfiguration(),
                RateLimiter.unlimited());

        ChatbotConnectionException failure = catchThrowableOfType(ChatbotConnectionException.class,
                () -> api.post("notes").body("{}").execute());

        assertThat(failure.getHttpStatus()).isZero();
        assertThat(failure).hasRootCauseInstanceOf(ConnectException.class);
    }

    @Test
    void carriesStatusVendorCodeRequestIdAndBody() throws Exception {
        String body = "{\"ok\":false,\"error\":{\"code\":\"missing_scope\",\"message\":\"needs chats:read\","
                      + "\"request_id\":\"from-body\"}}";
        vendor.then(Reply.json(403, body).header("X-Request-Id", "req-4711"));

        ChatbotAuthenticationException failure = catchThrowableOfType(ChatbotAuthenticationException.class,
                () -> client().get("chats").execute());

        assertThat(failure.getHttpStatus()).isEqualTo(403);
        assertThat(failure.getVendorCode()).isEqualTo("missing_scope");
        // the header is what the vendor's support can look up
        assertThat(failure.getRequestId()).isEqualTo("req-4711");
        assertThat(failure.getBodyExcerpt()).isEqualTo(body);
        assertThat(failure.getCall().path()).isEqualTo("/chats");
        assertThat(failure.getMessage()).contains("HTTP 403", "missing_scope", "req-4711", "needs chats:read");
    }

    @Test
    void theRequestIdComesFromTheBodyWhenNoHeaderHasIt() throws Exception {
        vendor.then(Reply.json(400, "{\"ok\":false,\"error\":{\"code\":\"invalid\",\"request_id\":\"from-body\"}}"));

        ChatbotBadRequestException failure = catchThrowableOfType(ChatbotBadRequestException.class,
                () -> client().get("chats").execute());

        assertThat(failure.getRequestId()).isEqualTo("from-body");
    }

    @Test
    void aLargeBodyIsCutToABoundedExcerpt() throws Exception {
        String page = "<html>" + "x".repeat(10_000) + "</html>";
        vendor.then(new Reply(404, page, Map.of(), Duration.ZERO));

        ChatbotNotFoundException failure = catchThrowableOfType(ChatbotNotFoundException.class,
                () -> client().get("chats", "c1").execute());

        assertThat(failure.getBodyExcerpt())
                .hasSize(ChatbotException.MAX_BODY_EXCERPT + 3)
                .isEqualTo(page.substring(0, ChatbotException.MAX_BODY_EXCERPT) + "...");
        assertThat(failure.getMessage()).hasSizeLessThan(ChatbotException.MAX_BODY_EXCERPT + 200);
    }

    @Test
    void aReadIsRepeatedAfterA503() throws Exception {
        vendor.then(Reply.json(503, FakeVendor.error("unavailable", "try again")))
                .then(Reply.json(200, "{\"ok\":true,\"n\":1}"));

        JsonNode answer = client().get("chats").execute();

        assertThat(answer.path("n").asInt()).isEqualTo(1);
        assertThat(vendor.received()).hasSize(2);
    }

    @Test
    void aReadGivesUpOnceTheRetriesAreSpent() throws Exception {
        vendor.otherwise(Reply.json(503, FakeVendor.error("unavailable", "try again")));

        assertThatThrownBy(() -> client().get("chats").execute()).isInstanceOf(ChatbotVendorException.class);

        // the first attempt and maxRetries = 2 more
        assertThat(vendor.received()).hasSize(3);
    }

    @Test
    void aWriteIsNotRepeatedAfterA503() throws Exception {
        // the vendor may have stored the note before failing: a second POST could duplicate it
        vendor.then(Reply.json(503, FakeVendor.error("unavailable", "try again"))).otherwise(Reply.ok());

        assertThatThrownBy(() -> client().post("notes").body(new Note("once", 1)).execute())
                .isInstanceOf(ChatbotVendorException.class);

        assertThat(vendor.received()).hasSize(1);
    }

    @Test
    void aWriteIsRepeatedAfterA429OnceTheRetryAfterHasPassed() throws Exception {
        vendor.then(Reply.json(429, FakeVendor.error("rate_limited", "slow down")).header("Retry-After", "1"))
                .then(Reply.json(200, "{\"ok\":true,\"id\":\"n-2\"}"));

        Created created = client().post("notes").body(new Note("twice?", 1)).execute(Created.class);

        assertThat(created.id()).isEqualTo("n-2");
        assertThat(vendor.received()).hasSize(2);
        assertThat(vendor.received().get(1).body()).isEqualTo(vendor.received().get(0).body());
        assertThat(vendor.between(0, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void pathSegmentsAndQueryValuesArePercentEncoded() throws Exception {
        // an id taken from a message must not be able to reach another resource or add parameters
        client().get("chats", "a/../b?admin=true", "x y").query("q", "a&b=c").execute();

        Received request = vendor.received().get(0);
        assertThat(request.rawPath().split("/", -1)).hasSize(5);
        assertThat(request.rawPath()).startsWith("/api/chats/").endsWith("/x%20y");
        assertThat(decode(request.rawPath().split("/")[3])).isEqualTo("a/../b?admin=true");
        assertThat(request.rawQuery().split("&")).hasSize(1);
        assertThat(decode(request.rawQuery())).isEqualTo("q=a&b=c");
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    @Test
    void aBaseUrlWithATrailingSlashDoesNotDoubleTheSlash() throws Exception {
        client(vendor.baseUrl() + "/", fastConfiguration(), RateLimiter.unlimited()).get("chats").execute();

        assertThat(vendor.received().get(0).rawPath()).isEqualTo("/api/chats");
    }

    @Test
    void theRateLimitAppliesToEveryAttemptIncludingRetries() throws Exception {
        Duration window = Duration.ofMillis(400);
        vendor.then(Reply.json(503, FakeVendor.error("unavailable", "1")))
                .then(Reply.json(503, FakeVendor.error("unavailable", "2")))
                .then(Reply.ok());
        ChatbotApiClient api = client(vendor.baseUrl(), fastConfiguration(), new AccountRateLimiter("test", new AccountRateLimiter.Limit(2, window)));

        api.get("chats").execute();

        assertThat(vendor.received()).hasSize(3);
        // back-off alone (at most 50 ms) would have sent the third attempt right away
        assertThat(vendor.between(0, 1)).isLessThan(window);
        assertThat(vendor.between(0, 2)).isGreaterThanOrEqualTo(window.minusMillis(20));
    }



    @Test
    void aCallOverAUserSuppliedHttpClientStillSpendsAPermit() throws Exception {
        CloseableHttpClient userClient = ChatbotHttpClients.create(fastConfiguration(), camelContext);
        toClose.add(userClient);
        ChatbotApiClient api = clientOver(userClient, new AccountRateLimiter("test", new AccountRateLimiter.Limit(1, Duration.ofMinutes(1))));
        assertThat(api.hasBudget()).isTrue();

        api.get("chats").execute();

        assertThat(api.hasBudget()).isFalse();
    }

    @Test
    void a429OverAUserSuppliedHttpClientStillPausesTheAccount() throws Exception {
        CloseableHttpClient userClient = HttpClients.custom()
                .disableAutomaticRetries().build();
        toClose.add(userClient);
        RateLimiter limiter = RateLimiter.unlimited();
        ChatbotApiClient api = clientOver(userClient, limiter);
        vendor.then(Reply.json(429, FakeVendor.error("rate_limited", "slow down")).header("Retry-After", "30"));

        assertThatThrownBy(() -> api.get("chats").execute()).isInstanceOf(ChatbotRateLimitedException.class);

        // every other call of the account waits, not only this one
        assertThat(limiter.hasBudget()).isFalse();
    }

    @Test
    void theCredentialNeverAppearsInTheErrorOfARefusedCall() throws Exception {
        String queryToken = "qt-0123456789abcdef";
        vendor.then(Reply.json(401, FakeVendor.error("invalid_auth", "invalid api key")));

        ChatbotAuthenticationException failure = catchThrowableOfType(ChatbotAuthenticationException.class,
                () -> client().get("chats").query("token", queryToken).execute());

        // the request did carry both secrets, so their absence below is not an accident
        assertThat(vendor.received().get(0).header("x-api-key")).isEqualTo(API_KEY);
        assertThat(vendor.received().get(0).rawQuery()).contains(queryToken);
        assertThat(failure.getMessage()).contains("invalid api key")
                .doesNotContain(API_KEY).doesNotContain(queryToken);
        assertThat(failure.toString()).doesNotContain(API_KEY).doesNotContain(queryToken);
        assertThat(failure.getCall().toString()).doesNotContain(queryToken);
    }
}
