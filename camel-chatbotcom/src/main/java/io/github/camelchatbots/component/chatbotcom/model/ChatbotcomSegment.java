package io.github.camelchatbots.component.chatbotcom.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelchatbots.support.json.FlexibleInstantDeserializer;

/** A user segment; {@code users} is how many users it holds. */
public record ChatbotcomSegment(String id, String name, Integer users,
                                @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant createdAt) {
}
