package io.github.camelchatbots.simulator.ebbot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** All chats of the simulated Ebbot company. */
final class ChatStore {

    /** Ebbot's list order: newest first, ties broken by id so that paging is stable. */
    private static final Comparator<Chat> NEWEST_FIRST =
            Comparator.comparing(Chat::createdAt).thenComparing(Chat::id).reversed();

    private static final String[] ADJECTIVES = {"Reluctant", "Curious", "Brave", "Sleepy", "Cheerful", "Quiet",
        "Swift", "Gentle", "Clever", "Patient", "Lucky", "Bold"};
    private static final String[] ANIMALS = {"Snake", "Otter", "Falcon", "Badger", "Moose", "Lynx", "Heron", "Fox",
        "Seal", "Owl", "Hedgehog", "Reindeer"};

    private final Map<String, Chat> chats = new HashMap<>();

    /**
     * Opens a chat whose id, like Ebbot's, is {@code <epochSeconds>.<millis>.<uuid>} of its creation time. Without
     * a user name the visitor gets an adjective-and-animal name, the way Ebbot names anonymous visitors.
     */
    synchronized String open(Instant createdAt, String userName, UUID uuid) {
        Instant at = createdAt.truncatedTo(ChronoUnit.MILLIS);
        String id = "%d.%03d.%s".formatted(at.getEpochSecond(), at.getNano() / 1_000_000, uuid);
        String name = userName != null ? userName : anonymousName(uuid);
        String chatUserId = UUID.nameUUIDFromBytes(("chat-user:" + id).getBytes(StandardCharsets.UTF_8)).toString();
        chats.put(id, Chat.open(id, at, name, chatUserId));
        return id;
    }

    synchronized void update(String id, UnaryOperator<Chat> change) {
        chats.put(id, change.apply(get(id)));
    }

    synchronized Optional<Chat> find(String id) {
        return Optional.ofNullable(chats.get(id));
    }

    synchronized Chat get(String id) {
        Chat chat = chats.get(id);
        if (chat == null) {
            throw new NoSuchElementException("No Ebbot chat with id " + id);
        }
        return chat;
    }

    synchronized List<Chat> newestFirst() {
        return chats.values().stream().sorted(NEWEST_FIRST).toList();
    }

    synchronized void clear() {
        chats.clear();
    }

    private static String anonymousName(UUID uuid) {
        long bits = uuid.getLeastSignificantBits() & Long.MAX_VALUE;
        String adjective = ADJECTIVES[(int) (bits % ADJECTIVES.length)];
        return adjective + " " + ANIMALS[(int) (bits / ADJECTIVES.length % ANIMALS.length)];
    }
}
