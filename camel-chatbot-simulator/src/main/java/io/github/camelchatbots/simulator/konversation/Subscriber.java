package io.github.camelchatbots.simulator.konversation;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ChatMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One subscriber (bot user) of a flow, with their chat history. Not thread-safe: guarded by the {@link Bot}'s lock.
 * The interaction times decide the subscriber's place in the store's order, so they change only through
 * {@link SubscriberStore#update}.
 */
final class Subscriber {

    /** A chat history is in time order; messages of the same instant keep the order they were added in. */
    private static final Comparator<ChatMessage> CHRONOLOGICAL =
            Comparator.comparing(ChatMessage::at).thenComparingInt(ChatMessage::id);

    final int number;
    final String userNs;
    final Instant createdAt;
    String userId;
    String channel;
    String channelId;
    String name;
    String firstName;
    String lastName;
    String phone;
    String email;
    String gender;
    String language = "en";
    String locale = "en_US";
    String profilePic;
    String status = "open";
    Instant subscribedAt;
    Instant optedInEmail;
    Instant optedInSms;
    String optedInThrough;
    /** Any message in or out: the order of {@code /subscribers}. */
    Instant lastInteraction;
    /** The subscriber's own last message, which opens WhatsApp's 24-hour window. */
    Instant lastMessageAt;
    String lastMessageType;
    Instant lastBotInteraction;
    final Set<String> tagNs = new LinkedHashSet<>();
    /** By var_ns, in the order the values were first set. */
    final Map<String, String> fieldValues = new LinkedHashMap<>();
    final Set<Integer> labelIds = new LinkedHashSet<>();
    final Set<String> eventNs = new LinkedHashSet<>();
    private final List<ChatMessage> chat = new ArrayList<>();

    Subscriber(int number, String userNs, Instant createdAt) {
        this.number = number;
        this.userNs = userNs;
        this.createdAt = createdAt;
        this.subscribedAt = createdAt;
    }

    /** Messages mostly arrive in time order, so the search from the end is usually one step. */
    void record(ChatMessage message) {
        int at = chat.size();
        while (at > 0 && CHRONOLOGICAL.compare(chat.get(at - 1), message) > 0) {
            at--;
        }
        chat.add(at, message);
        switch (message.type()) {
            case "in" -> {
                lastMessageAt = latest(lastMessageAt, message.at());
                if (lastMessageAt.equals(message.at())) {
                    lastMessageType = message.msgType();
                }
                lastInteraction = latest(lastInteraction, message.at());
            }
            case "out", "agent" -> {
                lastBotInteraction = latest(lastBotInteraction, message.at());
                lastInteraction = latest(lastInteraction, message.at());
            }
            default -> {
                // notes and system messages are no interaction
            }
        }
    }

    /** Oldest first. */
    List<ChatMessage> chat() {
        return chat;
    }

    String displayName() {
        return name != null ? name : joinedName(firstName, lastName);
    }

    static String joinedName(String firstName, String lastName) {
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static Instant latest(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
