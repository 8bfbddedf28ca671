package io.github.camelchatbots.component.konversation.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The request of {@code sendText}. On WhatsApp it needs the subscriber's last message within 24 hours. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationText(String userNs, String content) {
}
