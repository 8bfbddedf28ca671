package io.github.camelchatbots.component.konversation.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The request of {@code sendContent}: messages, actions and quick replies in konversation's dynamic-content format
 * ({@code {"version":"v1","content":{...}}}).
 *
 * @param sendAsAgent 1 to show the messages as written by an agent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationContent(String userNs, Data data, Integer sendAsAgent) {

    /** Text messages only, the common case. */
    public static KonversationContent texts(String userNs, String... texts) {
        List<Message> messages = Arrays.stream(texts).map(Message::text).toList();
        return new KonversationContent(userNs, new Data("v1", new Content(messages, null, null, null)), null);
    }

    public record Data(String version, Content content) {
    }

    /**
     * @param quickReplies in the platform's format, which its documentation leaves open
     * @param other        every further field of the format
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Content(List<Message> messages, List<Action> actions, List<JsonNode> quickReplies,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

        public Content {
            other = other == null ? new LinkedHashMap<>() : other;
        }
    }

    /**
     * @param type text, image, audio, video or file
     * @param url  the media of the other types
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Message(String type, String text, String url, String caption,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

        public Message {
            other = other == null ? new LinkedHashMap<>() : other;
        }

        public static Message text(String text) {
            return new Message("text", text, null, null, null);
        }
    }

    /** @param action add_tag, remove_tag, set_field_value or unset_field_value */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Action(String action, String tagName, String fieldName, Object value,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

        public Action {
            other = other == null ? new LinkedHashMap<>() : other;
        }
    }
}
