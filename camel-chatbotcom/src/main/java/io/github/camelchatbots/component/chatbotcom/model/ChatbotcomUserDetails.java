package io.github.camelchatbots.component.chatbotcom.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelchatbots.support.json.FlexibleInstantDeserializer;

/**
 * One user in detail, as {@code GET /users/{id}} answers: the listed fields plus the attributes of the current
 * session, the user's conversations and segments.
 */
public record ChatbotcomUserDetails(
        String id,
        String userId,
        Boolean banned,
        Map<String, String> attributes,
        Map<String, String> sessionAttributes,
        List<Conversation> conversations,
        List<SegmentRef> segments,
        @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant createdAt,
        @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant lastSeen) {

    /**
     * One of the user's conversations. The vendor's example names the time {@code date}, its field table
     * {@code createdAt}: either is read.
     */
    public record Conversation(
            String id,
            @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant date,
            @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant createdAt,
            String firstMessage) {

        /** When the conversation began, whichever field ChatBot.com filled. */
        public Instant startedAt() {
            return date != null ? date : createdAt;
        }
    }

    public record SegmentRef(String id, String name) {
    }
}
