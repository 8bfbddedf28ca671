package io.github.camelchatbots.support.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry decisions on their own, as HttpClient's retry loop asks for them. Whether a call is repeatable comes
 * from the context, exactly as ChatbotApiClient marks it, so the request method here is deliberately irrelevant.
 */
class RetryPolicyTest {

    private static final int MAX_RETRIES = 3;
    private static final Duration INITIAL_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    private final RetryPolicy policy = new RetryPolicy(MAX_RETRIES, INITIAL_DELAY, MAX_DELAY, MAX_RETRY_AFTER);
    private final HttpRequest request = new BasicHttpRequest(Method.POST, "/api/things");

    private static HttpContext repeatable() {
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(CallAttributes.REPEATABLE, true);
        return context;
    }

    private static HttpContext notRepeatable() {
        return HttpClientContext.create();
    }

    private static HttpResponse response(int status, String retryAfter) {
        BasicHttpResponse response = new BasicHttpResponse(status);
        if (retryAfter != null) {
            response.addHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response;
    }

    @Test
    void rateLimitedIsRetriedEvenForAWrite() {
        // the vendor refused the request as a whole, so repeating a write cannot duplicate it
        assertThat(policy.retryRequest(response(429, null), 1, notRepeatable())).isTrue();
        assertThat(policy.retryRequest(response(429, null), 1, repeatable())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503 })
    void serverErrorsAreRetriedOnlyForRepeatableCalls(int status) {
        assertThat(policy.retryRequest(response(status, null), 1, repeatable())).isTrue();
        // the vendor may have acted on the write before failing
        assertThat(policy.retryRequest(response(status, null), 1, notRepeatable())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 200, 400, 401, 403, 404, 422, 501, 504 })
    void otherAnswersAreNeverRetried(int status) {
        // 504 among them: a gateway's time-out is a time-out, and time-outs are not retried
        assertThat(policy.retryRequest(response(status, null), 1, repeatable())).isFalse();
    }

    @Test
    void withoutAContextACallIsNotRepeatable() {
        assertThat(policy.retryRequest(response(503, null), 1, null)).isFalse();
        assertThat(policy.retryRequest(request, new NoHttpResponseException("lost"), 1, null)).isFalse();
    }

    @Test
    void timeOutsAreNeverRetried() {
        // a vendor that lets requests over its limit time out (Ebbot) would only be hit harder
        assertThat(policy.retryRequest(request, new SocketTimeoutException("Read timed out"), 1, repeatable()))
                .isFalse();
        assertThat(policy.retryRequest(request, new InterruptedIOException("interrupted"), 1, repeatable()))
                .isFalse();
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForAWrite() {
        assertThat(policy.retryRequest(request, new ConnectException("Connection refused"), 1, notRepeatable()))
                .isTrue();
    }

    @Test
    void aLostAnswerIsRetriedOnlyForRepeatableCalls() {
        // the request went out: the vendor may have processed it
        IOException noAnswer = new NoHttpResponseException("127.0.0.1:8080 failed to respond");
        assertThat(policy.retryRequest(request, noAnswer, 1, repeatable())).isTrue();
        assertThat(policy.retryRequest(request, noAnswer, 1, notRepeatable())).isFalse();
    }

    @Test
    void stopsOnceTheRetriesAreSpent() {
        // execCount counts attempts: attempt MAX_RETRIES + 1 was the last retry allowed
        assertThat(policy.retryRequest(response(503, null), MAX_RETRIES, repeatable())).isTrue();
        assertThat(policy.retryRequest(response(503, null), MAX_RETRIES + 1, repeatable())).isFalse();
        assertThat(policy.retryRequest(response(429, null), MAX_RETRIES + 1, notRepeatable())).isFalse();
        assertThat(policy.retryRequest(request, new ConnectException(), MAX_RETRIES, notRepeatable())).isTrue();
        assertThat(policy.retryRequest(request, new ConnectException(), MAX_RETRIES + 1, notRepeatable()))
                .isFalse();
    }

    @Test
    void noRetriesMeansNone() {
        RetryPolicy never = new RetryPolicy(0, INITIAL_DELAY, MAX_DELAY, MAX_RETRY_AFTER);

        assertThat(never.retryRequest(response(429, null), 1, repeatable())).isFalse();
        assertThat(never.retryRequest(request, new ConnectException(), 1, repeatable())).isFalse();
    }

    @Test
    void waitsAsLongAsRetryAfterSaysInSeconds() {
        assertThat(policy.getRetryInterval(response(429, "7"), 1, repeatable()).toMilliseconds()).isEqualTo(7_000);
        assertThat(policy.getRetryInterval(response(503, " 2 "), 1, repeatable()).toMilliseconds()).isEqualTo(2_000);
    }

    @Test
    void waitsUntilARetryAfterDate() {
        String in30Seconds = DateUtils.formatStandardDate(Instant.now().plusSeconds(30));

        long interval = policy.getRetryInterval(response(429, in30Seconds), 1, repeatable()).toMilliseconds();

        // the date has whole seconds only
        assertThat(interval).isBetween(28_000L, 30_000L);
    }

    @Test
    void aRetryAfterInThePastMeansNow() {
        String past = DateUtils.formatStandardDate(Instant.now().minusSeconds(60));

        assertThat(RetryPolicy.retryAfter(response(429, past))).isZero();
        assertThat(RetryPolicy.retryAfter(response(429, "-5"))).isZero();
    }

    @Test
    void anUnreadableRetryAfterFallsBackToBackOff() {
        assertThat(RetryPolicy.retryAfter(response(429, "soon"))).isNull();
        assertThat(RetryPolicy.retryAfter(response(429, null))).isNull();

        long interval = policy.getRetryInterval(response(429, "soon"), 1, repeatable()).toMilliseconds();

        assertThat(interval).isBetween(INITIAL_DELAY.toMillis() / 2, INITIAL_DELAY.toMillis());
    }

    @Test
    void aRetryAfterUpToTheLimitIsWaitedOut() {
        assertThat(policy.retryRequest(response(429, "10"), 1, notRepeatable())).isTrue();
    }

    @Test
    void aRetryAfterBeyondTheLimitEndsTheRetries() {
        // the caller gets the 429 with its Retry-After and can re-schedule instead of blocking a thread
        assertThat(policy.retryRequest(response(429, "11"), 1, notRepeatable())).isFalse();
        String inAnHour = DateUtils.formatStandardDate(Instant.now().plusSeconds(3600));
        assertThat(policy.retryRequest(response(429, inAnHour), 1, notRepeatable())).isFalse();
    }

    @Test
    void aRetryAfterBeyondTheLimitEndsTheRetriesOfA503Too() {
        // the class promises this for every Retry-After: otherwise a read blocks its thread for the whole pause
        assertThat(policy.retryRequest(response(503, "3600"), 1, repeatable())).isFalse();
    }

    @ParameterizedTest(name = "attempt {0} waits {1}..{2} ms")
    @CsvSource({
            "1,   50,  100",
            "2,  100,  200",
            "3,  200,  400",
            "4,  400,  800",
            // the step is capped at maxDelay
            "5,  500, 1000",
            "30, 500, 1000",
    })
    void backOffDoublesWithJitterWithinHalfToFullStep(int execCount, long min, long max) {
        Set<Long> afterAnswer = new HashSet<>();
        Set<Long> afterFailure = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            afterAnswer.add(policy.getRetryInterval(response(503, null), execCount, repeatable()).toMilliseconds());
            afterFailure.add(policy.getRetryInterval(request, new ConnectException(), execCount, repeatable())
                    .toMilliseconds());
        }

        assertThat(afterAnswer).allSatisfy(ms -> assertThat(ms).isBetween(min, max));
        assertThat(afterFailure).allSatisfy(ms -> assertThat(ms).isBetween(min, max));
        // jitter keeps clients that failed together from retrying together; 300 draws from 50+ values never agree
        assertThat(afterAnswer).hasSizeGreaterThan(1);
        assertThat(afterFailure).hasSizeGreaterThan(1);
    }
}
