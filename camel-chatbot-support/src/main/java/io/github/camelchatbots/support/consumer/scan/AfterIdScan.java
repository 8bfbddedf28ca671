package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Takes the items of a list that is read oldest first after an opaque id cursor ("the next items after the one with
 * this id": ChatBot.com's {@code GET /users?sort.order=asc&after=<userId>} by {@code createdAt} or by
 * {@code lastSeen}, konversation's data exports with {@code start_id}), oldest first, from a {@link Position},
 * while items arrive at the end, are deleted anywhere, or move to the end with a new rank (a user seen again, in
 * {@code lastSeen} order), and an answer now and then comes back short or repeats the answer to the request before.
 * <p>
 * <b>What it relies on.</b> The list is in ascending rank order (ties in any order of the vendor's), and time moves
 * forward: an item arrives, or moves, ranked at or after every item the list has held. A wrong answer is a one-off:
 * the answer after it is right. A cursor the vendor no longer knows (its item deleted) may be refused (the
 * {@link Pages} answer null, e.g. for a 404 or 400), answered from the list's start, or answered empty.
 * <p>
 * <b>What it guarantees.</b> Nothing is concluded from where a page is supposed to be: an answer is taken from only
 * when its first item is <em>settled</em>, i.e. known to have been taken (or passed by a start from a time) with every
 * item before it: an item ranked below the position (nothing can arrive among those any more), or an item of the
 * position's rank read where it is after an item of a newer rank was seen. Everything before a settled item is taken,
 * so every item not taken is on the page or after it, whatever cursor the vendor answered, and the page's items not
 * taken are taken, oldest first: the position never moves past an item it did not take, and takes none twice. An item
 * seen again in {@code lastSeen} order ranks after the position and is taken again: it is a new sighting (unless it
 * is seen again within the rank, the millisecond, it was taken at: that is told from nothing); an item not taken yet
 * that moves is taken once, at its new place. A vendor whose pages are out of rank order, twice in a row (a sort
 * order other than the scan's), is reported with an {@link IllegalStateException}, not read.
 * <p>
 * The cursor read after is an item of the position's {@linkplain Position#trail() trail}, the last items it settled,
 * one before the newest, so that a page from it starts with a settled item; when that item was deleted or moved (the
 * page then starts elsewhere, or is refused or empty), with an older one; finally from the list's start, which is a
 * page of the list's first items once two answers agree (or it starts with a settled item). A short page is the
 * list's end: a poll that took from one reads once more to see it again before it says it caught up.
 * <p>
 * <b>What it costs.</b> An idle poll: one request while the trail's items are where they were. A walk: a page per
 * request, less the settled items it starts with (one, and the taken items of the position's rank). When every item
 * of the trail has been deleted or has moved (in {@code lastSeen} order, users of the trail seen again), the list is
 * read from its start, a page a request; the trail moves along as it goes, so that the next poll goes on from there. A
 * rank holding a page of items or more (less one) fills the pages that start below it: once an item of a newer rank
 * is seen (the pages after it are read to find one), its items are settled where they are read and the scan goes on
 * through them; until then, at the list's end, the poll takes the first page of them and ends, not caught up.
 *
 * @param <T> the list's items
 */
public final class AfterIdScan<T> {

    /** One page of the list, oldest first. */
    @FunctionalInterface
    public interface Pages<T> {

        /**
         * The items after the one with id {@code afterId}, oldest first, at most the scan's page size; the list's
         * first items when {@code afterId} is null. Null when the vendor refuses the cursor (it no longer knows the
         * item, e.g. answers 404 or 400): the scan reads after an older item. Any other failure is thrown.
         */
        List<T> read(String afterId);
    }

    /**
     * How far a list has been taken, and where to read next: the {@link ScanPosition}, and the ids of the last few
     * items it settled (see {@link AfterIdScan}), ranked below the position, oldest first, in list order. Small enough
     * to store as a cursor: Jackson writes it as {@code {"position":{...},"trail":["...", ...]}}.
     *
     * @param position how far the list has been taken
     * @param trail    at most {@value #TRAIL_LENGTH} ids, oldest first; only saves requests, never trusted
     */
    public record Position(ScanPosition position, List<String> trail) {

        /** How many ids a trail keeps: a few, so that one deleted or moved item costs one more request, not a walk. */
        public static final int TRAIL_LENGTH = 4;

        public Position {
            position = position == null ? ScanPosition.beginning() : position;
            List<String> ids = trail == null ? List.of() : trail.stream().filter(Objects::nonNull).toList();
            trail = List.copyOf(ids.subList(Math.max(0, ids.size() - TRAIL_LENGTH), ids.size()));
        }

        /** Before the first item of any list. */
        public static Position beginning() {
            return new Position(ScanPosition.beginning(), List.of());
        }

        /** Before every item ranked at or after {@code rank}: where a start from a given time begins. */
        public static Position before(long rank) {
            return new Position(ScanPosition.before(rank), List.of());
        }
    }

    /**
     * Where a scan stopped.
     *
     * @param position where to resume from
     * @param caughtUp whether the list's newest item has been taken: nothing more until it changes
     * @param requests how many requests the scan made
     */
    public record Outcome(Position position, boolean caughtUp, int requests) {
    }

    /** A poll whose reads stop settling anything gives up after this many, until the next poll. */
    private static final int MAX_READS_WITHOUT_PROGRESS = 64;
    /** How often the list's start is read for two answers that agree. */
    private static final int MAX_CONFIRMATIONS = 3;
    /** How many settled items a poll keeps to read after, the newest first. */
    private static final int MAX_ANCHORS = 16;
    /** The most pages read past a crowded rank looking for a newer one. */
    private static final int MAX_PROBES = 1_000;

    private final Pages<T> pages;
    private final ToLongFunction<T> rank;
    private final Function<T, String> id;
    private final int pageSize;

    /**
     * @param rank     where an item sorts in the list (its creation time, or when it was last seen): the list is
     *                 ascending by it
     * @param pageSize how many items the vendor answers at most; a page of fewer ends the list
     */
    public AfterIdScan(Pages<T> pages, ToLongFunction<T> rank, Function<T, String> id, int pageSize) {
        if (pageSize < 2) {
            throw new IllegalArgumentException("an after-id scan needs pages of at least 2 items, not " + pageSize);
        }
        this.pages = pages;
        this.rank = rank;
        this.id = id;
        this.pageSize = pageSize;
    }

    /**
     * Offers the items after {@code from} to the sink, oldest first, until the newest has been taken, the sink
     * refuses one, or the budget allows no more requests.
     *
     * @param seen receives every item of every page read, taken or not
     * @throws IllegalStateException when the vendor's pages are not in ascending rank order (twice in a row); only
     *                               from a poll that has taken nothing, so that what was taken is delivered first
     */
    public Outcome scan(Position from, Consumer<T> seen, Sink<T> sink, Budget budget) {
        return new Run(from, seen, sink, budget).go();
    }

    /** This scan as a consumer reads lists, with the trail kept in the {@link ScanPosition}. */
    public ListScan<T> asListScan() {
        return (from, seen, sink, budget) -> {
            Outcome outcome = scan(new Position(from.withTrail(List.of()), from.trail()), seen, sink, budget);
            return new ScanOutcome(outcome.position().position().withTrail(outcome.position().trail()),
                    outcome.caughtUp(), outcome.requests());
        };
    }

    /** A settled item: its id and rank (Long.MIN_VALUE for one of a stored trail: below the position, no more known). */
    private record Anchor(String id, long rank) {
    }

    /** An answer: its items (null: the cursor refused), and whether they are in ascending rank order once each. */
    private record Answer<T>(List<T> items, boolean valid) {

        boolean isShort(int pageSize) {
            return items == null || items.size() < pageSize;
        }
    }

    /** Ends a poll for the vendor's misconfiguration. */
    private static final class Stop extends RuntimeException {
        private Stop() {
            super(null, null, false, false);
        }
    }

    /** A page known to start with a settled item, read after the anchor at {@code index} (-1: from the start). */
    private record Found<T>(int index, Answer<T> answer) {
    }

    private final class Run {
        private final Consumer<T> seen;
        private final Sink<T> sink;
        private final Budget budget;
        private ScanPosition position;
        /** Settled items, oldest first, in list order. */
        private final List<Anchor> anchors = new ArrayList<>();
        /** The ids of the position's rank settled in this poll (see {@link #settledRank}). */
        private final Set<String> settledAtRank = new HashSet<>();
        private long settledRank = Long.MIN_VALUE;
        private long frontier = Long.MIN_VALUE;
        private int requests;
        private int readsWithoutProgress;
        private int taken;
        private int unorderedInARow;
        private IllegalStateException misconfiguration;

        Run(Position from, Consumer<T> seen, Sink<T> sink, Budget budget) {
            this.position = from.position();
            this.seen = seen;
            this.sink = sink;
            this.budget = budget;
            if (!position.isBeginning()) {
                // stored ids were ranked below the position when stored, and it only moves forward
                from.trail().forEach(stored -> anchors.add(new Anchor(stored, Long.MIN_VALUE)));
            }
        }

        Outcome go() {
            try {
                return walk();
            } catch (Stop stop) {
                if (taken == 0) {
                    throw misconfiguration;
                }
                // what was taken is delivered first; the next poll, taking nothing, says why
                return outcome(false);
            }
        }

        private Outcome walk() {
            while (readsWithoutProgress < MAX_READS_WITHOUT_PROGRESS && budget.mayRequest()) {
                Found<T> found = find();
                if (found == null) {
                    return outcome(false);
                }
                List<T> page = found.answer().items();
                String newestBefore = anchors.isEmpty() ? null : anchors.get(anchors.size() - 1).id();
                int takenHere = 0;
                int settledEnd = page.size();
                boolean refused = false;
                for (int index = 0; index < page.size(); index++) {
                    T item = page.get(index);
                    if (covered(item)) {
                        continue;
                    }
                    if (!sink.offer(item)) {
                        settledEnd = index;
                        refused = true;
                        break;
                    }
                    position = position.after(rank.applyAsLong(item), id.apply(item));
                    takenHere++;
                    taken++;
                }
                settle(found, settledEnd);
                String newest = anchors.isEmpty() ? null : anchors.get(anchors.size() - 1).id();
                boolean advanced = takenHere > 0 || !Objects.equals(newest, newestBefore);
                readsWithoutProgress = advanced ? 0 : readsWithoutProgress + 1;
                if (refused) {
                    return outcome(false);
                }
                if (found.answer().isShort(pageSize)) {
                    if (takenHere == 0) {
                        // the list's end, nothing new on it
                        return outcome(true);
                    }
                    // the end, it seems: read once more, which confirms it or goes on
                    continue;
                }
                if (!advanced && !findNewerRank(page)) {
                    // a page of items of the position's rank, at the list's end: more may arrive among them
                    return outcome(false);
                }
            }
            return outcome(false);
        }

        /**
         * A page that starts with a settled item: read after the trail's items from one before the newest, older ones
         * when that fails, and finally from the list's start. Null when the budget ran out or nothing could be
         * settled.
         */
        private Found<T> find() {
            for (int index = anchors.size() - 2; index >= 0; index--) {
                if (!budget.mayRequest()) {
                    return null;
                }
                Answer<T> answer = read(anchors.get(index).id());
                if (answer.items() != null && startsSettled(answer) && continuesFrom(index, answer)) {
                    return new Found<>(index, answer);
                }
                readsWithoutProgress++;
            }
            // the list's start: an answer starting with a settled item is fine as any, else two in a row must agree,
            // since a short or repeated answer does not start at the list's first item
            Answer<T> previous = null;
            for (int attempt = 0; attempt <= MAX_CONFIRMATIONS; attempt++) {
                if (!budget.mayRequest()) {
                    return null;
                }
                Answer<T> answer = read(null);
                if (answer.items() != null && answer.valid()) {
                    if (startsSettled(answer) || previous != null && sameIds(previous.items(), answer.items())) {
                        return new Found<>(-1, answer);
                    }
                    previous = answer;
                } else {
                    previous = null;
                }
                readsWithoutProgress++;
            }
            return null;
        }

        /**
         * Whether a page read after the anchor at {@code index} goes on from there: it holds a newer settled item, an
         * item of the position's rank, an item not taken, or it is the list's end. A full page of older items only
         * is a vendor answering an unknown cursor from the list's start: an older anchor is closer.
         */
        private boolean continuesFrom(int index, Answer<T> answer) {
            if (answer.isShort(pageSize)) {
                return true;
            }
            Set<String> ours = new HashSet<>(position.ids());
            for (int newer = index + 1; newer < anchors.size(); newer++) {
                ours.add(anchors.get(newer).id());
            }
            for (T item : answer.items()) {
                if (ours.contains(id.apply(item)) || !covered(item)) {
                    return true;
                }
            }
            return false;
        }

        private boolean startsSettled(Answer<T> answer) {
            if (!answer.valid() || answer.items().isEmpty()) {
                return false;
            }
            T first = answer.items().get(0);
            long firstRank = rank.applyAsLong(first);
            if (position.isBeginning()) {
                return false;
            }
            return firstRank < position.rank()
                   || firstRank == position.rank() && settledRank == firstRank
                      && settledAtRank.contains(id.apply(first));
        }

        /**
         * The anchors once the page's first {@code end} items are taken: those up to the one read after, then the
         * page's items from its start as far as they are settled. An item of the position's rank is settled only when
         * a newer rank had been seen before the page was read, or is on it (the newest rank seen, as the page was
         * the last read): else an item arriving now, of the same rank, may be listed before it.
         */
        private void settle(Found<T> found, int end) {
            List<T> page = found.answer().items();
            long reached = position.rank();
            // a newer rank seen before the page was read, or on it: nothing can arrive among this rank's items now
            boolean closed = frontier > reached;
            List<Anchor> kept = new ArrayList<>(anchors.subList(0, found.index() + 1));
            if (settledRank != reached) {
                settledRank = reached;
                settledAtRank.clear();
            }
            for (int index = 0; index < end; index++) {
                T item = page.get(index);
                long itemRank = rank.applyAsLong(item);
                if (itemRank > reached || itemRank == reached && !closed) {
                    break;
                }
                String itemId = id.apply(item);
                kept.removeIf(anchor -> anchor.id().equals(itemId));
                kept.add(new Anchor(itemId, itemRank));
                if (itemRank == reached) {
                    settledAtRank.add(itemId);
                }
            }
            anchors.clear();
            anchors.addAll(kept.subList(Math.max(0, kept.size() - MAX_ANCHORS), kept.size()));
        }

        /**
         * A full page that settled nothing new: every item on it is of the position's rank, taken but not settled,
         * as no newer rank has been seen. Reads on past it until one is, so that the next read settles them; false
         * when the list ends first (or the budget runs out).
         */
        private boolean findNewerRank(List<T> page) {
            String after = id.apply(page.get(page.size() - 1));
            for (int probe = 0; probe < MAX_PROBES && frontier <= position.rank(); probe++) {
                if (!budget.mayRequest()) {
                    return false;
                }
                Answer<T> answer = read(after);
                if (answer.items() == null || answer.items().isEmpty() || !answer.valid()) {
                    return frontier > position.rank();
                }
                if (answer.isShort(pageSize) && frontier <= position.rank()) {
                    return false;
                }
                after = id.apply(answer.items().get(answer.items().size() - 1));
            }
            return frontier > position.rank();
        }

        private boolean covered(T item) {
            return position.covers(rank.applyAsLong(item), id.apply(item));
        }

        private boolean sameIds(List<T> first, List<T> second) {
            if (first.size() != second.size()) {
                return false;
            }
            for (int index = 0; index < first.size(); index++) {
                if (!id.apply(first.get(index)).equals(id.apply(second.get(index)))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Reads a page. Every item answered is real, so its rank moves the frontier, whatever the answer. An answer
         * out of rank order, or with an item twice, is refused; two in a row are the vendor listing by something else
         * (a sort order or field other than the scan's), which no reading around can mend.
         */
        private Answer<T> read(String afterId) {
            requests++;
            List<T> items = pages.read(afterId);
            if (items == null) {
                return new Answer<>(null, false);
            }
            List<T> copy = List.copyOf(items);
            copy.forEach(seen);
            boolean valid = true;
            long last = Long.MIN_VALUE;
            Set<String> ids = new HashSet<>();
            for (T item : copy) {
                long itemRank = rank.applyAsLong(item);
                frontier = Math.max(frontier, itemRank);
                if (itemRank < last || !ids.add(id.apply(item))) {
                    valid = false;
                }
                last = itemRank;
            }
            unorderedInARow = valid ? 0 : unorderedInARow + 1;
            if (unorderedInARow >= 2) {
                misconfiguration = new IllegalStateException(
                        "The vendor listed " + describe(copy) + " after " + (afterId == null ? "the start" : afterId)
                        + ": not once each in ascending rank order, twice in a row; check that the list is sorted"
                        + " oldest first by the rank the scan is given");
                throw new Stop();
            }
            return new Answer<>(copy, valid);
        }

        private String describe(List<T> items) {
            StringBuilder text = new StringBuilder();
            for (T item : items.subList(0, Math.min(items.size(), 5))) {
                text.append(text.length() == 0 ? "" : ", ").append(id.apply(item)).append(" (ranked ")
                        .append(rank.applyAsLong(item)).append(')');
            }
            return items.size() > 5 ? text + ", ..." : text.toString();
        }

        private Outcome outcome(boolean caughtUp) {
            List<String> trail = new ArrayList<>();
            for (Anchor anchor : anchors) {
                if (anchor.rank() < position.rank()) {
                    trail.add(anchor.id());
                }
            }
            return new Outcome(new Position(position, trail), caughtUp, requests);
        }
    }
}
