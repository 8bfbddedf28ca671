package io.github.camelchatbots.simulator.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;

/**
 * A sliding-window rate limit over part of a vendor's API, with the counters tests use to check a client's
 * throttling. Requests over the limit are rejected without consuming budget; what a rejection looks like on the wire
 * (here: a hang) is up to the caller.
 */
public final class SlidingWindowLimiter {

    private final Predicate<String> scope;
    private final int defaultLimit;
    private final Duration defaultWindow;
    private final Duration defaultHangTimeout;

    private final Deque<Long> acceptedNanos = new ArrayDeque<>();
    private int limit;
    private Duration window;
    private Duration hangTimeout;
    private int accepted;
    private int rejected;
    private int maxInWindow;

    /**
     * @param scope              which vendor-relative paths the limit applies to
     * @param hangTimeout        how long a rejected request is held before its connection is closed
     */
    public SlidingWindowLimiter(Predicate<String> scope, int limit, Duration window, Duration hangTimeout) {
        this.scope = scope;
        this.defaultLimit = limit;
        this.defaultWindow = window;
        this.defaultHangTimeout = hangTimeout;
        reset();
    }

    public boolean appliesTo(String path) {
        return scope.test(path);
    }

    /** Admits the request if fewer than {@code limit} requests were admitted within the last window. */
    public synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        long windowNanos = window.toNanos();
        while (!acceptedNanos.isEmpty() && now - acceptedNanos.peekFirst() >= windowNanos) {
            acceptedNanos.removeFirst();
        }
        if (acceptedNanos.size() >= limit) {
            rejected++;
            return false;
        }
        acceptedNanos.addLast(now);
        accepted++;
        // Checking at each admission suffices: the busiest window always ends with an admitted request.
        maxInWindow = Math.max(maxInWindow, acceptedNanos.size());
        return true;
    }

    public synchronized void setLimit(int requests, Duration window) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least 1 request per positive window");
        }
        this.limit = requests;
        this.window = window;
    }

    public synchronized void setHangTimeout(Duration hangTimeout) {
        if (hangTimeout.isNegative()) {
            throw new IllegalArgumentException("hang timeout must not be negative");
        }
        this.hangTimeout = hangTimeout;
    }

    public synchronized Duration hangTimeout() {
        return hangTimeout;
    }

    public synchronized int accepted() {
        return accepted;
    }

    public synchronized int rejected() {
        return rejected;
    }

    public synchronized int maxInWindow() {
        return maxInWindow;
    }

    public synchronized void reset() {
        limit = defaultLimit;
        window = defaultWindow;
        hangTimeout = defaultHangTimeout;
        acceptedNanos.clear();
        accepted = 0;
        rejected = 0;
        maxInWindow = 0;
    }
}
