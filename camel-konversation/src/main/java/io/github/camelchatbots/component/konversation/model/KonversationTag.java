package io.github.camelchatbots.component.konversation.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A flow tag, as {@code tags} lists it and {@code createTag} creates it; also the request of {@code createTag} and
 * {@code deleteTag}.
 *
 * @param tagNs the tag's namespace, e.g. {@code f131667t5}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationTag(String name, String tagNs, @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationTag {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    public static KonversationTag named(String name) {
        return new KonversationTag(name, null, null);
    }
}
