package io.github.camelchatbots.simulator.engati;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * An optional sliding-window limit over every route. Engati documents none, so it is off until a test sets one to
 * exercise a client's handling of 429.
 */
final class RateLimit {

    private final Deque<Instant> admitted = new ArrayDeque<>();
    /** 0 when off. */
    private int limit;
    private Duration window = Duration.ZERO;
    private int rejected;

    /** Admits the request, or tells how long until it would have been admitted. */
    synchronized Optional<Duration> admit(Instant now) {
        if (limit == 0) {
            return Optional.empty();
        }
        while (!admitted.isEmpty() && !admitted.peekFirst().plus(window).isAfter(now)) {
            admitted.removeFirst();
        }
        if (admitted.size() < limit) {
            admitted.addLast(now);
            return Optional.empty();
        }
        rejected++;
        return Optional.of(Duration.between(now, admitted.peekFirst().plus(window)));
    }

    synchronized void set(int requests, Duration per) {
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("need at least 1 request per positive window");
        }
        limit = requests;
        window = per;
    }

    synchronized String describe() {
        return limit + " requests per " + window.toMillis() + " ms";
    }

    synchronized int rejected() {
        return rejected;
    }

    synchronized void off() {
        limit = 0;
        window = Duration.ZERO;
        admitted.clear();
        rejected = 0;
    }
}
