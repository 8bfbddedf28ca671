package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A vendor's newest-first list that changes between reads the way real ones do, at random but reproducibly for a
 * seed: items arrive at the front (some in the same millisecond as the newest), items are deleted anywhere, a page
 * comes back short once, or with the content of another page. A glitch is a one-off: the answer after it is right.
 * Items of one rank come in an order of the vendor's own, which is not their ids' order.
 */
final class MutatingList {

    /** An item: its rank (creation time) and id. */
    record Item(long rank, String id) {
    }

    private final Random random;
    /** Oldest first, so that an item arriving at the list's front is an append. */
    private final List<Item> items = new ArrayList<>();
    private final List<Item> everInserted = new ArrayList<>();
    private long nextRank;
    private int nextId;
    double insertChance;
    double deleteChance;
    double shortPageChance;
    double wrongPageChance;
    int reads;
    private boolean lastWasGlitch;
    private List<Item> lastAnswer;

    MutatingList(long seed) {
        this.random = new Random(seed);
        this.nextRank = 1_000;
    }

    /** Adds items at the front; about one in four shares the newest item's rank. */
    void insert(int count) {
        for (int i = 0; i < count; i++) {
            if (items.isEmpty() || random.nextInt(4) != 0) {
                nextRank += 1 + random.nextInt(3);
            }
            Item item = new Item(nextRank, "id-" + (nextId++));
            // a new rank goes in front, a rank shared with the newest anywhere among its items
            int sameRank = 0;
            while (sameRank < items.size() && items.get(items.size() - 1 - sameRank).rank() == item.rank()) {
                sameRank++;
            }
            items.add(items.size() - random.nextInt(sameRank + 1), item);
            everInserted.add(item);
        }
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
    }

    /** Newest first, as the vendor lists them. */
    List<Item> present() {
        List<Item> newestFirst = new ArrayList<>(items);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    List<Item> everInserted() {
        return List.copyOf(everInserted);
    }

    long newestRank() {
        return nextRank;
    }

    /** The vendor's answer to page and limit, after whatever changed since the last read. */
    List<Item> read(int page, int limit) {
        mutate(limit);
        int answered = page;
        boolean glitch = false;
        if (!lastWasGlitch && random.nextDouble() < wrongPageChance) {
            answered = Math.max(1, page + (random.nextBoolean() ? 1 : -1));
            glitch = answered != page;
        }
        List<Item> slice = slice(answered, limit);
        if (!lastWasGlitch && !glitch && !slice.isEmpty() && random.nextDouble() < shortPageChance) {
            slice = slice.subList(0, random.nextInt(slice.size()));
            glitch = true;
        }
        lastWasGlitch = glitch;
        return List.copyOf(slice);
    }

    /**
     * The vendor's answer to "the newest {@code pageSize} items before {@code before}" (null: the newest of all),
     * after whatever changed since the last read; {@code inclusive} vendors read the cursor as "at or before".
     */
    List<Item> readBefore(Long before, int pageSize, boolean inclusive) {
        mutate(pageSize);
        List<Item> page = new ArrayList<>();
        for (int index = items.size() - 1; index >= 0 && page.size() < pageSize; index--) {
            Item item = items.get(index);
            if (before == null || item.rank() < before || inclusive && item.rank() == before) {
                page.add(item);
            }
        }
        boolean glitch = false;
        if (!lastWasGlitch && lastAnswer != null && random.nextDouble() < wrongPageChance) {
            page = lastAnswer;
            glitch = true;
        } else if (!lastWasGlitch && !page.isEmpty() && random.nextDouble() < shortPageChance) {
            page = page.subList(0, random.nextInt(page.size()));
            glitch = true;
        }
        lastWasGlitch = glitch;
        lastAnswer = List.copyOf(page);
        return lastAnswer;
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

    private List<Item> slice(int page, int limit) {
        long start = (long) (page - 1) * limit;
        List<Item> slice = new ArrayList<>();
        for (long index = start; index < Math.min(items.size(), start + limit); index++) {
            slice.add(items.get(items.size() - 1 - (int) index));
        }
        return slice;
    }
}
