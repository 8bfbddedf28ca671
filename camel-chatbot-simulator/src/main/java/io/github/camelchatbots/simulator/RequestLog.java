package io.github.camelchatbots.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The requests one vendor received: the newest {@code capacity} in full, for tests that assert what a client sent,
 * and a count of all of them. Bounded, so that a simulator serving a long benchmark does not grow without end.
 */
public final class RequestLog {

    /** Enough for any functional test; a benchmark of 150,000 items still keeps memory flat. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ArrayDeque<RecordedRequest> newest;
    private long total;

    public RequestLog() {
        this(DEFAULT_CAPACITY);
    }

    public RequestLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.newest = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public synchronized void add(RecordedRequest request) {
        if (newest.size() == capacity) {
            newest.removeFirst();
        }
        newest.addLast(request);
        total++;
    }

    /** The kept requests, oldest first: all of them unless more than the capacity arrived. */
    public synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(newest);
    }

    /** The kept requests that match, oldest first. */
    public synchronized List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        List<RecordedRequest> matches = new ArrayList<>();
        for (RecordedRequest request : newest) {
            if (filter.test(request)) {
                matches.add(request);
            }
        }
        return matches;
    }

    /** Every request received since the last {@link #clear()}, including those no longer kept. */
    public synchronized long total() {
        return total;
    }

    public synchronized void clear() {
        newest.clear();
        total = 0;
    }
}
