package io.github.camelchatbots.component.chatbotcom.model;

import java.time.Instant;

import io.github.camelchatbots.support.json.IsoInstant;

/** A user segment; {@code users} is how many users it holds. */
public record ChatbotcomSegment(String id, String name, Integer users,
                                @IsoInstant Instant createdAt) {
}
