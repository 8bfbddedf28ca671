package io.github.camelchatbots.component.chataibot.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A visitor's contact: what a start request tells ChatAIBot in {@code variables.contact}, and what its answer says it
 * knows of the visitor.
 *
 * @param visitorKey ChatAIBot's key of the visitor, {@code <user_external_id>_<account id>}; only in answers
 * @param other      every further field, as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "name", "email", "phone", "visitor_key" })
public record ChataibotContact(String name, String email, String phone, String visitorKey,
                               @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public ChataibotContact {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** What a visitor tells about themselves; any of the three may be null. */
    public static ChataibotContact of(String name, String email, String phone) {
        return new ChataibotContact(name, email, phone, null, null);
    }
}
