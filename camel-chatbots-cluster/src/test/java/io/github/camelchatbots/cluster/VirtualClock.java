package io.github.camelchatbots.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;

/**
 * A wall clock that moves only when told, shared by every limiter of a test as the nodes of a cluster share real
 * time: a limiter's waits move it, so a test runs through many windows in moments and knows every grant's exact time.
 */
final class VirtualClock implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(20_000).toNanos());

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }

    void advance(long byNanos) {
        nanos.addAndGet(byNanos);
    }

    void advance(Duration by) {
        advance(by.toNanos());
    }

    /** The clock's own time: waiting in a limiter moves it by the wait. */
    Bucket4jRateLimiter.Sleeper sleeper() {
        return this::advance;
    }
}
