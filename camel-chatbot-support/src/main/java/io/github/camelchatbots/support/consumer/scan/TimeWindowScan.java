package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Takes the items of a list that is read by a window of time (one user's messages at Engati, a subscriber's chat at
 * konversation: "the messages from {@code start} to {@code end}, page by page"), oldest first, from a
 * {@link ScanPosition}. The vendor may answer a window's items in any order, and a page of a window that holds more
 * than a page may be any of them: nothing is concluded from their order.
 * <p>
 * A window is taken from only when it is known complete: its first page holds fewer items than a page, the same
 * items when read again, and its second page is empty. A full first page makes the window narrower, by halving
 * towards its start, until it is complete. Windows start at the position's rank, so that every item not yet taken
 * falls in the next one whatever was deleted meanwhile; the width of the last complete window is tried first, so a
 * steady walk costs few requests per page, and an idle poll one.
 *
 * @param <T> the list's items
 */
public final class TimeWindowScan<T> {

    /** One page of a window. */
    @FunctionalInterface
    public interface Window<T> {

        /**
         * The items ranked from {@code from} to {@code to}, both inclusive ({@code to} null: no end), page
         * {@code page} (from 1) of at most the scan's page size, in any order.
         */
        List<T> read(long from, Long to, int page);
    }

    private static final int MAX_READS_WITHOUT_PROGRESS = 80;
    private static final int MAX_CONFIRMATIONS = 3;

    private final Window<T> window;
    private final ToLongFunction<T> rank;
    private final Function<T, String> id;
    private final int pageSize;
    private final long earliestRank;
    private final Comparator<T> oldestFirst;

    /**
     * @param pageSize     how many items a page holds at most: the vendor must answer that many when the window holds
     *                     them
     * @param earliestRank no item ranks before it: where a scan from the beginning starts
     */
    public TimeWindowScan(Window<T> window, ToLongFunction<T> rank, Function<T, String> id, int pageSize,
                          long earliestRank) {
        this.window = window;
        this.rank = rank;
        this.id = id;
        this.pageSize = pageSize;
        this.earliestRank = earliestRank;
        this.oldestFirst = Comparator.comparingLong(rank).thenComparing(id);
    }

    /**
     * Offers the items after {@code from} to the sink, oldest first, until the newest has been taken, the sink
     * refuses one, or the budget allows no more requests.
     *
     * @param seen receives every item of every page read, taken or not
     */
    public ScanOutcome scan(ScanPosition from, Consumer<T> seen, Sink<T> sink, Budget budget) {
        return new Run(from, seen, sink, budget).go();
    }

    private final class Run {
        private final Consumer<T> seen;
        private final Sink<T> sink;
        private final Budget budget;
        private ScanPosition position;
        private int requests;
        private int readsWithoutProgress;

        Run(ScanPosition from, Consumer<T> seen, Sink<T> sink, Budget budget) {
            this.position = from;
            this.seen = seen;
            this.sink = sink;
            this.budget = budget;
        }

        ScanOutcome go() {
            long start = position.isBeginning() ? earliestRank : position.rank();
            // the window's end: open at first, so that a consumer that keeps up needs one request
            Long end = null;
            Long lastWidth = null;
            while (readsWithoutProgress < MAX_READS_WITHOUT_PROGRESS && budget.mayRequest()) {
                List<T> page = read(start, end, 1);
                if (page.size() >= pageSize) {
                    long newest = start;
                    for (T item : page) {
                        newest = Math.max(newest, rank.applyAsLong(item));
                    }
                    long limit = end != null ? Math.min(end, newest) : newest;
                    if (limit <= start) {
                        // more items of one rank than a page holds: no window tells them apart
                        return outcome(false);
                    }
                    end = start + (limit - start) / 2;
                    readsWithoutProgress++;
                    continue;
                }
                if (page.stream().allMatch(this::covered)) {
                    if (end == null) {
                        return outcome(true);
                    }
                    // nothing new up to the end: the next window starts after it
                    start = end + 1;
                    lastWidth = widen(lastWidth, end - start + 1, page.size());
                    end = lastWidth == null ? null : start + lastWidth;
                    readsWithoutProgress++;
                    continue;
                }
                List<T> complete = confirmComplete(start, end, page);
                if (complete == null) {
                    return outcome(false);
                }
                if (complete.isEmpty()) {
                    // changed between the reads: read it again
                    readsWithoutProgress++;
                    continue;
                }
                if (!takeFrom(complete)) {
                    return outcome(false);
                }
                if (end == null) {
                    return outcome(true);
                }
                long width = end - start + 1;
                start = end + 1;
                lastWidth = widen(lastWidth, width, complete.size());
                end = start + lastWidth;
            }
            return outcome(false);
        }

        /** The width to try next: the last complete one, larger when that held little. */
        private Long widen(Long last, long width, int items) {
            long base = last == null ? width : Math.max(last, width);
            return items < pageSize / 2 ? base * 2 : base;
        }

        /**
         * The window's items once it is known complete: the first page read again gives the same items, and the
         * second page is empty. Empty when an answer changed meanwhile; null when the budget ran out.
         *
         * @throws IllegalStateException when the vendor answers fewer items than a page while more follow on the
         *                               next page: its pages are smaller than the page size configured
         */
        private List<T> confirmComplete(long start, Long end, List<T> page) {
            int cutShort = 0;
            List<T> current = page;
            for (int attempt = 0; attempt < MAX_CONFIRMATIONS; attempt++) {
                if (!budget.mayRequest()) {
                    return null;
                }
                List<T> again = read(start, end, 1);
                if (!sameIds(again, current)) {
                    if (again.size() >= pageSize) {
                        return List.of();
                    }
                    current = again;
                    continue;
                }
                if (!budget.mayRequest()) {
                    return null;
                }
                List<T> second = read(start, end, 2);
                if (second.isEmpty()) {
                    return again;
                }
                if (!budget.mayRequest()) {
                    return null;
                }
                List<T> third = read(start, end, 1);
                if (sameIds(third, again) && ++cutShort == 2) {
                    throw new IllegalStateException("The vendor answered " + again.size() + " items for a page of "
                                                    + pageSize + " although a second page follows: its pages hold"
                                                    + " fewer items than the page size configured; set it to at most "
                                                    + again.size());
                }
                current = third;
            }
            return List.of();
        }

        private boolean covered(T item) {
            return position.covers(rank.applyAsLong(item), id.apply(item));
        }

        /** Takes the window's uncovered items, once each, oldest first; false when the sink refused one. */
        private boolean takeFrom(List<T> items) {
            List<T> fresh = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (T item : items) {
                if (!covered(item) && ids.add(id.apply(item))) {
                    fresh.add(item);
                }
            }
            fresh.sort(oldestFirst);
            for (T item : fresh) {
                if (!sink.offer(item)) {
                    return false;
                }
                position = position.after(rank.applyAsLong(item), id.apply(item));
                readsWithoutProgress = 0;
            }
            return true;
        }

        private boolean sameIds(List<T> first, List<T> second) {
            if (first.size() != second.size()) {
                return false;
            }
            Set<String> ids = new HashSet<>();
            first.forEach(item -> ids.add(id.apply(item)));
            return second.stream().allMatch(item -> ids.contains(id.apply(item)));
        }

        private List<T> read(long start, Long end, int page) {
            requests++;
            List<T> items = window.read(start, end, page);
            List<T> copy = items == null ? List.of() : List.copyOf(items);
            copy.forEach(seen);
            return copy;
        }

        private ScanOutcome outcome(boolean caughtUp) {
            return new ScanOutcome(position, caughtUp, requests);
        }
    }
}
