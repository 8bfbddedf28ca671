package io.github.camelchatbots.component.konversation.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The request of {@code updateSubscriber}: the fields to change; those left null stay as they are. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationSubscriberUpdate(String userNs, String firstName, String lastName, String name,
                                           String phone, String email, String gender, String image) {
}
