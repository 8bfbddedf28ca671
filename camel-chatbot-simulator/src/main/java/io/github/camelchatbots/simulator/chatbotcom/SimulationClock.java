package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulation's time: the real clock plus whatever tests have skipped ahead, so that a ten-minute session timeout
 * can be tested without waiting. Millisecond ticks, like ChatBot.com's timestamps. The demo data pins it to moments
 * in the past while it replays conversations there.
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
            // Time running backwards would break the ids' creation order and the session timeouts.
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

    /** Back to the running clock, with the skipped time it had before it was pinned. */
    synchronized void unpin() {
        pinned = null;
    }

    synchronized void reset() {
        skipped = Duration.ZERO;
        pinned = null;
    }
}
