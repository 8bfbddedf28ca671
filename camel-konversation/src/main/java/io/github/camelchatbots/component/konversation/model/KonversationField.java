package io.github.camelchatbots.component.konversation.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A user field (a subscriber's custom field) or a bot field (a global variable of the bot), as the flow lists show
 * them and a subscriber carries them; also the request of {@code createUserField}, {@code updateUserField} and
 * {@code createBotField} (whose {@code display_type} goes in {@code other}).
 *
 * @param varNs           the field's namespace, e.g. {@code f131667v3}
 * @param varType         text, number, boolean, date, datetime, array or longtext
 * @param value           the value: for a bot field the bot's, on a subscriber the subscriber's; konversation sends
 *                        text, numbers or booleans
 * @param isTemplateField for bot fields, whether the field is one of the template's
 * @param other           every further field, as konversation sent it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationField(String name, String varNs, String varType, String description, Object value,
                                Boolean isTemplateField,
                                @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationField {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** The value as text, as konversation compares and stores it; null when unset. */
    public String valueText() {
        return value == null ? null : value.toString();
    }
}
