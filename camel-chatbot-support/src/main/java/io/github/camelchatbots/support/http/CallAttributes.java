package io.github.camelchatbots.support.http;

import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * What one logical call tells the exec chain about itself, through the HTTP context: the account's rate limiter
 * and whether repeating the request is safe. Keeping it in the context lets one pooled client serve calls with
 * different needs.
 */
final class CallAttributes {

    static final String RATE_LIMITER = "io.github.camelchatbots.rateLimiter";
    static final String REPEATABLE = "io.github.camelchatbots.repeatable";
    static final String ERROR_MODEL = "io.github.camelchatbots.errorModel";
    /** The status of a successful answer that {@link EnvelopeStatusExec} gave its envelope's status. */
    static final String ENVELOPE_STATUS = "io.github.camelchatbots.envelopeStatus";

    private CallAttributes() {
    }

    static RateLimiter rateLimiter(HttpContext context) {
        Object limiter = context == null ? null : context.getAttribute(RATE_LIMITER);
        return limiter instanceof RateLimiter rateLimiter ? rateLimiter : null;
    }

    static VendorErrorModel errorModel(HttpContext context) {
        Object model = context == null ? null : context.getAttribute(ERROR_MODEL);
        return model instanceof VendorErrorModel errors ? errors : null;
    }

    static boolean repeatable(HttpContext context) {
        return context != null && Boolean.TRUE.equals(context.getAttribute(REPEATABLE));
    }
}
