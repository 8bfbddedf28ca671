package io.github.camelchatbots.component.konversation.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What konversation answers a write that returns nothing else: {@code {"status":"ok"}} (the spec's ResponseOk).
 *
 * @param status  {@code ok}
 * @param message a message konversation may add
 * @param other   every further field, as konversation sent it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationResult(String status, String message,
                                 @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationResult {
        other = other == null ? new LinkedHashMap<>() : other;
    }
}
