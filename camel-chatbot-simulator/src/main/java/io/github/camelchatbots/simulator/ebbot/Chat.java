package io.github.camelchatbots.simulator.ebbot;

import io.github.camelchatbots.simulator.ebbot.EbbotSimulation.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An immutable snapshot of one chat; changes produce a new snapshot so readers never see a half-made update. */
record Chat(String id, Instant createdAt, String userName, String chatUserId, String status, Instant statusTimestamp,
        Instant updatedAt, String handledBy, List<Message> messages) {

    Chat {
        messages = List.copyOf(messages);
    }

    static Chat open(String id, Instant createdAt, String userName, String chatUserId) {
        return new Chat(id, createdAt, userName, chatUserId, "ongoing", createdAt, createdAt, "bot", List.of());
    }

    Chat withMessage(Message message) {
        List<Message> appended = new ArrayList<>(messages);
        appended.add(message);
        // Once an agent has written, the chat is the agent's, as in Ebbot's handled_by.
        String handler = "agent".equals(message.sender()) ? "agent" : handledBy;
        return new Chat(id, createdAt, userName, chatUserId, status, statusTimestamp, latest(updatedAt, message.at()),
                handler, appended);
    }

    Chat withStatus(String newStatus, Instant at) {
        return new Chat(id, createdAt, userName, chatUserId, newStatus, at, latest(updatedAt, at), handledBy, messages);
    }

    String lastMessage() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1).text();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
