package io.github.camelchatbots.component.konversation.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A sub flow of the bot.
 *
 * @param subFlowNs the sub flow's namespace, e.g. {@code f131667s2}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationSubFlow(String name, String subFlowNs,
                                  @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationSubFlow {
        other = other == null ? new LinkedHashMap<>() : other;
    }
}
