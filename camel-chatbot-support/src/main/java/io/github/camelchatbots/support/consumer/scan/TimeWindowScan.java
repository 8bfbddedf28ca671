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
 * Takes the items of a list that is read by a window of time and a page number (one user's messages at Engati, a
 * subscriber's chat at konversation: "the messages from {@code start} to {@code end}, page by page"), oldest first,
 * from a {@link ScanPosition}, while items arrive at the newest end and are deleted anywhere, and an answer now and
 * then comes back with items missing, with another page of the window, or with the answer to the request before.
 * The vendor may list a window in any order, and a page of a window that holds more than a page may be any of its
 * items: nothing is concluded from their order.
 * <p>
 * <b>What it relies on.</b> Time moves forward: an item arrives ranked at or after every item the list has held (a
 * creation time, in milliseconds or seconds). A window's pages hold {@code pageSize} items each until the last, and
 * the pages of a window that does not change partition it. A wrong answer is a one-off: of two answers in a row,
 * one is right.
 * <p>
 * <b>What it guarantees.</b> Items are taken only from a window known complete: its first page, read twice in a row,
 * gives the same items, fewer than a page (and, until the vendor has shown that its pages hold {@code pageSize}
 * items, its second page is empty). Every item of such a window is taken, oldest first, so the position never moves
 * past an item it did not take, and takes none twice. The next window starts after the last one only when an item
 * newer than its end has been seen, since then nothing can arrive in it any more; otherwise at the position's rank.
 * <p>
 * <b>A second holding a page or more.</b> A window of one rank that fills a page cannot be narrowed. Once an item
 * newer than that rank has been seen (nothing more can arrive in it, items can only go), the rank is read whole: its
 * last page twice in a row, which tells how many items it holds, then every other page; as many distinct items as
 * that, all of which were there when it was counted, are all of them. Until a newer item arrives, a crowded rank at
 * the list's newest end cannot be told complete, and the poll ends before it, not caught up.
 * <p>
 * <b>What it costs.</b> An idle poll of a caught-up consumer: one request (unless the rank it took last holds a page
 * or more). A full window is narrowed by what its page shows: below its second-newest item when the vendor lists the
 * oldest first, else by galloping down from the page and then halving, so the first item of a large backlog comes
 * after a logarithmic number of requests. A walk then sizes each window by the density of the last, two requests for
 * most windows of about a page. A vendor whose pages hold fewer items than {@code pageSize} is detected, when a window
 * holds more than its pages, with an {@link IllegalStateException} that names the sizes.
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

    /** A search that finds nothing to take in this many reads gives up until the next poll. */
    private static final int MAX_READS_WITHOUT_PROGRESS = 100;
    /** How often a window's answer is read again to tell it from a glitch before the window is left for later. */
    private static final int MAX_CONFIRMATIONS = 3;
    /** The most pages of one crowded rank read; a rank with more is left until the next poll. */
    private static final int MAX_PAGES_OF_A_RANK = 1_000;
    /** A walk aims its windows at this share of a page: fuller ones fill a page too often. */
    private static final double TARGET_SHARE = 0.7;

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
        if (pageSize < 2) {
            throw new IllegalArgumentException("a window scan needs pages of at least 2 items, not " + pageSize);
        }
        if (earliestRank == Long.MIN_VALUE) {
            throw new IllegalArgumentException("earliestRank must be above Long.MIN_VALUE");
        }
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
     * @throws IllegalStateException when the vendor's pages hold fewer items than {@code pageSize}; only from a poll
     *                               that has taken nothing yet, so that what was taken is delivered first
     */
    public ScanOutcome scan(ScanPosition from, Consumer<T> seen, Sink<T> sink, Budget budget) {
        return new Run(from, seen, sink, budget).go();
    }

    /** A page as answered: its items, and whether they all lie in the window asked for, once each. */
    private record Answer<T>(List<T> items, boolean valid) {
    }

    /** What reading a window again showed. */
    private enum Verdict { COMPLETE, FULL, UNSETTLED, OUT_OF_BUDGET, SMALLER_PAGES }

    private record Confirmation<T>(Verdict verdict, List<T> items) {
    }

    /** Ends a poll: with the outcome, or with the vendor's misconfiguration once nothing taken would be lost with it. */
    private static final class Stop extends RuntimeException {
        private Stop() {
            super(null, null, false, false);
        }
    }

    private final class Run {
        private final Consumer<T> seen;
        private final Sink<T> sink;
        private final Budget budget;
        private ScanPosition position;
        private int requests;
        private int readsWithoutProgress;
        private int taken;
        /** The newest rank any answer has shown: nothing can arrive ranked below it any more. */
        private long frontier = Long.MIN_VALUE;
        /** Whether an answer of a whole page has shown that the vendor's pages hold {@code pageSize} items. */
        private boolean pagesHoldPageSize;
        /** Whether a full page holds its window's oldest items (null: not known yet). */
        private Boolean oldestOnFullPages;
        /** The lowest rank that may hold an item not taken. */
        private long floor;
        /** The search for a window ending where fewer than a page of items lie: an end known too short, ... */
        private Long low;
        /** ... an end known to hold a page or more, and the next end to try, between the two. */
        private Long high;
        private long probe;
        private long gap;
        /** The width of the next window of a walk, from the density of the last one; null: open. */
        private Long width;
        private IllegalStateException misconfiguration;

        Run(ScanPosition from, Consumer<T> seen, Sink<T> sink, Budget budget) {
            this.position = from;
            this.seen = seen;
            this.sink = sink;
            this.budget = budget;
            this.floor = from.isBeginning() ? earliestRank : Math.max(from.rank(), Long.MIN_VALUE + 1);
        }

        ScanOutcome go() {
            try {
                return walk();
            } catch (Stop stop) {
                if (misconfiguration != null && taken == 0) {
                    throw misconfiguration;
                }
                return outcome(false);
            }
        }

        private ScanOutcome walk() {
            while (readsWithoutProgress < MAX_READS_WITHOUT_PROGRESS && budget.mayRequest()) {
                Long end = nextEnd();
                Answer<T> page = read(floor, end, 1);
                if (!page.valid()) {
                    readsWithoutProgress++;
                    continue;
                }
                if (page.items().size() >= pageSize) {
                    readsWithoutProgress++;
                    narrow(end, page.items());
                    continue;
                }
                if (page.items().stream().allMatch(this::covered)) {
                    if (end == null) {
                        // nothing new at all: nothing moves on this answer alone, so it needs no confirmation
                        return outcome(true);
                    }
                    readsWithoutProgress++;
                    if (oldestOnFullPages == null && high != null) {
                        oldestOnFullPages = true;
                    }
                    low = end;
                    if (high == null) {
                        continue;
                    }
                    if (high - low <= 1) {
                        // every item up to low is taken, and the next rank fills a page with them: move past them
                        leaveTaken(end, page.items());
                    } else {
                        probe = mid(low, high);
                    }
                    continue;
                }
                Confirmation<T> confirmation = confirm(floor, end, page.items());
                switch (confirmation.verdict()) {
                    case OUT_OF_BUDGET -> {
                        return outcome(false);
                    }
                    case SMALLER_PAGES -> throw new Stop();
                    case FULL -> {
                        readsWithoutProgress++;
                        narrow(end, confirmation.items());
                        continue;
                    }
                    case UNSETTLED -> {
                        readsWithoutProgress++;
                        continue;
                    }
                    default -> {
                    }
                }
                if (oldestOnFullPages == null && high != null) {
                    oldestOnFullPages = true;
                }
                long start = floor;
                takeAll(confirmation.items());
                if (end == null) {
                    return outcome(true);
                }
                moveFloorPast(end);
                width = nextWidth(start, end, confirmation.items().size());
            }
            return outcome(false);
        }

        /**
         * The end of the next window: open while nothing is known to fill a page, so that a consumer that keeps up
         * needs one request; the walk's width after a window was taken; else the search's next end.
         */
        private Long nextEnd() {
            if (high == null) {
                if (width == null || low != null) {
                    return null;
                }
                long end = saturatedAdd(floor, width - 1);
                return end >= frontier ? null : end;
            }
            return probe;
        }

        /**
         * A page was full: the window up to its newest item holds a page, so the next end lies below that. Where, the
         * page tells: below its second-newest item when full pages hold their window's oldest items (tried once,
         * and learnt from whether that window is full too); else galloping down from it, with steps doubling, then
         * halving once an end is known to hold less.
         */
        private void narrow(Long end, List<T> page) {
            long newest = Long.MIN_VALUE;
            long oldest = Long.MAX_VALUE;
            for (T item : page) {
                newest = Math.max(newest, rank.applyAsLong(item));
                oldest = Math.min(oldest, rank.applyAsLong(item));
            }
            if (end != null) {
                newest = Math.min(newest, end);
            }
            boolean consecutive = high != null;
            if (consecutive && oldestOnFullPages == null) {
                // the window below the second-newest item of a full page is full too: pages are not the oldest
                oldestOnFullPages = false;
            }
            if (newest <= floor) {
                crowdedRank(floor);
                return;
            }
            high = newest;
            if (low != null && low >= high) {
                // the list changed under the search
                low = null;
            }
            long below = low != null ? low : floor - 1;
            if (high - below <= 1) {
                // the window up to low holds only items taken, and the rank after it fills a page with them:
                // read it again, to leave it behind once it is known complete
                probe = low;
                return;
            }
            if (oldestOnFullPages == null || oldestOnFullPages) {
                long secondNewest = Long.MIN_VALUE;
                for (T item : page) {
                    long itemRank = rank.applyAsLong(item);
                    if (itemRank < high) {
                        secondNewest = Math.max(secondNewest, itemRank);
                    }
                }
                probe = secondNewest > below ? secondNewest : high - 1;
                return;
            }
            long spread = Math.max(1, distance(oldest, high));
            gap = consecutive && low == null ? Math.max(saturatedDouble(gap), spread) : spread;
            long half = mid(below, high);
            probe = low != null ? half : Math.max(half, high - Math.min(gap, distance(below, high)));
            probe = Math.max(below + 1, Math.min(high - 1, probe));
        }

        /**
         * Every item up to {@code end} is taken, it seems, and the rank after it fills a page with them: confirms the
         * window complete and moves the floor past it, once nothing can arrive in it any more.
         */
        private void leaveTaken(long end, List<T> page) {
            Confirmation<T> confirmation = confirm(floor, end, page);
            if (confirmation.verdict() == Verdict.OUT_OF_BUDGET || confirmation.verdict() == Verdict.SMALLER_PAGES) {
                throw new Stop();
            }
            if (confirmation.verdict() == Verdict.COMPLETE) {
                takeAll(confirmation.items());
                if (frontier > end) {
                    moveFloorPast(end);
                    width = null;
                    return;
                }
            }
            // read it again next
            probe = end;
        }

        /**
         * A window of the one rank {@code crowded} fills a page. Once an item newer than it has been seen, nothing
         * can arrive in it, only go: its pages are read whole (see {@link #readRankWhole}). Until then, and when it
         * keeps changing, the poll ends here.
         */
        private void crowdedRank(long crowded) {
            if (frontier <= crowded) {
                if (!budget.mayRequest()) {
                    throw new Stop();
                }
                read(crowded + 1, null, 1);
                if (frontier <= crowded) {
                    // the newest second, and more items of it may come
                    throw new Stop();
                }
            }
            for (int attempt = 0; attempt < MAX_CONFIRMATIONS; attempt++) {
                List<T> items = readRankWhole(crowded);
                if (items != null) {
                    takeAll(items);
                    moveFloorPast(crowded);
                    width = null;
                    return;
                }
            }
            throw new Stop();
        }

        /**
         * The items of one rank that no longer changes but by deletions, or null when an answer did not fit. Its last
         * page, read twice in a row with the same items, tells how many items it held then; every page read after
         * holds some of those (nothing can arrive), so full pages with as many distinct items as that make all of
         * them, whatever was deleted meanwhile.
         */
        private List<T> readRankWhole(long crowded) {
            int last = 1;
            Answer<T> answer;
            do {
                answer = readOrStop(crowded, crowded, last);
                if (!answer.valid()) {
                    return null;
                }
                if (answer.items().size() >= pageSize) {
                    last++;
                }
            } while (answer.items().size() >= pageSize && last <= MAX_PAGES_OF_A_RANK);
            if (last > MAX_PAGES_OF_A_RANK) {
                throw new Stop();
            }
            List<T> lastPage = answer.items();
            Answer<T> again = readOrStop(crowded, crowded, last);
            if (!again.valid() || !sameIds(again.items(), lastPage)) {
                return null;
            }
            List<T> items = new ArrayList<>(lastPage);
            Set<String> ids = new HashSet<>();
            lastPage.forEach(item -> ids.add(id.apply(item)));
            for (int page = 1; page < last; page++) {
                Answer<T> full = readOrStop(crowded, crowded, page);
                if (!full.valid() || full.items().size() != pageSize) {
                    return null;
                }
                for (T item : full.items()) {
                    if (!ids.add(id.apply(item))) {
                        // another page's items: read it again
                        return null;
                    }
                    items.add(item);
                }
            }
            return items;
        }

        private Answer<T> readOrStop(long from, Long to, int page) {
            if (!budget.mayRequest()) {
                throw new Stop();
            }
            return read(from, to, page);
        }

        /**
         * Whether a short first page holds the whole window: the same items read again right after it (one of two
         * answers in a row is right), and, until the vendor has shown pages of {@code pageSize} items, an empty
         * second page. A second page that follows one read unchanged before and after it, twice, is the vendor's
         * pages being smaller than configured; one that repeats the first page is a glitch.
         */
        private Confirmation<T> confirm(long start, Long end, List<T> page) {
            int cutShort = 0;
            List<T> current = page;
            for (int attempt = 0; attempt < MAX_CONFIRMATIONS; attempt++) {
                if (!budget.mayRequest()) {
                    return new Confirmation<>(Verdict.OUT_OF_BUDGET, List.of());
                }
                Answer<T> again = read(start, end, 1);
                if (!again.valid()) {
                    current = null;
                    continue;
                }
                if (again.items().size() >= pageSize) {
                    return new Confirmation<>(Verdict.FULL, again.items());
                }
                if (current == null || !sameIds(again.items(), current)) {
                    current = again.items();
                    continue;
                }
                if (pagesHoldPageSize) {
                    return new Confirmation<>(Verdict.COMPLETE, again.items());
                }
                if (!budget.mayRequest()) {
                    return new Confirmation<>(Verdict.OUT_OF_BUDGET, List.of());
                }
                Answer<T> second = read(start, end, 2);
                if (second.valid() && second.items().isEmpty()) {
                    return new Confirmation<>(Verdict.COMPLETE, again.items());
                }
                if (!second.valid() || shareAnId(second.items(), again.items()) || !budget.mayRequest()) {
                    // the first page again, or the request before: a glitch, read it all again
                    current = null;
                    continue;
                }
                Answer<T> third = read(start, end, 1);
                if (third.valid() && third.items().size() < pageSize && sameIds(third.items(), again.items())
                    && ++cutShort == 2) {
                    misconfiguration = new IllegalStateException(
                            "The vendor answered " + again.items().size() + " items for a page of " + pageSize
                            + " although a second page follows: its pages hold fewer items than the page size"
                            + " configured; set it to at most " + again.items().size());
                    return new Confirmation<>(Verdict.SMALLER_PAGES, List.of());
                }
                current = third.valid() ? third.items() : null;
            }
            return new Confirmation<>(Verdict.UNSETTLED, List.of());
        }

        /** Takes the window's items not taken yet, once each, oldest first; stops the poll when the sink refuses one. */
        private void takeAll(List<T> items) {
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
                    throw new Stop();
                }
                position = position.after(rank.applyAsLong(item), id.apply(item));
                taken++;
                readsWithoutProgress = 0;
            }
        }

        /**
         * Everything up to {@code end} has been taken: the next window starts after it when nothing can arrive there
         * any more, else at the position, which is where an item arriving now would be. (A bounded window ends below
         * an item seen, by {@link #nextEnd}, so it is the first; the second keeps that from being load-bearing.)
         */
        private void moveFloorPast(long end) {
            long next = frontier > end ? end + 1 : Math.max(floor, position.rank());
            if (next > floor) {
                readsWithoutProgress = 0;
            }
            floor = next;
            low = null;
            high = null;
            gap = 0;
        }

        /** The width that should hold about {@value #TARGET_SHARE} of a page, from the last window's density. */
        private Long nextWidth(long start, long end, int items) {
            long last = Math.max(1, distance(start, end) + 1);
            double wanted = last * TARGET_SHARE * pageSize / Math.max(1, items);
            double bounded = Math.max(Math.max(1, last / 8), Math.min(wanted, Math.min(last * 8.0, Long.MAX_VALUE / 4.0)));
            return (long) bounded;
        }

        private boolean covered(T item) {
            return position.covers(rank.applyAsLong(item), id.apply(item));
        }

        private boolean sameIds(List<T> first, List<T> second) {
            if (first.size() != second.size()) {
                return false;
            }
            Set<String> ids = new HashSet<>();
            first.forEach(item -> ids.add(id.apply(item)));
            return second.stream().allMatch(item -> ids.contains(id.apply(item)));
        }

        private boolean shareAnId(List<T> first, List<T> second) {
            Set<String> ids = new HashSet<>();
            first.forEach(item -> ids.add(id.apply(item)));
            return second.stream().anyMatch(item -> ids.contains(id.apply(item)));
        }

        /**
         * Reads a page. Every item answered is real, so its rank moves the frontier, whatever the answer; an answer
         * with an item outside the window or twice is a wrong one.
         */
        private Answer<T> read(long from, Long to, int page) {
            requests++;
            List<T> items = window.read(from, to, page);
            List<T> copy = items == null ? List.of() : List.copyOf(items);
            copy.forEach(seen);
            boolean valid = true;
            Set<String> ids = new HashSet<>();
            for (T item : copy) {
                long itemRank = rank.applyAsLong(item);
                frontier = Math.max(frontier, itemRank);
                if (itemRank < from || to != null && itemRank > to || !ids.add(id.apply(item))) {
                    valid = false;
                }
            }
            if (valid && copy.size() >= pageSize) {
                pagesHoldPageSize = true;
            }
            return new Answer<>(copy, valid);
        }

        private ScanOutcome outcome(boolean caughtUp) {
            return new ScanOutcome(position, caughtUp, requests);
        }
    }

    /** The floor of the mean of two longs, without overflow. */
    private static long mid(long a, long b) {
        return (a & b) + ((a ^ b) >> 1);
    }

    /** {@code to - from} for {@code from <= to}, or Long.MAX_VALUE when that overflows. */
    private static long distance(long from, long to) {
        long difference = to - from;
        return difference < 0 ? Long.MAX_VALUE : difference;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedDouble(long value) {
        return value > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : value * 2;
    }
}
