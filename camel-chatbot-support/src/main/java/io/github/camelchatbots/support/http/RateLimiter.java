package io.github.camelchatbots.support.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A sliding-window limit of {@code permits} requests per {@code window}, held on the client side because some
 * vendors do not answer excess requests at all (Ebbot lets them time out). Callers wait for a permit; nobody fails
 * for want of one. A vendor's {@code Retry-After} pauses every caller of the same account.
 * <p>
 * The window is kept 5% longer than the vendor's: the vendor counts arrivals, we count departures, and network
 * jitter must never let it see one request too many.
 */
public final class RateLimiter {

    /** For vendors without a documented limit: never waits, except while a {@code Retry-After} pause lasts. */
    public static RateLimiter unlimited() {
        return new RateLimiter(0, Duration.ZERO);
    }

    private final int permits;
    private final Duration window;
    private final long windowNanos;
    private final ArrayDeque<Long> grantedAt = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** A nanoTime: compared by subtraction only, as nanoTime values may be negative and wrap. */
    private long pausedUntil;

    public RateLimiter(int permits, Duration window) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        this.permits = permits;
        this.window = window;
        this.windowNanos = window.toNanos() + window.toNanos() / 20;
        this.pausedUntil = System.nanoTime();
    }

    public int getPermits() {
        return permits;
    }

    public Duration getWindow() {
        return window;
    }

    /** Waits until a request may be sent, and counts it. */
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long wait;
            while ((wait = nanosUntilPermit(System.nanoTime())) > 0) {
                changed.awaitNanos(wait);
            }
            grant(System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /** Counts a request and answers true only if one may be sent right now. */
    public boolean tryAcquire() {
        lock.lock();
        try {
            long now = System.nanoTime();
            if (nanosUntilPermit(now) > 0) {
                return false;
            }
            grant(now);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a request could be sent right now, without counting one: lets a poller stop early. */
    public boolean hasPermitNow() {
        lock.lock();
        try {
            return nanosUntilPermit(System.nanoTime()) <= 0;
        } finally {
            lock.unlock();
        }
    }

    /** Holds every caller back for the given time, as the vendor asked with {@code Retry-After}. */
    public void pauseFor(Duration pause) {
        lock.lock();
        try {
            long until = System.nanoTime() + pause.toNanos();
            if (until - pausedUntil > 0) {
                pausedUntil = until;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long nanosUntilPermit(long now) {
        long wait = pausedUntil - now;
        if (permits > 0) {
            while (!grantedAt.isEmpty() && now - grantedAt.peekFirst() >= windowNanos) {
                grantedAt.pollFirst();
            }
            if (grantedAt.size() >= permits) {
                wait = Math.max(wait, grantedAt.peekFirst() + windowNanos - now);
            }
        }
        return wait;
    }

    private void grant(long now) {
        if (permits > 0) {
            grantedAt.addLast(now);
        }
    }

    @Override
    public String toString() {
        return permits == 0 ? "RateLimiter[unlimited]"
                : "RateLimiter[" + permits + " per " + window + "]";
    }
}
