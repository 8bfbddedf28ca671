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
 * Takes a permit from the account's rate limiter for every attempt, retries included: sits inside HttpClient's
 * retry loop so that a retried request is counted like any other. A 429 pauses the whole account for the time
 * the vendor asked, up to {@code maxPause}.
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
        if (limiter != null) {
            try {
                limiter.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the rate limit");
            }
        }
        ClassicHttpResponse response = chain.proceed(request, scope);
        if (limiter != null && response.getCode() == 429) {
            Duration retryAfter = RetryPolicy.retryAfter(response);
            if (retryAfter != null) {
                limiter.pauseFor(retryAfter.compareTo(maxPause) < 0 ? retryAfter : maxPause);
            }
        }
        return response;
    }
}
