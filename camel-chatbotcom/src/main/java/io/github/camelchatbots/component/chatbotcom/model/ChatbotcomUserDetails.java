package io.github.camelchatbots.component.chatbotcom.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.support.json.IsoInstant;

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
        @IsoInstant Instant createdAt,
        @IsoInstant Instant lastSeen) {

    /**
     * One of the user's conversations. The vendor's example names the time {@code date}, its field table
     * {@code createdAt}: either is read.
     */
    public record Conversation(
            String id,
            @IsoInstant Instant date,
            @IsoInstant Instant createdAt,
            String firstMessage) {

        /** When the conversation began, whichever field ChatBot.com filled. */
        public Instant startedAt() {
            return date != null ? date : createdAt;
        }
    }

    public record SegmentRef(String id, String name) {
    }
}
