package io.github.camelchatbots.simulator.konversation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Laravel's throttle middleware, per API token: a token's window opens with its first request and lasts the decay
 * time; within it at most {@code limit} requests pass. A rejected request uses up no budget, as in Laravel, where
 * the hit is only counted once the request is let through. Runs on the simulation clock, so tests skip time instead
 * of sleeping.
 */
final class RateLimiter {

    /**
     * What the middleware decided, and what its headers say.
     *
     * @param remaining         requests left in the window after this one
     * @param retryAfterSeconds for a rejected request, whole seconds until the window ends (at least 1)
     * @param resetAt           when the token's window ends
     */
    record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds, Instant resetAt) {
    }

    private static final class Window {
        private Instant start;
        private int hits;
    }

    private final int defaultLimit;
    private final Duration defaultWindow;
    private final Map<String, Window> windows = new HashMap<>();
    private final Map<String, Integer> accepted = new HashMap<>();
    private int limit;
    private Duration window;
    private int rejected;
    private int maxInWindow;

    RateLimiter(int limit, Duration window) {
        this.defaultLimit = limit;
        this.defaultWindow = window;
        reset();
    }

    synchronized Decision hit(String token, Instant now) {
        Window current = windows.computeIfAbsent(token, t -> new Window());
        if (current.start == null || !now.isBefore(current.start.plus(window))) {
            current.start = now;
            current.hits = 0;
        }
        Instant resetAt = current.start.plus(window);
        if (current.hits >= limit) {
            rejected++;
            long millis = Duration.between(now, resetAt).toMillis();
            return new Decision(false, limit, 0, Math.max(1, (millis + 999) / 1000), resetAt);
        }
        current.hits++;
        accepted.merge(token, 1, Integer::sum);
        maxInWindow = Math.max(maxInWindow, current.hits);
        return new Decision(true, limit, limit - current.hits, 0, resetAt);
    }

    /** Also closes every open window, so that the new limit applies from the next request on. */
    synchronized void set(int requests, Duration per) {
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("need at least 1 request per positive window");
        }
        limit = requests;
        window = per;
        windows.clear();
    }

    synchronized int accepted(String token) {
        return accepted.getOrDefault(token, 0);
    }

    synchronized int rejected() {
        return rejected;
    }

    synchronized int maxInWindow() {
        return maxInWindow;
    }

    synchronized void reset() {
        limit = defaultLimit;
        window = defaultWindow;
        windows.clear();
        accepted.clear();
        rejected = 0;
        maxInWindow = 0;
    }
}
