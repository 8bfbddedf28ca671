package io.github.camelchatbots.simulator.chatbotcom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Request;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads request bodies field by field and answers 400 naming the field that breaks the documented rules. A JSON
 * {@code null} counts as an absent field, since many client serializers write one for every unset property.
 */
final class Fields {

    private Fields() {
    }

    static ObjectNode body(Request request) {
        try {
            JsonNode json = Json.MAPPER.readTree(request.body());
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // answered below, like any other body that is not an object
        }
        throw ApiError.badRequest("body must be a JSON object");
    }

    static boolean present(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && !node.isNull();
    }

    /** The string, or {@code null} when the field is absent and not required. */
    static String string(ObjectNode body, String field, int minLength, int maxLength, boolean required) {
        if (!present(body, field)) {
            if (required) {
                throw ApiError.badRequest(field + " is required");
            }
            return null;
        }
        JsonNode node = body.get(field);
        if (!node.isTextual() || node.textValue().length() < minLength || node.textValue().length() > maxLength) {
            String length = minLength == maxLength ? "exactly " + minLength : minLength + " to " + maxLength;
            throw ApiError.badRequest(field + " must be a string of " + length + " characters");
        }
        return node.textValue();
    }

    /** The boolean, or {@code null} when the field is absent. */
    static Boolean bool(ObjectNode body, String field) {
        if (!present(body, field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (!node.isBoolean()) {
            throw ApiError.badRequest(field + " must be true or false");
        }
        return node.booleanValue();
    }

    /** A required attributes object, checked against {@link AttributeRules#checkAttributes}. */
    static Map<String, String> attributes(ObjectNode body, String field) {
        if (!present(body, field)) {
            throw ApiError.badRequest(field + " is required");
        }
        Map<String, String> attributes = stringMap(body.get(field), field, true);
        AttributeRules.checkAttributes(field, attributes);
        return attributes;
    }

    /** An optional parameters object, checked against {@link AttributeRules#checkParameters}; empty when absent. */
    static Map<String, String> parameters(ObjectNode body, String field) {
        if (!present(body, field)) {
            return Map.of();
        }
        Map<String, String> parameters = stringMap(body.get(field), field, false);
        AttributeRules.checkParameters(field, parameters);
        return parameters;
    }

    private static Map<String, String> stringMap(JsonNode node, String field, boolean nullable) {
        if (!node.isObject()) {
            throw ApiError.badRequest(field + " must be an object");
        }
        // LinkedHashMap: it keeps the client's order and, unlike Map.copyOf, allows the null that unsets a value.
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value.isTextual() || value.isNull() && nullable) {
                map.put(entry.getKey(), value.isNull() ? null : value.textValue());
            } else {
                throw ApiError.badRequest(AttributeRules.valueRule(field, entry.getKey(), nullable));
            }
        }
        return map;
    }
}
