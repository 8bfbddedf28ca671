package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The chat archives, indexed in the list's order so that a page of those created before {@code after} is a walk
 * from there rather than a sort of them all. Not thread-safe: guarded by the {@link ChatbotcomPlatform} lock.
 */
final class ChatArchive {

    /** Oldest first; ties broken by id so that paging is stable. */
    private record Position(Instant createdAt, String id) implements Comparable<Position> {

        /** Sorts before every chat created at {@code createdAt}, since every id is longer than "". */
        static Position before(Instant createdAt) {
            return new Position(createdAt, "");
        }

        @Override
        public int compareTo(Position other) {
            int byTime = createdAt.compareTo(other.createdAt);
            return byTime != 0 ? byTime : id.compareTo(other.id);
        }
    }

    private final Map<String, Chat> byId = new HashMap<>();
    private final NavigableMap<Position, Chat> byCreation = new TreeMap<>();
    private long visited;

    void add(Chat chat) {
        byId.put(chat.id, chat);
        byCreation.put(new Position(chat.createdAt, chat.id), chat);
    }

    void remove(Chat chat) {
        byId.remove(chat.id);
        byCreation.remove(new Position(chat.createdAt, chat.id));
    }

    Optional<Chat> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Newest first, at most {@code limit} of those created before {@code before}. */
    List<Chat> newestBefore(Instant before, int limit) {
        Iterator<Chat> newestFirst = byCreation.headMap(Position.before(before), false).descendingMap().values()
                .iterator();
        List<Chat> page = new ArrayList<>(limit);
        while (page.size() < limit && newestFirst.hasNext()) {
            page.add(newestFirst.next());
            visited++;
        }
        return page;
    }

    /** Every chat's id, newest first. */
    List<String> newestFirstIds() {
        return byCreation.descendingMap().values().stream().map(chat -> chat.id).toList();
    }

    /** How many chats list pages have taken, ever: what tests of the list's cost count. */
    long visited() {
        return visited;
    }

    void clear() {
        byId.clear();
        byCreation.clear();
    }
}
