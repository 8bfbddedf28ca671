package io.github.camelchatbots.component.konversation.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The request of {@code addTags} and {@code removeTags}: up to 20 tags, by namespace or by name.
 *
 * @param tagNs    tag namespaces, e.g. {@code f131667t5}
 * @param tagNames tag names, when not given by namespace
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationTagChange(String userNs, List<String> tagNs, List<String> tagNames) {

    public static KonversationTagChange byName(String userNs, String... tagNames) {
        return new KonversationTagChange(userNs, null, List.of(tagNames));
    }
}
