package io.github.camelchatbots.component.konversation.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.camelchatbots.support.json.IsoInstant;

/**
 * One message of a subscriber's chat history (the spec's ChatMsg).
 *
 * @param id       konversation's id of the message
 * @param type     {@code in} (from the subscriber), {@code out} (the bot), {@code agent}, {@code note} or
 *                 {@code system}
 * @param senderId the subscriber's namespace
 * @param msgType  text, image, audio, video or file
 * @param content  the text, or the media's URL
 * @param payload  the text and URL apart, with what else konversation adds (e.g. a transcription)
 * @param ts       when it was sent: unix seconds in the spec, datetime text in some answers; both are read, to the
 *                 second, so messages of one second are told apart by their id
 * @param other    every further field, as konversation sent it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationChatMessage(Long id, String type, String senderId, String msgType, String content,
                                      Payload payload, @IsoInstant Instant ts,
                                      @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationChatMessage {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Payload(String text, String url, @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

        public Payload {
            other = other == null ? new LinkedHashMap<>() : other;
        }
    }

    /** What a reader sees: the text, else the payload's text, else the media's URL. */
    public String text() {
        if (content != null && !content.isBlank()) {
            return content;
        }
        if (payload != null) {
            return payload.text() != null ? payload.text() : payload.url();
        }
        return null;
    }
}
