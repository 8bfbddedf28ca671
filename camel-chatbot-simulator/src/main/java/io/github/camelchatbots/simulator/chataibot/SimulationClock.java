package io.github.camelchatbots.simulator.chataibot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulation's time. It stands still unless moved, so that a test knows exactly when an uploaded source finishes
 * processing without waiting for it: {@link #advance(Duration)} skips ahead, and the demo makes it follow the real
 * clock. Microsecond ticks, like ChatAIBot's {@code created_at}.
 */
final class SimulationClock {

    private final Clock wall = Clock.systemUTC();
    private Instant standing;
    private boolean followsRealTime;
    /** How far ahead of the real clock it is while following it: the time skipped by {@link #advance}. */
    private Duration ahead;
    private Instant pinned;
    private Instant lastStamp;

    SimulationClock() {
        reset();
    }

    synchronized Instant now() {
        return pinned != null ? pinned : unpinnedNow();
    }

    /**
     * The time of something that happens now, later than every earlier stamp: a clock standing still must not give
     * two messages of one conversation the same {@code created_at}, or a client sorting by it would lose their order.
     */
    synchronized Instant stamp() {
        Instant at = now();
        if (lastStamp != null && !at.isAfter(lastStamp)) {
            at = lastStamp.plus(1, ChronoUnit.MICROS);
        }
        lastStamp = at;
        return at;
    }

    synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            // Sources finish processing as time passes; time running backwards would un-finish them.
            throw new IllegalArgumentException("time only moves forward, not by " + duration);
        }
        if (pinned != null) {
            pinned = micros(pinned.plus(duration));
        } else if (followsRealTime) {
            ahead = ahead.plus(duration);
        } else {
            standing = micros(standing.plus(duration));
        }
    }

    /**
     * Lets the clock run with the real one from its current time on, or stops it where it is. A clock that stood
     * still while real time went on jumps forward to the real time rather than lagging behind it for good.
     */
    synchronized void followRealTime(boolean follow) {
        if (follow == followsRealTime) {
            return;
        }
        Instant current = unpinnedNow();
        if (follow) {
            Duration gap = Duration.between(wall.instant(), current);
            ahead = gap.isNegative() ? Duration.ZERO : gap;
        } else {
            standing = current;
        }
        followsRealTime = follow;
    }

    synchronized boolean followsRealTime() {
        return followsRealTime;
    }

    /** Stops the clock at {@code at}, e.g. in the past while the demo data is written there. */
    synchronized void pin(Instant at) {
        pinned = micros(at);
        lastStamp = null;
    }

    synchronized void unpin() {
        pinned = null;
        lastStamp = null;
    }

    /** Standing still at the real time. */
    synchronized void reset() {
        standing = micros(wall.instant());
        followsRealTime = false;
        ahead = Duration.ZERO;
        pinned = null;
        lastStamp = null;
    }

    private Instant unpinnedNow() {
        return followsRealTime ? micros(wall.instant().plus(ahead)) : standing;
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
