package io.github.camelchatbots.component.chatbotcom.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.support.json.IsoInstant;

/**
 * A chat archive. Listed archives may come without {@code messages} and {@code attributes}; {@code chat} and the
 * chats consumer fetch the archive itself, which has them.
 *
 * @param finished whether ChatBot.com says the chat is over; null when the archive does not say
 */
public record ChatbotcomChat(
        String id,
        String storyId,
        User user,
        String source,
        @IsoInstant Instant createdAt,
        @IsoInstant Instant updatedAt,
        Boolean finished,
        Map<String, Object> attributes,
        List<Message> messages) {

    public ChatbotcomChat {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public record User(String id, String name, String avatar) {
    }

    /**
     * One message of an archive. The field names are not documented: the author may come as a word or an object
     * with a {@code type}, the text as {@code message} or {@code text}.
     */
    public record Message(
            String id,
            Object author,
            String type,
            String message,
            String text,
            @IsoInstant Instant createdAt) {

        /** Who wrote it, as ChatBot.com names them (e.g. user or bot), or null. */
        public String authorName() {
            if (author instanceof Map<?, ?> map) {
                Object type = map.get("type");
                return type != null ? type.toString() : null;
            }
            return author != null ? author.toString() : null;
        }

        /** The text, whichever field held it. */
        public String content() {
            return message != null ? message : text;
        }
    }

    /** The latest sign of life: the last update, the last message, or the creation. */
    public Instant lastActivity() {
        Instant latest = updatedAt != null ? updatedAt : createdAt;
        for (Message message : messages) {
            if (message.createdAt() != null && (latest == null || message.createdAt().isAfter(latest))) {
                latest = message.createdAt();
            }
        }
        return latest;
    }
}
