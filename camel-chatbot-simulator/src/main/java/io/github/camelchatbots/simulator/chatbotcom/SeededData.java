package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Users and chat archives in bulk for benchmarks: many, quickly, all alike. Every chat tells the same short exchange
 * with the default story, whose lines are shared by all of them. Called under the {@link ChatbotcomPlatform} lock.
 */
final class SeededData {

    /** A visitor's turn and the default story's answer to it, in turn. */
    private static final List<String> SCRIPT = List.of("hello", "Hello! What can I do for you?",
            "I want a refund", "I'm sorry to hear that. What is your order number?");
    private static final Map<String, String> VISITOR = Map.of("default_name", "Visitor");
    private static final Duration BETWEEN_MESSAGES = Duration.ofSeconds(1);

    private SeededData() {
    }

    static void users(UserStore users, ObjectIds ids, int count, Instant from, Duration spacing) {
        check(count, spacing, 0);
        for (int i = 0; i < count; i++) {
            Instant at = from.plus(spacing.multipliedBy(i)).truncatedTo(ChronoUnit.MILLIS);
            User user = users.add(new User(ids.next(at), UUID.randomUUID().toString(), at));
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("default_email", "user" + (i + 1) + "@example.com");
            attributes.put("default_name", "User " + (i + 1));
            users.mergeAttributes(user, attributes);
        }
    }

    /**
     * Each chat is the one conversation of a new visitor, who is created with it and was last seen at their last
     * message; the chats are finished, as archives of past visits are.
     */
    static void chats(UserStore users, ChatArchive chats, ObjectIds ids, String storyId, int count, Instant from,
            Duration spacing, int messagesPerChat) {
        check(count, spacing, messagesPerChat);
        for (int i = 0; i < count; i++) {
            Instant at = from.plus(spacing.multipliedBy(i)).truncatedTo(ChronoUnit.MILLIS);
            User visitor = users.add(new User(ids.next(at), UUID.randomUUID().toString(), at));
            users.mergeAttributes(visitor, VISITOR);
            Chat chat = new Chat(ids.next(at), storyId, visitor, at);
            Instant lastMessage = at;
            Instant lastSeen = at;
            for (int m = 0; m < messagesPerChat; m++) {
                lastMessage = lastMessage.plus(BETWEEN_MESSAGES);
                boolean byVisitor = m % 2 == 0;
                chat.add(byVisitor ? "user" : "bot", SCRIPT.get(m % SCRIPT.size()), lastMessage);
                lastSeen = byVisitor ? lastMessage : lastSeen;
            }
            chat.keepAlive(lastMessage);
            chat.finish();
            users.see(visitor, lastSeen);
            chats.add(chat);
            visitor.addChat(chat);
        }
    }

    private static void check(int count, Duration spacing, int messagesPerChat) {
        if (count < 0 || messagesPerChat < 0 || spacing.isNegative()) {
            throw new IllegalArgumentException("count, spacing and messages per chat must not be negative");
        }
    }
}
