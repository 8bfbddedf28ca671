package io.github.camelchatbots.support.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * Takes a permit from the account's rate limiter for every attempt, retries included, and gives it back once the
 * answer is read or the attempt failed: it sits inside HttpClient's retry loop, around the body buffering, so that a
 * retried request is counted like any other and a request counts until it is over. A 429 pauses the whole account
 * for the time the vendor asked, up to {@code maxPause}.
 * <p>
 * The permit is taken before a connection is leased: a caller waiting for budget holds no pooled connection, so
 * waiting callers cannot starve the pool, and since a request counts from its end, the time spent connecting cannot
 * let the vendor see one request too many.
 */
final class RateLimitedExec implements ExecChainHandler {

    static final String NAME = "camel-chatbots-rate-limit";

    private final Duration maxPause;

    RateLimitedExec(Duration maxPause) {
        this.maxPause = maxPause;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        RateLimiter limiter = CallAttributes.rateLimiter(scope.clientContext);
        if (limiter == null) {
            return chain.proceed(request, scope);
        }
        RateLimiter.Permit permit;
        try {
            permit = limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the rate limit");
        }
        try (permit) {
            ClassicHttpResponse response = chain.proceed(request, scope);
            pauseOn429(limiter, response, maxPause);
            return response;
        }
    }

    /** Honours a 429's {@code Retry-After} for the whole account, up to {@code maxPause}. */
    static void pauseOn429(RateLimiter limiter, org.apache.hc.core5.http.HttpResponse response, Duration maxPause) {
        if (response.getCode() == 429) {
            Duration retryAfter = RetryPolicy.retryAfter(response);
            if (retryAfter != null) {
                limiter.pauseFor(retryAfter.compareTo(maxPause) < 0 ? retryAfter : maxPause);
            }
        }
    }
}
