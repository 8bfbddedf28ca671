package io.github.camelchatbots.component.ebbot.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an incoming webhook accepts: a message ({@code type} {@code text}), a clicked variable, or a scenario to
 * run, optionally in an existing chat.
 *
 * @param chatId the chat to continue; null starts a new one
 * @param type   {@code text}, {@code variable} or {@code scenario}
 * @param value  the message text, variable, or scenario (or state) id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EbbotMessageRequest(String chatId, String type, Object value) {

    public static EbbotMessageRequest text(String text) {
        return new EbbotMessageRequest(null, "text", text);
    }

    public EbbotMessageRequest withChatId(String id) {
        return new EbbotMessageRequest(id, type, value);
    }

    public EbbotMessageRequest withType(String messageType) {
        return new EbbotMessageRequest(chatId, messageType, value);
    }
}
