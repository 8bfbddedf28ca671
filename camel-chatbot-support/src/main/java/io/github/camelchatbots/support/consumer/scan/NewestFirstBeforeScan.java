package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Takes the items of a newest-first list that is read by a time cursor (ChatBot.com's chat archives: "the newest
 * items created before {@code after}"), oldest first, from a {@link ScanPosition}, while items arrive at the front
 * and are deleted anywhere.
 * <p>
 * The same rules as {@link NewestFirstPagedScan}: a page is taken from only when it holds an item ranked below the
 * position, or when it is short and confirmed as the list's end (the same items twice, and nothing ranked below its
 * oldest). Walking towards the newest, each step asks for the items before a time chosen so that the page reaches
 * back below the position: from the spread of the last page taken, and by halving when a page does not reach. The
 * oldest items of a list are found by halving the span of time too, in a logarithmic number of requests.
 * <p>
 * Whether the vendor's cursor is exclusive ("before") or inclusive makes no difference: a page is a contiguous run
 * either way, and nothing is concluded from where it ends.
 *
 * @param <T> the list's items
 */
public final class NewestFirstBeforeScan<T> {

    /** One page of the list, newest first. */
    @FunctionalInterface
    public interface Pages<T> {

        /** The newest items ranked before {@code before} (or at it, as the vendor reads it); null for the newest. */
        List<T> read(Long before);
    }

    private static final int MAX_READS_WITHOUT_PROGRESS = 80;
    /** The most pages read down from one that does not reach, before the search halves the span instead. */
    private static final int MAX_CHAIN = 8;
    private static final int MAX_CONFIRMATIONS = 3;

    private final Pages<T> pages;
    private final ToLongFunction<T> rank;
    private final Function<T, String> id;
    private final int pageSize;
    private final long earliestRank;
    private final Comparator<T> oldestFirst;
    /**
     * How far the last scan's search had got when the budget stopped it: the next scan from the same position
     * resumes there, so that a search longer than one poll's budget still ends. Only steers reads.
     */
    private SearchMemory memory;

    private record SearchMemory(long rank, List<String> ids, Long before, long reaching, Long notReaching,
                                Long frontNewest) {
    }

    /**
     * @param pageSize     how many items the vendor answers at most; a page of fewer may end the list
     * @param earliestRank no item ranks before it (e.g. the epoch): where the search for the oldest items starts
     */
    public NewestFirstBeforeScan(Pages<T> pages, ToLongFunction<T> rank, Function<T, String> id, int pageSize,
                                 long earliestRank) {
        this.pages = pages;
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
        /** Whether this run stopped for the budget and left what it learnt for the next. */
        private boolean remembered;
        /** Whether the vendor has shown that its cursor includes items of the cursor's own time. */
        private boolean inclusiveCursor;

        Run(ScanPosition from, Consumer<T> seen, Sink<T> sink, Budget budget) {
            this.position = from;
            this.seen = seen;
            this.sink = sink;
            this.budget = budget;
        }

        ScanOutcome go() {
            // the newest page first: a consumer that keeps up is done with it
            Long before = null;
            // a time before which the page is known to reach below the position (or to hold nothing), and one
            // before which it is known not to
            long reaching = position.isBeginning() ? earliestRank : position.rank();
            Long notReaching = null;
            Long frontNewest = null;
            SearchMemory last = memory;
            if (last != null && last.rank() == position.rank() && last.ids().equals(position.ids())) {
                before = last.before();
                reaching = last.reaching();
                notReaching = last.notReaching();
                frontNewest = last.frontNewest();
            }
            while (readsWithoutProgress < MAX_READS_WITHOUT_PROGRESS) {
                if (!budget.mayRequest()) {
                    if (requests > 0) {
                        // a scan the budget stopped before its first request has learnt nothing: the memory stays
                        memory = before == null ? null : new SearchMemory(position.rank(), position.ids(), before,
                                reaching, notReaching, frontNewest);
                        remembered = true;
                    }
                    return outcome(false);
                }
                List<T> page = read(before);
                if (before == null) {
                    if (page.isEmpty()) {
                        return outcome(true);
                    }
                    frontNewest = rank.applyAsLong(page.get(0));
                }
                List<T> anchoredRun = anchoredRun(before, page);
                if (anchoredRun == null) {
                    return outcome(false);
                }
                if (anchoredRun.isEmpty() && !page.isEmpty()) {
                    // the pages right below may reach: overlapping, they make one run from below the position up
                    List<T> chain = chainDown(page);
                    if (chain == null) {
                        return outcome(false);
                    }
                    if (!chain.isEmpty()) {
                        anchoredRun = chain;
                    } else {
                        long oldest = rank.applyAsLong(page.get(page.size() - 1));
                        notReaching = notReaching == null ? oldest + 1 : Math.min(notReaching, oldest + 1);
                    }
                }
                if (!anchoredRun.isEmpty()) {
                    int taken = takeFrom(anchoredRun);
                    if (taken < 0) {
                        return outcome(false);
                    }
                    if (before == null) {
                        return outcome(true);
                    }
                    if (taken == 0) {
                        // nothing new before this time: what is new lies between it and the first page too far
                        readsWithoutProgress++;
                        reaching = Math.max(reaching, before);
                        if (notReaching != null) {
                            if (notReaching - reaching <= 1) {
                                return outcome(false);
                            }
                            before = reaching + (notReaching - reaching + 1) / 2;
                            continue;
                        }
                    } else {
                        reaching = position.rank();
                        notReaching = null;
                    }
                    // the next page should reach back below the newest taken: twice this run's spread of time
                    long spread = Math.max(1, rank.applyAsLong(anchoredRun.get(0))
                                              - rank.applyAsLong(anchoredRun.get(anchoredRun.size() - 1)));
                    long guess = Math.max(reaching, position.rank()) + 2 * spread + 1;
                    before = frontNewest != null && guess > frontNewest ? null : guess;
                    continue;
                }
                readsWithoutProgress++;
                if (page.isEmpty()) {
                    reaching = Math.max(reaching, before);
                } else {
                    long bound = before != null ? before : rank.applyAsLong(page.get(page.size() - 1)) + 1;
                    notReaching = notReaching == null ? bound : Math.min(notReaching, bound);
                }
                if (notReaching == null) {
                    // an empty page before a time, but nothing known to be too far: the front tells
                    before = null;
                    continue;
                }
                if (notReaching - reaching <= 1) {
                    // more items of one rank than a page holds, or the list changes faster than it is read
                    return outcome(false);
                }
                before = reaching + (notReaching - reaching + 1) / 2;
            }
            return outcome(false);
        }

        /**
         * Reads the pages below {@code page}, each overlapping the one above it, until one reaches below the position:
         * then they make one run, returned. Empty when {@value #MAX_CHAIN} pages do not reach (the search goes on
         * by halving), null when the budget ran out. Like a confirmation, a chain once begun is not stopped by the
         * budget: begun again on every poll, it would never end.
         */
        private List<T> chainDown(List<T> page) {
            List<T> run = new ArrayList<>(page);
            List<T> upper = page;
            for (int link = 0; link < MAX_CHAIN; link++) {
                // asked for before the oldest's time, or just after it while the cursor is not known to include its
                // own time: either way the two pages overlap
                long oldest = rank.applyAsLong(upper.get(upper.size() - 1));
                long lowerBefore = inclusiveCursor ? oldest : oldest + 1;
                List<T> lower = read(lowerBefore);
                if (!overlap(upper, lower)) {
                    return List.of();
                }
                List<T> lowerRun = anchoredRun(lowerBefore, lower);
                if (lowerRun == null) {
                    return null;
                }
                if (!lowerRun.isEmpty()) {
                    // the run that anchors may come from reading the page again: it must meet the one above too
                    if (!overlap(upper, lowerRun)) {
                        return List.of();
                    }
                    run.addAll(lowerRun);
                    return run;
                }
                run.addAll(lower);
                if (sameItems(upper, lower)) {
                    // no further down this way: more items of one time than a page holds
                    return List.of();
                }
                upper = lower;
            }
            return List.of();
        }

        /**
         * The page as one anchored run, when it reaches below the position or is confirmed as the list's end; empty
         * when it is not anchored; null when the budget ran out confirming it.
         */
        private List<T> anchoredRun(Long before, List<T> page) {
            if (reachesBelowPosition(page)) {
                return page;
            }
            if (page.isEmpty() || page.size() >= pageSize) {
                return List.of();
            }
            List<T> confirmed = confirmEnd(before, page);
            if (confirmed == null) {
                return null;
            }
            return reachesBelowPosition(confirmed) || !confirmed.isEmpty() && confirmed.size() < pageSize
                    ? confirmed : List.of();
        }

        private boolean reachesBelowPosition(List<T> page) {
            if (position.isBeginning()) {
                return false;
            }
            for (T item : page) {
                if (rank.applyAsLong(item) < position.rank()) {
                    return true;
                }
            }
            return false;
        }

        /** Takes the run's uncovered items once each, oldest first; how many, or -1 when the sink refused one. */
        private int takeFrom(List<T> page) {
            List<T> fresh = new ArrayList<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (T item : page) {
                if (!position.covers(rank.applyAsLong(item), id.apply(item)) && ids.add(id.apply(item))) {
                    fresh.add(item);
                }
            }
            fresh.sort(oldestFirst);
            int taken = 0;
            for (T item : fresh) {
                if (!sink.offer(item)) {
                    return -1;
                }
                position = position.after(rank.applyAsLong(item), id.apply(item));
                taken++;
                readsWithoutProgress = 0;
            }
            return taken;
        }

        /**
         * Whether a short page holds the list's end: the same items read again, and twice nothing ranked below its
         * oldest. Another answer replaces the page; null when the budget ran out or the page keeps changing.
         */
        private List<T> confirmEnd(Long before, List<T> page) {
            List<T> current = page;
            for (int attempt = 0; attempt < MAX_CONFIRMATIONS; attempt++) {
                List<T> again = read(before);
                if (!sameItems(again, current)) {
                    if (again.size() >= pageSize || again.isEmpty() || reachesBelowPosition(again)) {
                        return again;
                    }
                    current = again;
                    continue;
                }
                long oldest = rank.applyAsLong(current.get(current.size() - 1));
                boolean endConfirmed = true;
                for (int check = 0; check < 2 && endConfirmed; check++) {
                    endConfirmed = read(oldest).stream().noneMatch(item -> rank.applyAsLong(item) < oldest);
                }
                if (endConfirmed) {
                    return again;
                }
                current = again;
            }
            return null;
        }

        private boolean overlap(List<T> first, List<T> second) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            first.forEach(item -> ids.add(id.apply(item)));
            return second.stream().anyMatch(item -> ids.contains(id.apply(item)));
        }

        private boolean sameItems(List<T> first, List<T> second) {
            if (first.size() != second.size()) {
                return false;
            }
            for (int i = 0; i < first.size(); i++) {
                if (!id.apply(first.get(i)).equals(id.apply(second.get(i)))) {
                    return false;
                }
            }
            return true;
        }

        private List<T> read(Long before) {
            requests++;
            List<T> items = pages.read(before);
            List<T> copy = items == null ? List.of() : List.copyOf(items);
            copy.forEach(seen);
            // an answer that holds an item of the cursor's own time and none after it (a stale answer would) shows an
            // inclusive cursor
            if (before != null && copy.stream().anyMatch(item -> rank.applyAsLong(item) == before)
                && copy.stream().allMatch(item -> rank.applyAsLong(item) <= before)) {
                inclusiveCursor = true;
            }
            return copy;
        }

        private ScanOutcome outcome(boolean caughtUp) {
            if (requests > 0 && !remembered) {
                memory = null;
            }
            return new ScanOutcome(position, caughtUp, requests);
        }
    }
}
