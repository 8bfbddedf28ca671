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
 * touched while holding the {@link ChatbotcomPlatform} lock. Lean, because benchmarks keep a hundred thousand and
 * more: message ids are derived when shown, and the attributes only allocated once there are some.
 */
final class Chat {

    /** ChatBot.com ends a session after ten minutes without a message. */
    static final Duration SESSION_TIMEOUT = Duration.ofMinutes(10);

    /** A message as stored: its id is {@link #messageId(int) derived} from its number. */
    private record Line(int number, String author, String text, long createdAtMillis) {
    }

    final String id;
    final String storyId;
    final User user;
    final Instant createdAt;
    private Map<String, String> attributes;
    private final List<Line> messages = new ArrayList<>(4);
    private int messageNumbers;
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

    /** Archives a message and returns its id. */
    String add(String author, String text, Instant at) {
        int number = messageNumbers++;
        messages.add(new Line(number, author, text, at.toEpochMilli()));
        return messageId(number);
    }

    /** The id of a turn that is not archived, such as a trigger; it uses up a number all the same. */
    String newMessageId() {
        return messageId(messageNumbers++);
    }

    List<Message> messages() {
        List<Message> shown = new ArrayList<>(messages.size());
        for (Line line : messages) {
            shown.add(new Message(messageId(line.number()), line.author(), line.text(),
                    Instant.ofEpochMilli(line.createdAtMillis())));
        }
        return shown;
    }

    Instant updatedAt() {
        return messages.isEmpty() ? createdAt
                : Instant.ofEpochMilli(messages.get(messages.size() - 1).createdAtMillis());
    }

    String firstUserMessage() {
        return messages.stream().filter(m -> m.author().equals("user")).map(Line::text).findFirst().orElse(null);
    }

    Map<String, String> attributes() {
        return attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
    }

    void mergeAttributes(Map<String, String> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (attributes == null) {
            attributes = new LinkedHashMap<>();
        }
        AttributeRules.merge(attributes, changes);
    }

    /** Derived from the chat id, so that replaying the same conversation yields the same message ids. */
    private String messageId(int number) {
        return UUID.nameUUIDFromBytes((id + "/" + number).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
