package io.github.camelchatbots.support.http;

import java.time.Duration;

/**
 * What one vendor account may send. Every request of the account, from any endpoint, producer or consumer, takes a
 * {@link Permit} before it is sent and closes it when the vendor has answered or the attempt has failed; a vendor's
 * {@code Retry-After} pauses the whole account. The limit of the JVM is {@link AccountRateLimiter}; a bean given as
 * an endpoint's {@code rateLimiter} may hold the budget elsewhere, e.g. in a database shared by the nodes of a
 * cluster.
 */
public interface RateLimiter {

    /** Waits until a request may be sent, and counts it until the returned permit is closed. */
    Permit acquire() throws InterruptedException;

    /** Whether a request could be sent right now, without counting one: lets a poller stop before it waits. */
    boolean hasBudget();

    /** Holds every request of the account back for the given time, as the vendor asked with {@code Retry-After}. */
    void pauseFor(Duration pause);

    /** A request being sent; closing it records that it is over, answered or not. */
    interface Permit extends AutoCloseable {

        @Override
        void close();
    }

    /** For vendors without a documented limit: never waits, except while a {@code Retry-After} pause lasts. */
    static RateLimiter unlimited() {
        return new AccountRateLimiter("unlimited");
    }
}
