package io.github.camelchatbots.simulator.ebbot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * All chats of the simulated Ebbot company, kept in the list's order so that a page is a walk from where it starts
 * rather than a sort of the whole store. Writes take the store's lock; reads do not, and see each chat either
 * before or after a change, never half of it, since chats are immutable.
 */
final class ChatStore {

    private static final String[] ADJECTIVES = {"Reluctant", "Curious", "Brave", "Sleepy", "Cheerful", "Quiet",
        "Swift", "Gentle", "Clever", "Patient", "Lucky", "Bold"};
    private static final String[] ANIMALS = {"Snake", "Otter", "Falcon", "Badger", "Moose", "Lynx", "Heron", "Fox",
        "Seal", "Owl", "Hedgehog", "Reindeer"};
    /** Built once, so that a hundred thousand anonymous visitors share 144 strings instead of each having its own. */
    private static final String[][] ANONYMOUS_NAMES = anonymousNames();

    /**
     * A chat's place in Ebbot's list order: newest first, ties broken by id (descending) so that paging is stable.
     * Everything in it is in the chat id, so a lookup by id needs no second map.
     */
    private record Position(long createdAtMillis, String id) implements Comparable<Position> {

        static Position of(Chat chat) {
            return new Position(chat.createdAt().toEpochMilli(), chat.id());
        }

        /** Read from an id of the form {@code <epochSeconds>.<millis>.<uuid>}; empty when it has another form. */
        static Optional<Position> of(String id) {
            int secondsEnd = id.indexOf('.');
            int millisEnd = secondsEnd < 0 ? -1 : id.indexOf('.', secondsEnd + 1);
            if (millisEnd < 0) {
                return Optional.empty();
            }
            try {
                long seconds = Long.parseLong(id, 0, secondsEnd, 10);
                int millis = Integer.parseInt(id, secondsEnd + 1, millisEnd, 10);
                return Optional.of(new Position(Math.addExact(Math.multiplyExact(seconds, 1000), millis), id));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        }

        @Override
        public int compareTo(Position other) {
            int byTime = Long.compare(other.createdAtMillis, createdAtMillis);
            return byTime != 0 ? byTime : other.id.compareTo(id);
        }
    }

    /**
     * Where page {@code page} of {@code limit} starts, as learnt from serving the page before it, valid as long as no
     * chat was added or removed since ({@code version}). It turns a client's scan from page 1 onwards into walks of
     * one page each; any other request walks from the newest chat.
     */
    private record NextPage(long version, int page, int limit, Position after) {
    }

    private final ConcurrentSkipListMap<Position, Chat> chats = new ConcurrentSkipListMap<>();
    /** Counts additions and removals, the changes that move chats to other pages; updates keep every place. */
    private final AtomicLong version = new AtomicLong();
    private final LongAdder visited = new LongAdder();
    private volatile NextPage nextPage;

    /**
     * Opens a chat whose id, like Ebbot's, is {@code <epochSeconds>.<millis>.<uuid>} of its creation time. Without
     * a user name the visitor gets an adjective-and-animal name, the way Ebbot names anonymous visitors.
     */
    synchronized String open(Instant createdAt, String userName, UUID uuid) {
        Instant at = createdAt.truncatedTo(ChronoUnit.MILLIS);
        String id = "%d.%03d.%s".formatted(at.getEpochSecond(), at.getNano() / 1_000_000, uuid);
        String name = userName != null ? userName : anonymousName(uuid);
        Chat chat = Chat.open(id, at, name);
        chats.put(Position.of(chat), chat);
        // after the change, never before: a page walked in between is then stamped with the old version, not kept
        version.incrementAndGet();
        return id;
    }

    synchronized void update(String id, UnaryOperator<Chat> change) {
        Chat chat = get(id);
        chats.put(Position.of(chat), change.apply(chat));
    }

    synchronized void delete(String id) {
        chats.remove(Position.of(get(id)));
        version.incrementAndGet();
    }

    Optional<Chat> find(String id) {
        return Position.of(id).map(chats::get);
    }

    Chat get(String id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("No Ebbot chat with id " + id));
    }

    /** Page {@code page} (from 1) of {@code limit} chats in the list's order; empty past the last chat. */
    List<Chat> page(int page, int limit) {
        long versionBefore = version.get();
        NextPage known = nextPage;
        Iterator<Chat> walk;
        long skip;
        if (known != null && known.version() == versionBefore && known.page() == page && known.limit() == limit) {
            walk = chats.tailMap(known.after(), false).values().iterator();
            skip = 0;
        } else {
            walk = chats.values().iterator();
            skip = (long) (page - 1) * limit;
        }
        List<Chat> found = new ArrayList<>(limit);
        while (found.size() < limit && walk.hasNext()) {
            Chat chat = walk.next();
            visited.increment();
            if (skip > 0) {
                skip--;
            } else {
                found.add(chat);
            }
        }
        // a short page too: a scanner's last request, the one that finds nothing, then costs nothing either
        if (!found.isEmpty()) {
            nextPage = new NextPage(versionBefore, page + 1, limit, Position.of(found.get(found.size() - 1)));
        }
        return found;
    }

    /** Every chat in the list's order. */
    List<Chat> newestFirst() {
        return List.copyOf(chats.values());
    }

    /** How many chats the page walks have stepped over or taken since the store was made; for tests of the cost. */
    long visited() {
        return visited.sum();
    }

    synchronized void clear() {
        chats.clear();
        version.incrementAndGet();
    }

    private static String anonymousName(UUID uuid) {
        long bits = uuid.getLeastSignificantBits() & Long.MAX_VALUE;
        return ANONYMOUS_NAMES[(int) (bits % ADJECTIVES.length)][(int) (bits / ADJECTIVES.length % ANIMALS.length)];
    }

    private static String[][] anonymousNames() {
        String[][] names = new String[ADJECTIVES.length][ANIMALS.length];
        for (int adjective = 0; adjective < ADJECTIVES.length; adjective++) {
            for (int animal = 0; animal < ANIMALS.length; animal++) {
                names[adjective][animal] = ADJECTIVES[adjective] + " " + ANIMALS[animal];
            }
        }
        return names;
    }
}
