package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A vendor's list read by a window of time and a page number, that changes between reads the way real ones do, at
 * random but reproducibly for a seed: items arrive at the newest end (many in the same second as the newest, as
 * konversation's unix seconds make them), items are deleted anywhere, and now and then an answer is wrong once: a
 * page with items missing, another page of the same window, or the answer to the request before (a stale cache).
 * A glitch is a one-off: the answer after it is right.
 * <p>
 * The vendor's order within a window is its own: oldest first, newest first, or a shuffle that is fixed for a given
 * window content, so that the pages of a window that does not change partition it, as the contract says, while a
 * page of a window that holds more than a page may be any of its items.
 */
final class MutatingWindowList {

    /** An item: its rank (a time) and id, and where the vendor lists it among items of its time or its window. */
    record Item(long rank, String id, long order) {
    }

    enum Order { OLDEST_FIRST, NEWEST_FIRST, SHUFFLED }

    private final Random random;
    private final long salt;
    /** Oldest first by rank, ties by {@link #tieBreak}: the vendor's own order of items of one time. */
    private final List<Item> items = new ArrayList<>();
    private final Comparator<Item> ascending;
    private final List<Item> everInserted = new ArrayList<>();
    private long clock;
    private int nextId;
    Order order = Order.OLDEST_FIRST;
    /** The most items the vendor puts on a page, whatever it is asked for. */
    int vendorPageSize = Integer.MAX_VALUE;
    /** How likely an item arrives in the same second as the newest. */
    double tieChance = 0.25;
    double insertChance;
    double deleteChance;
    double shortPageChance;
    double wrongPageChance;
    double staleChance;
    int reads;
    private boolean lastWasGlitch;
    private List<Item> lastAnswer = List.of();

    MutatingWindowList(long seed) {
        this.random = new Random(seed);
        this.salt = seed * 0x9E3779B97F4A7C15L;
        this.clock = 1_000;
        this.ascending = Comparator.comparingLong(Item::rank).thenComparingLong(Item::order);
    }

    MutatingWindowList startingAt(long rank) {
        clock = rank;
        return this;
    }

    private long orderOf(String id) {
        long h = id.hashCode() * 0xC2B2AE3D27D4EB4FL ^ salt;
        return h ^ (h >>> 29);
    }

    /** Adds items at the newest end: some in the same second as the newest, the others later. */
    void insert(int count) {
        for (int i = 0; i < count; i++) {
            if (nextId == 0 || random.nextDouble() >= tieChance) {
                clock += 1 + random.nextInt(3);
            }
            add(clock);
        }
    }

    /** Adds {@code count} items that all share one new rank, after every other. */
    long insertSharingOneRank(int count) {
        clock += 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            add(clock);
        }
        return clock;
    }

    private void add(long rank) {
        String id = "id-" + (nextId++);
        Item item = new Item(rank, id, orderOf(id));
        int at = Collections.binarySearch(items, item, ascending);
        items.add(at < 0 ? -at - 1 : at, item);
        everInserted.add(item);
    }

    void deleteOne() {
        if (!items.isEmpty()) {
            items.remove(random.nextInt(items.size()));
        }
    }

    void quiet() {
        insertChance = 0;
        deleteChance = 0;
        shortPageChance = 0;
        wrongPageChance = 0;
        staleChance = 0;
    }

    /** Oldest first. */
    List<Item> present() {
        return List.copyOf(items);
    }

    List<Item> everInserted() {
        return List.copyOf(everInserted);
    }

    /** The vendor's answer to page {@code page} of the window {@code [from, to]}, after whatever changed meanwhile. */
    List<Item> read(long from, Long to, int page, int pageSize) {
        mutate(pageSize);
        int answered = page;
        List<Item> answer;
        boolean glitch = false;
        double dice = random.nextDouble();
        if (!lastWasGlitch && dice < staleChance) {
            answer = lastAnswer;
            glitch = true;
        } else {
            if (!lastWasGlitch && dice < staleChance + wrongPageChance) {
                answered = Math.max(1, page + (random.nextBoolean() ? 1 : -1));
                glitch = answered != page;
            }
            answer = page(from, to, answered, Math.min(pageSize, vendorPageSize));
            if (!lastWasGlitch && !glitch && !answer.isEmpty() && random.nextDouble() < shortPageChance) {
                answer = withSomeMissing(answer);
                glitch = true;
            }
        }
        lastWasGlitch = glitch;
        lastAnswer = List.copyOf(answer);
        return lastAnswer;
    }

    /** Page {@code page} of the window, in the vendor's order; only that page is built. */
    private List<Item> page(long from, Long to, int page, int size) {
        int start = firstAtOrAfter(from);
        int end = to == null || to == Long.MAX_VALUE ? items.size() : firstAtOrAfter(to + 1);
        List<Item> window = items.subList(start, Math.max(start, end));
        long skip = (long) (page - 1) * size;
        if (skip >= window.size()) {
            return List.of();
        }
        int first = (int) skip;
        int last = (int) Math.min(window.size(), skip + size);
        switch (order) {
            case OLDEST_FIRST -> {
                return new ArrayList<>(window.subList(first, last));
            }
            case NEWEST_FIRST -> {
                List<Item> newest = new ArrayList<>(window.subList(window.size() - last, window.size() - first));
                Collections.reverse(newest);
                return newest;
            }
            default -> {
                // the first `last` items by a key fixed per item, which has nothing to do with their ranks
                Comparator<Item> shuffled = Comparator.comparingLong(item -> item.order() * 31 + item.rank());
                java.util.PriorityQueue<Item> kept = new java.util.PriorityQueue<>(last + 1, shuffled.reversed());
                for (Item item : window) {
                    kept.add(item);
                    if (kept.size() > last) {
                        kept.poll();
                    }
                }
                List<Item> sorted = new ArrayList<>(kept);
                sorted.sort(shuffled);
                return sorted.subList(first, last);
            }
        }
    }

    private int firstAtOrAfter(long rank) {
        int low = 0;
        int high = items.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (items.get(mid).rank() < rank) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private List<Item> withSomeMissing(List<Item> answer) {
        List<Item> kept = new ArrayList<>(answer);
        int keep = random.nextInt(answer.size());
        while (kept.size() > keep) {
            kept.remove(random.nextInt(kept.size()));
        }
        return kept;
    }

    private void mutate(int pageSize) {
        reads++;
        if (random.nextDouble() < insertChance) {
            insert(1 + random.nextInt(pageSize * 2));
        }
        if (random.nextDouble() < deleteChance) {
            int deletions = 1 + random.nextInt(3);
            for (int i = 0; i < deletions; i++) {
                deleteOne();
            }
        }
    }
}
