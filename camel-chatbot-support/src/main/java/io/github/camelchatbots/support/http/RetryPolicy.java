package io.github.camelchatbots.support.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * When HttpClient's retry loop may send a request again, and after how long.
 * <ul>
 * <li>Reads (calls marked repeatable) are retried after connection failures and after 429, 500, 502, 503.</li>
 * <li>Writes are retried only when the vendor provably did not act on them: the connection was refused before
 * anything was sent, or the vendor answered 429 (it refused the request as a whole).</li>
 * <li>Time-outs, the client's or a gateway's 504, are never retried: a vendor that lets requests over its limit
 * time out (Ebbot) would only be hit harder.</li>
 * <li>The pause is the vendor's {@code Retry-After} when it gives one, otherwise exponential back-off with
 * jitter. A {@code Retry-After} longer than {@code maxRetryAfter} ends the retries so the caller can decide.</li>
 * </ul>
 * Differs from HttpClient's default strategy, which repeats any request on 503 and gives up whenever the pause
 * exceeds the response time-out.
 */
public final class RetryPolicy implements HttpRequestRetryStrategy {

    private static final Set<Integer> RETRIABLE_READ_STATUS = Set.of(429, 500, 502, 503);

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;

    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
        this.maxRetries = maxRetries;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxRetryAfter = maxRetryAfter;
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        if (execCount > maxRetries || exception instanceof InterruptedIOException
                || exception instanceof UnknownHostException || exception instanceof SSLException) {
            return false;
        }
        boolean neverSent = exception instanceof ConnectException || exception instanceof NoRouteToHostException;
        return neverSent || CallAttributes.repeatable(context);
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        if (execCount > maxRetries) {
            return false;
        }
        int status = response.getCode();
        boolean retriable = status == 429 || RETRIABLE_READ_STATUS.contains(status) && CallAttributes.repeatable(context);
        if (!retriable) {
            return false;
        }
        // the pause would be spent blocking the caller's thread: past the limit, the caller decides
        Duration retryAfter = retryAfter(response);
        return retryAfter == null || retryAfter.compareTo(maxRetryAfter) <= 0;
    }

    @Override
    public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return backOff(execCount);
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        Duration retryAfter = retryAfter(response);
        return retryAfter != null ? TimeValue.ofMilliseconds(retryAfter.toMillis()) : backOff(execCount);
    }

    /** Exponential back-off with "equal jitter": at least half the step, so retries neither bunch nor starve. */
    private TimeValue backOff(int execCount) {
        long step = initialDelay.toMillis() << Math.min(execCount - 1, 20);
        long capped = Math.max(0, Math.min(step, maxDelay.toMillis()));
        long half = capped / 2;
        return TimeValue.ofMilliseconds(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** The vendor's {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(HttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            Instant at = DateUtils.parseStandardDate(value);
            return at == null ? null : Duration.between(Instant.now(), at).isNegative() ? Duration.ZERO
                    : Duration.between(Instant.now(), at);
        }
    }
}
