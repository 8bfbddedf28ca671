package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Takes the items of a newest-first list that is read by page number and page size (Ebbot's chats), oldest first,
 * from a {@link ScanPosition}, while the list changes: items arrive at the front, items are deleted anywhere, a page
 * comes back short or with another page's content now and then.
 * <p>
 * Nothing is taken on the strength of where a page is supposed to be. A page is one contiguous run of the list as it
 * was when it was read, and it is <em>anchored</em> when it holds an item ranked below the position: then every item
 * the position does not cover lies between that one and the page's newest, and is on the page, and those items are
 * taken, oldest first. (An item the position took itself is no anchor: a new item of the same rank, in the same
 * millisecond, may be listed behind it.) A page shorter than asked is the list's end only when a
 * second read gives the same items and the item after its last is absent, twice: a vendor that answers one request
 * short is never believed on that answer alone.
 * <p>
 * Each step asks for a page that reaches from the newest item taken to the items after it: page boundaries move as
 * the list changes, so the page size is chosen for each read such that the page straddles that point. A page that is
 * not anchored only steers the search: a newest-first list with page numbers is searched for the point in a
 * logarithmic number of requests, so the first item of a large backlog comes after a bounded number of requests, and
 * the walk towards the newest delivers as it goes, holding one page in memory.
 *
 * @param <T> the list's items
 */
public final class NewestFirstPagedScan<T> {

    /** One page of the list, newest first. */
    @FunctionalInterface
    public interface Pages<T> {

        /** The items at positions {@code [(page - 1) * limit, page * limit)} of the list, page from 1. */
        List<T> read(int page, int limit);
    }

    /** A search that finds nothing to take in this many reads gives up until the next poll. */
    private static final int MAX_READS_WITHOUT_PROGRESS = 64;
    /** How often a short page is read again to tell the list's end from a glitch. */
    private static final int MAX_CONFIRMATIONS = 3;

    private final Pages<T> pages;
    private final ToLongFunction<T> rank;
    private final Function<T, String> id;
    private final int maxLimit;
    private final Comparator<T> oldestFirst;
    /**
     * How far the last scan's search for its place had got when the budget stopped it: the next scan from the same
     * position resumes there, so that a search longer than one poll's budget still ends. Only steers reads.
     */
    private SearchMemory memory;

    private record SearchMemory(long rank, List<String> ids, int newerThanPlace, int olderThanPlace, int step) {
    }

    /**
     * @param rank     where an item sorts in the list (its creation time, usually): the list is newest first by it
     * @param maxLimit the page size asked for; smaller ones are asked for too, to place page boundaries
     */
    public NewestFirstPagedScan(Pages<T> pages, ToLongFunction<T> rank, Function<T, String> id, int maxLimit) {
        if (maxLimit < 2) {
            throw new IllegalArgumentException("a paged scan needs pages of at least 2 items, not " + maxLimit);
        }
        this.pages = pages;
        this.rank = rank;
        this.id = id;
        this.maxLimit = maxLimit;
        this.oldestFirst = Comparator.comparingLong(rank).thenComparing(id);
    }

    /**
     * Offers the items after {@code from} to the sink, oldest first, until the newest has been taken, the sink
     * refuses one, or the budget allows no more requests.
     *
     * @param seen receives every item of every page read, taken or not (e.g. to refresh what is known of them)
     */
    public ScanOutcome scan(ScanPosition from, Consumer<T> seen, Sink<T> sink, Budget budget) {
        return new Run(from, seen, sink, budget).go();
    }

    /** One read: where the page starts in the list, the page size asked for, and what came back. */
    private record Slice<T>(int start, int limit, List<T> items) {

        boolean isShort() {
            return items.size() < limit;
        }
    }

    private final class Run {
        private final Consumer<T> seen;
        private final Sink<T> sink;
        private final Budget budget;
        private ScanPosition position;
        private int requests;
        private int readsWithoutProgress;
        /** The search for the position's place: the largest index seen newer than it, the smallest seen older. */
        private int newerThanPlace;
        private int olderThanPlace;
        private int step;
        /** Whether the last read was a step of the search: then an unfinished search is remembered. */
        private boolean searching;
        private final boolean resumed;

        Run(ScanPosition from, Consumer<T> seen, Sink<T> sink, Budget budget) {
            this.position = from;
            this.seen = seen;
            this.sink = sink;
            this.budget = budget;
            resetSearch();
            SearchMemory last = memory;
            resumed = last != null && last.rank() == from.rank() && last.ids().equals(from.ids());
            if (resumed) {
                newerThanPlace = last.newerThanPlace();
                olderThanPlace = last.olderThanPlace();
                step = last.step();
            }
        }

        ScanOutcome go() {
            // an unknown place is looked for from the front: a consumer that keeps up finds it on the first page
            int hint = resumed ? nextSearchIndex() : Math.max(0, position.hint());
            boolean walking = !resumed && position.hint() >= 0;
            while (readsWithoutProgress < MAX_READS_WITHOUT_PROGRESS && budget.mayRequest()) {
                Slice<T> slice = walking ? readStraddling(hint) : readContaining(hint);
                boolean anchored = holdsCoveredItem(slice);
                if (!anchored && slice.isShort() && !slice.items().isEmpty()) {
                    slice = confirmEnd(slice);
                    if (slice == null) {
                        return outcome(false);
                    }
                    anchored = holdsCoveredItem(slice) || slice.isShort() && !slice.items().isEmpty();
                }
                if (anchored) {
                    searching = false;
                    int taken = takeFrom(slice);
                    resetSearch();
                    if (taken < 0) {
                        return outcome(false);
                    }
                    if (taken == 0) {
                        // nothing new on it: a walk towards the front, or a vendor answering every page alike
                        readsWithoutProgress++;
                    }
                    if (slice.start() == 0) {
                        return outcome(true);
                    }
                    hint = slice.start() + indexOfFirstCovered(slice.items());
                    position = position.withHint(hint);
                    walking = true;
                    continue;
                }
                if (slice.items().isEmpty() && slice.start() == 0) {
                    // nothing in the list at all
                    return outcome(true);
                }
                readsWithoutProgress++;
                walking = false;
                searching = true;
                if (slice.items().isEmpty()) {
                    olderThanPlace = Math.min(olderThanPlace, slice.start());
                } else {
                    newerThanPlace = Math.max(newerThanPlace, slice.start() + slice.items().size() - 1);
                }
                hint = nextSearchIndex();
            }
            return outcome(false);
        }

        /**
         * Takes the page's items the position does not cover, oldest first. Returns how many, or -1 when the sink
         * refused one.
         */
        private int takeFrom(Slice<T> slice) {
            List<T> fresh = new ArrayList<>();
            for (T item : slice.items()) {
                if (!position.covers(rank.applyAsLong(item), id.apply(item))) {
                    fresh.add(item);
                }
            }
            fresh.sort(oldestFirst);
            int taken = 0;
            for (T item : fresh) {
                if (!sink.offer(item)) {
                    position = position.withHint(slice.start() + indexOfFirstCovered(slice.items()));
                    return -1;
                }
                position = position.after(rank.applyAsLong(item), id.apply(item));
                taken++;
                readsWithoutProgress = 0;
            }
            return taken;
        }

        /** Whether the page holds an item ranked below the position. */
        private boolean holdsCoveredItem(Slice<T> slice) {
            if (position.isBeginning()) {
                return false;
            }
            for (T item : slice.items()) {
                if (rank.applyAsLong(item) < position.rank()) {
                    return true;
                }
            }
            return false;
        }

        private int indexOfFirstCovered(List<T> items) {
            for (int i = 0; i < items.size(); i++) {
                if (position.covers(rank.applyAsLong(items.get(i)), id.apply(items.get(i)))) {
                    return i;
                }
            }
            return items.size();
        }

        /**
         * Whether a short page holds the list's end: read again, it must give the same items, and the item right after
         * its last must be absent, twice. Each answer is confirmed by another, so a vendor that answers one request
         * short now and then is never believed on that one answer. Another answer replaces the page. Null when the
         * page keeps changing: then this poll takes nothing more from it. Once begun, a confirmation is not stopped by
         * the budget (its requests wait for the rate limit instead): begun again on every poll, one that takes more
         * requests than a poll's budget would never end.
         *
         * @throws IllegalStateException when the vendor keeps answering fewer items than asked while more follow:
         *                               it cuts pages shorter than the configured page size
         */
        private Slice<T> confirmEnd(Slice<T> slice) {
            Slice<T> current = slice;
            int cutShort = 0;
            for (int attempt = 0; attempt < MAX_CONFIRMATIONS; attempt++) {
                Slice<T> again = read(current.start(), current.limit());
                if (!sameItems(again, current)) {
                    if (!again.isShort() || again.items().isEmpty() || holdsCoveredItem(again)) {
                        return again;
                    }
                    current = again;
                    continue;
                }
                int next = current.start() + current.items().size();
                Slice<T> firstLook = read(next, 1);
                Slice<T> secondLook = read(next, 1);
                if (firstLook.items().isEmpty() && secondLook.items().isEmpty()) {
                    return again;
                }
                if (!sameItems(firstLook, secondLook)) {
                    // one of the two answers was wrong: look again
                    current = again;
                    continue;
                }
                // an item follows: the list grew at the front meanwhile, or the vendor cut the page short; only the
                // page unchanged around that read tells the vendor's cut
                Slice<T> after = read(current.start(), current.limit());
                if (!after.isShort() || after.items().isEmpty() || holdsCoveredItem(after)) {
                    return after;
                }
                if (sameItems(after, current) && ++cutShort == 2) {
                    throw new IllegalStateException("The vendor answered " + current.items().size() + " items for a"
                                                    + " page of " + current.limit() + " although more follow: its"
                                                    + " pages hold fewer items than the page size asked for; set"
                                                    + " limit to at most " + current.items().size());
                }
                current = after;
            }
            return null;
        }

        private boolean sameItems(Slice<T> first, Slice<T> second) {
            if (first.items().size() != second.items().size()) {
                return false;
            }
            for (int i = 0; i < first.items().size(); i++) {
                if (!id.apply(first.items().get(i)).equals(id.apply(second.items().get(i)))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The page that holds the list's item at {@code place} (the newest the position covers), the items of the
         * position's rank after it down to an item ranked below the position, and as many items newer than the place
         * as a page size up to {@code maxLimit} allows: the page size is chosen so that no page boundary falls in
         * between.
         */
        private Slice<T> readStraddling(int place) {
            int anchor = place + Math.max(0, position.ids().size() - 1) + (position.ids().isEmpty() ? 0 : 1);
            if (anchor < maxLimit || place == 0) {
                return read(0, maxLimit);
            }
            int bestLimit = 0;
            int bestNewer = 0;
            for (int limit = maxLimit; limit >= 2; limit--) {
                int start = (place - 1) / limit * limit;
                if (start + limit - 1 >= anchor && place - start > bestNewer) {
                    bestNewer = place - start;
                    bestLimit = limit;
                }
            }
            if (bestLimit == 0) {
                // every page size up to maxLimit has a boundary between the place and the item before it: a larger
                // one has not
                for (int limit = maxLimit + 1; bestLimit == 0; limit++) {
                    if ((place - 1) / limit * limit + limit - 1 >= anchor) {
                        bestLimit = limit;
                    }
                }
            }
            return read((place - 1) / bestLimit * bestLimit, bestLimit);
        }

        /**
         * A page that holds the item at {@code index}, for the search. When the search has closed in on the list's
         * end and every page there is full or empty, a page size that does not divide the list's length makes the
         * last page short, so that it can be confirmed as the end.
         */
        private Slice<T> readContaining(int index) {
            int length = olderThanPlace;
            if (length != Integer.MAX_VALUE && newerThanPlace == length - 1 && index == length - 1) {
                int limit = maxLimit;
                while (limit > 2 && length % limit == 0) {
                    limit--;
                }
                if (length % limit == 0) {
                    limit = maxLimit + 1;
                    while (length % limit == 0) {
                        limit++;
                    }
                }
                return read(index - index % limit, limit);
            }
            return read(index - index % maxLimit, maxLimit);
        }

        private Slice<T> read(int start, int limit) {
            requests++;
            List<T> items = pages.read(start / limit + 1, limit);
            List<T> copy = items == null ? List.of() : List.copyOf(items);
            copy.forEach(seen);
            return new Slice<>(start, limit, copy);
        }

        private int nextSearchIndex() {
            if (newerThanPlace >= olderThanPlace) {
                // the list moved under the search; start it again from what was seen last
                int from = Math.min(newerThanPlace, olderThanPlace);
                resetSearch();
                return Math.max(0, from);
            }
            if (newerThanPlace >= 0 && olderThanPlace - newerThanPlace == 1) {
                // the list ends right after an item the position does not cover: read the end to confirm it
                return newerThanPlace;
            }
            int next;
            if (olderThanPlace == Integer.MAX_VALUE) {
                next = newerThanPlace + step;
            } else if (newerThanPlace < 0) {
                next = Math.max(0, olderThanPlace - step);
            } else {
                next = newerThanPlace + (olderThanPlace - newerThanPlace) / 2;
            }
            step = step > Integer.MAX_VALUE / 4 ? step : step * 2;
            return next;
        }

        private void resetSearch() {
            newerThanPlace = -1;
            olderThanPlace = Integer.MAX_VALUE;
            step = maxLimit;
        }

        private ScanOutcome outcome(boolean caughtUp) {
            if (requests > 0) {
                // a scan the budget stopped before its first request has learnt nothing: the memory stays
                memory = searching && !caughtUp ? new SearchMemory(position.rank(), position.ids(), newerThanPlace,
                        olderThanPlace, step) : null;
            }
            return new ScanOutcome(position, caughtUp, requests);
        }
    }
}
