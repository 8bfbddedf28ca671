package io.github.camelchatbots.support.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rate limit of one vendor account within this JVM: at most {@code permits} requests per {@code window}, for
 * every window declared for the account, held on the client side because some vendors do not answer excess requests
 * at all (Ebbot lets them time out).
 * <p>
 * A request counts from the moment it is granted until a whole window after it is over. The vendor counts a request
 * when it arrives, which is after it was granted and before its answer came back; so measuring the window from the
 * answer makes the limit hold as the vendor counts it however slowly this machine sends or the network carries, and
 * a request that timed out counts as spent until a window after it was given up. A request still in flight counts
 * until it is over.
 * <p>
 * With a {@link RateLimitLedger} the requests are also recorded in a small file, so that a JVM restarted within one
 * window goes on from what its predecessor spent instead of from a full budget.
 */
public final class AccountRateLimiter implements RateLimiter {

    /** The vendor's clock and ours may tick differently: a window is kept a little longer than declared. */
    private static final long MARGIN_DIVISOR = 100;

    /** One declared limit. */
    public record Limit(int permits, Duration window) {

        public Limit {
            if (permits < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate limit needs at least one request per positive window, not "
                                                   + permits + " per " + window);
            }
        }

        /** Whether this limit lets through no more than {@code other} ever would: fewer requests per longer window. */
        boolean atLeastAsStrictAs(Limit other) {
            return permits <= other.permits && window.compareTo(other.window) >= 0;
        }

        long windowNanos() {
            long nanos = window.toNanos();
            return nanos + Math.max(TimeUnit.MILLISECONDS.toNanos(1), nanos / MARGIN_DIVISOR);
        }

        @Override
        public String toString() {
            return permits + " per " + window;
        }
    }

    /** A request: in flight until {@code endedAt} is set. */
    private final class Request implements Permit {
        private long endedAt;
        private boolean over;
        private final int ledgerSlot;

        private Request(int ledgerSlot) {
            this.ledgerSlot = ledgerSlot;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (!over) {
                    over = true;
                    endedAt = System.nanoTime();
                    inFlight--;
                    if (ledger != null) {
                        ledger.ended(ledgerSlot);
                    }
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private final String account;
    private final List<Limit> limits = new ArrayList<>();
    /** Oldest first; requests over more than a window ago are dropped. */
    private final ArrayDeque<Request> recent = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private RateLimitLedger ledger;
    private int inFlight;
    /** A nanoTime: compared by subtraction only, as nanoTime values may be negative and wrap. */
    private long pausedUntil = System.nanoTime();

    /** An account without a limit: only {@code Retry-After} pauses hold it back. */
    public AccountRateLimiter(String account) {
        this.account = account;
    }

    public AccountRateLimiter(String account, Limit limit) {
        this(account);
        limits.add(limit);
    }

    /**
     * Adds a limit unless one already held is at least as strict; limits it makes redundant are dropped. Every limit
     * declared for an account therefore holds, whichever endpoint declared it first.
     *
     * @return whether the limit changed what the account may send
     */
    public boolean require(Limit limit) {
        lock.lock();
        try {
            for (Limit held : limits) {
                if (held.atLeastAsStrictAs(limit)) {
                    return false;
                }
            }
            limits.removeIf(limit::atLeastAsStrictAs);
            limits.add(limit);
            if (ledger != null) {
                ledger.ensureCapacity(largestPermits());
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records this account's requests in the ledger from now on, first counting those it already holds: requests of
     * an earlier run of this application that may still count with the vendor.
     */
    public void recordIn(RateLimitLedger requests) {
        lock.lock();
        try {
            this.ledger = requests;
            requests.ensureCapacity(Math.max(1, largestPermits()));
            long nowNanos = System.nanoTime();
            long nowMillis = System.currentTimeMillis();
            for (long endedMillis : requests.recordedEnds(nowMillis)) {
                Request earlier = new Request(-1);
                earlier.over = true;
                earlier.endedAt = nowNanos - TimeUnit.MILLISECONDS.toNanos(Math.max(0, nowMillis - endedMillis));
                recent.addLast(earlier);
            }
            List<Request> sorted = new ArrayList<>(recent);
            sorted.sort((a, b) -> Long.compare(a.endedAt - nowNanos, b.endedAt - nowNanos));
            recent.clear();
            recent.addAll(sorted);
        } finally {
            lock.unlock();
        }
    }

    public List<Limit> getLimits() {
        lock.lock();
        try {
            return List.copyOf(limits);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long wait;
            while ((wait = nanosUntilPermit(System.nanoTime())) > 0) {
                changed.awaitNanos(wait);
            }
            inFlight++;
            Request request = new Request(ledger != null ? ledger.started() : -1);
            recent.addLast(request);
            return request;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean hasBudget() {
        lock.lock();
        try {
            return nanosUntilPermit(System.nanoTime()) <= 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
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

    /**
     * How long until a request may go: 0 or less when it may now. While every permit is taken by requests still in
     * flight the wait is open-ended: a closing request signals.
     */
    private long nanosUntilPermit(long now) {
        long wait = pausedUntil - now;
        if (limits.isEmpty()) {
            return wait;
        }
        long longest = 0;
        for (Limit limit : limits) {
            longest = Math.max(longest, limit.windowNanos());
        }
        for (Iterator<Request> it = recent.iterator(); it.hasNext();) {
            Request request = it.next();
            if (request.over && now - request.endedAt >= longest) {
                it.remove();
            }
        }
        for (Limit limit : limits) {
            wait = Math.max(wait, nanosUntilPermit(limit, now));
        }
        return wait;
    }

    private long nanosUntilPermit(Limit limit, long now) {
        long windowNanos = limit.windowNanos();
        int counting = inFlight;
        // requests over within the window, oldest end first: the wait is until enough of them have left it
        List<Long> ends = new ArrayList<>();
        for (Request request : recent) {
            if (request.over && now - request.endedAt < windowNanos) {
                ends.add(request.endedAt);
            }
        }
        counting += ends.size();
        if (counting < limit.permits()) {
            return 0;
        }
        int mustLeave = counting - limit.permits() + 1;
        if (mustLeave > ends.size()) {
            // requests in flight hold the permits: only their end frees one
            return TimeUnit.SECONDS.toNanos(1);
        }
        ends.sort((a, b) -> Long.compare(a - now, b - now));
        return ends.get(mustLeave - 1) + windowNanos - now;
    }

    private int largestPermits() {
        int largest = 0;
        for (Limit limit : limits) {
            largest = Math.max(largest, limit.permits());
        }
        return largest;
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return limits.isEmpty() ? "RateLimiter[" + account + ", unlimited]"
                    : "RateLimiter[" + account + ", " + limits + "]";
        } finally {
            lock.unlock();
        }
    }
}
