package io.github.camelchatbots.component.chatbotcom.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * One part of what the bot says: a {@code fulfillment} item of a query answer, or a {@code responses} item of a
 * webhook reply. Only text is documented; other types (buttons, quick replies, cards) keep their fields in
 * {@code other}, so nothing ChatBot.com sends is lost.
 *
 * @param type    e.g. {@code text}
 * @param delay   milliseconds to wait before showing it
 * @param message the text
 * @param other   every further field, as ChatBot.com sent it
 */
public record ChatbotcomMessagePart(String type, Long delay, String message,
                                    @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public ChatbotcomMessagePart {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    public static ChatbotcomMessagePart text(String message) {
        return new ChatbotcomMessagePart("text", null, message, null);
    }
}
