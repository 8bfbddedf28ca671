package io.github.camelchatbots.support.consumer.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A vendor's oldest-first list read after an id cursor, that changes between reads the way real ones do, at random
 * but reproducibly for a seed: items arrive at the end (some in the same millisecond as the newest, listed anywhere
 * among the items of that millisecond), items are deleted anywhere, and, in {@code lastSeen} order, an item seen
 * again moves to the end with a new rank. Deletions and moves may be aimed at given ids (the scan's trail). An answer
 * now and then is short, or repeats the answer to the request before; a glitch is a one-off: the answer after it is
 * right. A cursor whose item is gone is refused, answered from the start, or answered empty, as the vendor does.
 */
final class MutatingAscendingList {

    /** A sighting of an item: its id and rank; in lastSeen order an id is seen again with a higher rank. */
    record Item(long rank, String id) {
    }

    /** What the vendor answers for a cursor whose item is not in the list. */
    enum UnknownCursor { REFUSED, FROM_START, EMPTY }

    private final Random random;
    private final List<Item> items = new ArrayList<>();
    private final List<Item> sightings = new ArrayList<>();
    private long clock;
    private int nextId;
    UnknownCursor unknownCursor = UnknownCursor.REFUSED;
    /** Whether items move to the end when seen again. */
    boolean lastSeen;
    double tieChance = 0.2;
    double insertChance;
    double deleteChance;
    double moveChance;
    /** How likely a deletion or move is aimed at one of {@link #targets}. */
    double targetChance;
    double shortPageChance;
    double repeatChance;
    List<String> targets = List.of();
    int reads;
    private boolean lastWasGlitch;
    private List<Item> lastAnswer = List.of();

    MutatingAscendingList(long seed) {
        this.random = new Random(seed);
        this.clock = 1_000;
    }

    void insert(int count) {
        for (int i = 0; i < count; i++) {
            place(new Item(tick(), "id-" + (nextId++)));
        }
    }

    /** Adds {@code count} items of one new rank, after every other. */
    long insertSharingOneRank(int count) {
        clock += 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            place(new Item(clock, "id-" + (nextId++)));
        }
        return clock;
    }

    private long tick() {
        if (items.isEmpty() || random.nextDouble() >= tieChance) {
            clock += 1 + random.nextInt(3);
        }
        return clock;
    }

    /** At the end, or anywhere among the items of its rank when it shares the newest one. */
    private void place(Item item) {
        int sameRank = 0;
        while (sameRank < items.size() && items.get(items.size() - 1 - sameRank).rank() == item.rank()) {
            sameRank++;
        }
        items.add(items.size() - random.nextInt(sameRank + 1), item);
        sightings.add(item);
    }

    void delete(String itemId) {
        items.removeIf(item -> item.id().equals(itemId));
    }

    void deleteOne() {
        if (!items.isEmpty()) {
            items.remove(random.nextInt(items.size()));
        }
    }

    /** The item seen again: it moves to the end with a new rank. */
    void move(String itemId) {
        for (int index = 0; index < items.size(); index++) {
            if (items.get(index).id().equals(itemId)) {
                items.remove(index);
                place(new Item(tick(), itemId));
                return;
            }
        }
    }

    void moveOne() {
        if (!items.isEmpty()) {
            move(items.get(random.nextInt(items.size())).id());
        }
    }

    void quiet() {
        insertChance = 0;
        deleteChance = 0;
        moveChance = 0;
        shortPageChance = 0;
        repeatChance = 0;
    }

    /** Oldest first. */
    List<Item> present() {
        return List.copyOf(items);
    }

    /** Every sighting there ever was. */
    List<Item> sightings() {
        return List.copyOf(sightings);
    }

    /** The vendor's answer to "the items after {@code afterId}", after whatever changed since the last read. */
    List<Item> read(String afterId, int pageSize) {
        mutate(pageSize);
        boolean glitch = false;
        List<Item> answer;
        if (!lastWasGlitch && random.nextDouble() < repeatChance) {
            answer = lastAnswer;
            glitch = true;
        } else {
            int start = 0;
            if (afterId != null) {
                int at = indexOf(afterId);
                if (at < 0) {
                    switch (unknownCursor) {
                        case REFUSED -> {
                            lastWasGlitch = false;
                            return null;
                        }
                        case EMPTY -> start = items.size();
                        default -> start = 0;
                    }
                } else {
                    start = at + 1;
                }
            }
            answer = new ArrayList<>(items.subList(start, Math.min(items.size(), start + pageSize)));
            if (!lastWasGlitch && !answer.isEmpty() && random.nextDouble() < shortPageChance) {
                answer = answer.subList(0, random.nextInt(answer.size()));
                glitch = true;
            }
        }
        lastWasGlitch = glitch;
        lastAnswer = List.copyOf(answer);
        return lastAnswer;
    }

    private int indexOf(String itemId) {
        for (int index = 0; index < items.size(); index++) {
            if (items.get(index).id().equals(itemId)) {
                return index;
            }
        }
        return -1;
    }

    private void mutate(int pageSize) {
        reads++;
        if (random.nextDouble() < insertChance) {
            insert(1 + random.nextInt(pageSize * 2));
        }
        if (random.nextDouble() < deleteChance) {
            int deletions = 1 + random.nextInt(3);
            for (int i = 0; i < deletions; i++) {
                if (!targets.isEmpty() && random.nextDouble() < targetChance) {
                    delete(targets.get(random.nextInt(targets.size())));
                } else {
                    deleteOne();
                }
            }
        }
        if (lastSeen && random.nextDouble() < moveChance) {
            int moves = 1 + random.nextInt(3);
            for (int i = 0; i < moves; i++) {
                if (!targets.isEmpty() && random.nextDouble() < targetChance) {
                    move(targets.get(random.nextInt(targets.size())));
                } else {
                    moveOne();
                }
            }
        }
    }

    /** For tests that look at one item. */
    Map<String, Item> byId() {
        Map<String, Item> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        return byId;
    }
}
