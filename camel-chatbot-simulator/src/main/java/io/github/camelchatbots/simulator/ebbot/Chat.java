package io.github.camelchatbots.simulator.ebbot;

import io.github.camelchatbots.simulator.ebbot.EbbotSimulation.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An immutable snapshot of one chat; changes produce a new snapshot so readers never see a half-made update. Only
 * what cannot be derived is stored, because benchmarks keep a hundred thousand and more of them.
 */
record Chat(String id, Instant createdAt, String userName, String status, Instant statusTimestamp, Instant updatedAt,
        String handledBy, List<Message> messages) {

    Chat {
        messages = List.copyOf(messages);
    }

    static Chat open(String id, Instant createdAt, String userName) {
        return new Chat(id, createdAt, userName, "ongoing", createdAt, createdAt, "bot", List.of());
    }

    /** Derived from the id rather than stored, which spares every chat a string of its own. */
    String chatUserId() {
        return UUID.nameUUIDFromBytes(("chat-user:" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    Chat withMessage(Message message) {
        List<Message> appended = new ArrayList<>(messages);
        appended.add(message);
        // Once an agent has written, the chat is the agent's, as in Ebbot's handled_by.
        String handler = "agent".equals(message.sender()) ? "agent" : handledBy;
        return new Chat(id, createdAt, userName, status, statusTimestamp, latest(updatedAt, message.at()), handler,
                appended);
    }

    Chat withStatus(String newStatus, Instant at) {
        return new Chat(id, createdAt, userName, newStatus, at, latest(updatedAt, at), handledBy, messages);
    }

    String lastMessage() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1).text();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
