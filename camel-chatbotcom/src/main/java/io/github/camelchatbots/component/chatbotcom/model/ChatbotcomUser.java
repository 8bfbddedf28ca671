package io.github.camelchatbots.component.chatbotcom.model;

import java.time.Instant;
import java.util.Map;

import io.github.camelchatbots.support.json.IsoInstant;

/**
 * A user as ChatBot.com lists them.
 *
 * @param id            ChatBot.com's id of the user, the one paths and {@code after} take
 * @param userId        the integrator's own id for the user (a UUID unless given at creation)
 * @param attributes    {@code default_*} and custom attributes; unset ones are null
 * @param conversations how many conversations the user had
 */
public record ChatbotcomUser(
        String id,
        String userId,
        Boolean banned,
        Map<String, String> attributes,
        Integer conversations,
        @IsoInstant Instant createdAt,
        @IsoInstant Instant lastSeen) {
}
