package io.github.camelchatbots.simulator.chatbotcom;

import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One chat archive: the conversation of one session. Its attributes are the session's parameters. Mutable; only
 * touched while holding the {@link ChatbotcomPlatform} lock.
 */
final class Chat {

    /** ChatBot.com ends a session after ten minutes without a message. */
    static final Duration SESSION_TIMEOUT = Duration.ofMinutes(10);

    final String id;
    final String storyId;
    final User user;
    final Instant createdAt;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Message> messages = new ArrayList<>();
    private int messageIds;
    private Instant activeUntil;
    private boolean finishedEarly;

    Chat(String id, String storyId, User user, Instant createdAt) {
        this.id = id;
        this.storyId = storyId;
        this.user = user;
        this.createdAt = createdAt;
        this.activeUntil = createdAt.plus(SESSION_TIMEOUT);
    }

    /** Finished once its session timed out; computed, so the simulation clock can skip ahead without a sweeper. */
    boolean finished(Instant now) {
        return finishedEarly || !now.isBefore(activeUntil);
    }

    void finish() {
        finishedEarly = true;
    }

    Instant activeUntil() {
        return activeUntil;
    }

    void keepAlive(Instant now) {
        activeUntil = now.plus(SESSION_TIMEOUT);
    }

    Message add(String author, String text, Instant at) {
        Message message = new Message(newMessageId(), author, text, at);
        messages.add(message);
        return message;
    }

    /** Derived from the chat id, so that replaying the same conversation yields the same message ids. */
    String newMessageId() {
        return UUID.nameUUIDFromBytes((id + "/" + messageIds++).getBytes(StandardCharsets.UTF_8)).toString();
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    Instant updatedAt() {
        return messages.isEmpty() ? createdAt : messages.get(messages.size() - 1).createdAt();
    }

    String firstUserMessage() {
        return messages.stream().filter(m -> m.author().equals("user")).map(Message::text).findFirst().orElse(null);
    }

    Map<String, String> attributes() {
        return new LinkedHashMap<>(attributes);
    }

    void mergeAttributes(Map<String, String> changes) {
        AttributeRules.merge(attributes, changes);
    }
}
