package io.github.camelchatbots.support.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link RateLimiter} per vendor account in the JVM: a vendor counts requests per key, so every endpoint,
 * producer and consumer using the same key must draw from the same budget, whichever route or CamelContext it
 * belongs to.
 */
public final class RateLimiters {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiters.class);
    private static final Map<String, RateLimiter> BY_ACCOUNT = new ConcurrentHashMap<>();

    private RateLimiters() {
    }

    /**
     * The limiter of an account, created with the given limit on first use. An account is the base URL plus the
     * credential's fingerprint; a later caller asking for a different limit gets the existing one, with a warning,
     * because two budgets for one account would let the vendor's limit be exceeded.
     */
    public static RateLimiter forAccount(String baseUrl, Authentication authentication, int permits, Duration window) {
        String account = origin(baseUrl) + "#" + authentication.fingerprint();
        RateLimiter limiter = BY_ACCOUNT.computeIfAbsent(account,
                key -> permits > 0 ? new RateLimiter(permits, window) : RateLimiter.unlimited());
        if (limiter.getPermits() != permits || (permits > 0 && !limiter.getWindow().equals(window))) {
            LOG.warn("Rate limit {} requests per {} for {} ignored: this account already uses {}", permits, window,
                    baseUrl, limiter);
        }
        return limiter;
    }

    /** Scheme, host and port: a vendor counts per account, not per spelling of its address. */
    private static String origin(String baseUrl) {
        URI uri = ChatbotApiClient.validateBaseUrl(baseUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
