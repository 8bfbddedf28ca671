package io.github.camelchatbots.component.konversation.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One field and its value in a request: by namespace or by name, as the call takes it.
 *
 * @param varNs the field's namespace, e.g. {@code f131667v3}; null when named
 * @param name  the field's name; null when given by namespace
 * @param value the value; null where none is needed (clearUserFields)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationFieldValue(String varNs, String name, Object value) {

    public static KonversationFieldValue byNs(String varNs, Object value) {
        return new KonversationFieldValue(varNs, null, value);
    }

    public static KonversationFieldValue byName(String name, Object value) {
        return new KonversationFieldValue(null, name, value);
    }
}
