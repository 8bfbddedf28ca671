package io.github.camelchatbots.component.konversation.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The request of {@code setUserFields}, {@code clearUserFields} and {@code setBotFields}: up to 20 fields, all by
 * namespace or all by name.
 *
 * @param userNs the subscriber, for the user field calls
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationFieldValues(String userNs, List<KonversationFieldValue> data) {
}
