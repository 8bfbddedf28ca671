package io.github.camelchatbots.component.chataibot.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A message as ChatAIBot's API channel writes it: {@code {"data":{"body":"Hello"},"type":"text"}}, for what a visitor
 * sends and for what the bot replies. Only {@code text} is documented; a message of another type keeps whatever its
 * {@code data} holds in {@link Data#other()}.
 *
 * @param type e.g. {@code text}
 * @param data what the message says
 */
@JsonPropertyOrder({ "data", "type" })
public record ChataibotMessage(String type, Data data) {

    public static final String TEXT = "text";

    /** A text message, the only type ChatAIBot documents. */
    public static ChataibotMessage ofText(String body) {
        return new ChataibotMessage(TEXT, new Data(body, null));
    }

    /** A message of another type whose {@code data.body} is the given text. */
    public static ChataibotMessage of(String type, String body) {
        return new ChataibotMessage(type, new Data(body, null));
    }

    /** The message's text ({@code data.body}), null when it has none. */
    public String text() {
        return data == null ? null : data.body();
    }

    /**
     * @param body  the text
     * @param other every further field of {@code data}, as sent
     */
    public record Data(String body, @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

        public Data {
            other = other == null ? new LinkedHashMap<>() : other;
        }
    }
}
