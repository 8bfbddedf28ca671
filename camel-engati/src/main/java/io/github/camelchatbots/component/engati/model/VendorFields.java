package io.github.camelchatbots.component.engati.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelchatbots.support.json.ChatbotJson;

/** The fields of an answer that a record has no component for, kept in the order Engati sent them. */
final class VendorFields {

    private VendorFields() {
    }

    static Map<String, Object> kept(Map<String, Object> fields) {
        return fields == null || fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A field's value as text: scalars as written, lists and objects as JSON; {@code null} stays {@code null}. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            try {
                return ChatbotJson.mapper().writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return value.toString();
            }
        }
        return value.toString();
    }
}
