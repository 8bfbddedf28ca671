package io.github.camelchatbots.simulator.chataibot;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * An optional sliding-window limit over every route. ChatAIBot documents none, so it is off until a test sets one to
 * exercise a client's handling of 429. It runs on the real clock, not the simulation's: a client that waits the
 * {@code Retry-After} it was given must then be let through, although nobody moves the simulation clock.
 */
final class RateLimit {

    private final Deque<Long> admittedNanos = new ArrayDeque<>();
    /** 0 when off. */
    private int limit;
    private long windowNanos;
    private int rejected;

    /** Admits the request, or tells how long until it would have been admitted. */
    synchronized Optional<Duration> admit() {
        if (limit == 0) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        while (!admittedNanos.isEmpty() && now - admittedNanos.peekFirst() >= windowNanos) {
            admittedNanos.removeFirst();
        }
        if (admittedNanos.size() < limit) {
            admittedNanos.addLast(now);
            return Optional.empty();
        }
        rejected++;
        return Optional.of(Duration.ofNanos(admittedNanos.peekFirst() + windowNanos - now));
    }

    synchronized void set(int requests, Duration window) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least 1 request per positive window");
        }
        limit = requests;
        windowNanos = window.toNanos();
        admittedNanos.clear();
    }

    synchronized String describe() {
        return limit + " requests per " + Duration.ofNanos(windowNanos).toMillis() + " ms";
    }

    synchronized int rejected() {
        return rejected;
    }

    synchronized void off() {
        limit = 0;
        windowNanos = 0;
        admittedNanos.clear();
        rejected = 0;
    }
}
