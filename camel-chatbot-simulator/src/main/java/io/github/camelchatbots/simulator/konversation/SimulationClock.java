package io.github.camelchatbots.simulator.konversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulation's time: the real clock plus whatever tests have skipped ahead, so that the rate limit's window, the
 * 24-hour filters and scheduled broadcasts can be tested without waiting. The demo data pins it to moments in the
 * past while it writes history there.
 */
final class SimulationClock {

    private final Clock real = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private Duration skipped = Duration.ZERO;
    private Instant pinned;

    synchronized Instant now() {
        return pinned != null ? pinned : real.instant().plus(skipped).truncatedTo(ChronoUnit.MILLIS);
    }

    synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            // Time running backwards would reorder chat histories and refill rate-limit windows early.
            throw new IllegalArgumentException("time only moves forward, not by " + duration);
        }
        if (pinned != null) {
            pinned = pinned.plus(duration).truncatedTo(ChronoUnit.MILLIS);
        } else {
            skipped = skipped.plus(duration);
        }
    }

    /** Stops the clock at {@code at}; {@link #advance(Duration)} still moves it. */
    synchronized void pin(Instant at) {
        pinned = at.truncatedTo(ChronoUnit.MILLIS);
    }

    synchronized void unpin() {
        pinned = null;
    }

    synchronized void reset() {
        skipped = Duration.ZERO;
        pinned = null;
    }
}
