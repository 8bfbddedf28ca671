package io.github.camelchatbots.support.error;

import java.time.Duration;

/**
 * The vendor answered 429 and the retries allowed were spent, or it asked for a longer pause than the client
 * is willing to wait in-line. {@link #getRetryAfter()} says when the vendor will accept calls again, so that a
 * route can delay or re-schedule instead of hammering.
 */
public class ChatbotRateLimitedException extends ChatbotException {

    private final Duration retryAfter;

    public ChatbotRateLimitedException(ChatbotCall call, String vendorCode, String requestId, String body,
                                       Duration retryAfter) {
        super(call, 429, vendorCode, requestId, body,
              "rate limited" + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s"), null);
        this.retryAfter = retryAfter;
    }

    /** How long the vendor asked to wait (from {@code Retry-After}), or null when it did not say. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
