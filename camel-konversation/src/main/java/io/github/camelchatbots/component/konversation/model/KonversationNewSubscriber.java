package io.github.camelchatbots.component.konversation.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A subscriber to create: the request of {@code createSubscriber}, and each user of {@code createSubscribers}. A
 * phone number or an e-mail address is required.
 *
 * @param gender     male or female
 * @param image      the URL of a profile picture
 * @param tags       createSubscribers only: up to 10 existing tags, by name
 * @param userFields createSubscribers only: up to 10 user field values, by namespace
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationNewSubscriber(String firstName, String lastName, String name, String phone, String email,
                                        String gender, String image, List<TagName> tags,
                                        List<KonversationFieldValue> userFields) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TagName(String tagName) {
    }
}
