package io.github.camelchatbots.component.chataibot.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.camelchatbots.support.json.IsoInstant;

/**
 * One reply of the bot in a conversation. ChatAIBot does not document how replies reach an API-channel integration;
 * this is the shape this component assumes, for the webhook and for replies in a send-message answer:
 * {@code {"conversation_id","message_id","message":{"type":"text","data":{"body":...}},"from":{"type":"BOT"},
 * "created_at"}}. Whatever else arrives is kept in {@code other}.
 *
 * @param conversationId the conversation it belongs to
 * @param messageId      the reply's id, when ChatAIBot gives one
 * @param message        what the bot says
 * @param from           who says it, {@code BOT} for the bot
 * @param createdAt      when, when ChatAIBot says
 * @param other          every further field, as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "conversation_id", "message_id", "message", "from", "created_at" })
public record ChataibotReply(String conversationId, String messageId, ChataibotMessage message, From from,
                             @IsoInstant Instant createdAt,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public static final String BOT = "BOT";

    public ChataibotReply {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** A text reply of the bot. */
    public static ChataibotReply botText(String conversationId, String messageId, String text, Instant createdAt) {
        return new ChataibotReply(conversationId, messageId, ChataibotMessage.ofText(text), new From(BOT), createdAt,
                null);
    }

    /** What the bot says as text ({@code message.data.body}), null when the message has none. */
    public String text() {
        return message == null ? null : message.text();
    }

    /** The sender's type, e.g. {@code BOT}; null when the payload does not say. */
    public String senderType() {
        return from == null ? null : from.type();
    }

    /** @param type e.g. {@code BOT} */
    public record From(String type) {
    }
}
