package io.github.camelchatbots.simulator.chataibot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Request;

/**
 * Reads JSON request bodies field by field and answers 400 naming the field, by its dotted path (e.g.
 * {@code from.user_external_id}), that is missing or wrong. A JSON {@code null} counts as absent, since many client
 * serializers write one for every unset property; fields the API does not know are ignored.
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

    /** The object at {@code path}, the last part of which names the field in {@code parent}; null when optional. */
    static ObjectNode object(ObjectNode parent, String path, boolean required) {
        JsonNode node = field(parent, path);
        if (node == null) {
            if (required) {
                throw ApiError.badRequest(path + " is required");
            }
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiError.badRequest(path + " must be an object");
        }
        return object;
    }

    /** A string that must not be blank. */
    static String requiredText(ObjectNode parent, String path) {
        JsonNode node = field(parent, path);
        if (node == null) {
            throw ApiError.badRequest(path + " is required");
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw ApiError.badRequest(path + " must be a non-empty string");
        }
        return node.textValue();
    }

    /** A string, possibly empty, or {@code null} when absent. */
    static String optionalText(ObjectNode parent, String path) {
        JsonNode node = field(parent, path);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest(path + " must be a string");
        }
        return node.textValue();
    }

    /** A required field whose only allowed value is {@code expected}, like {@code "channel":"API"}. */
    static void constant(ObjectNode parent, String path, String expected) {
        JsonNode node = field(parent, path);
        if (node == null) {
            throw ApiError.badRequest(path + " is required");
        }
        if (!node.isTextual() || !node.textValue().equals(expected)) {
            throw ApiError.badRequest(path + " must be \"" + expected + "\"");
        }
    }

    /** A text message: {@code {"data":{"body":"..."},"type":"text"}}, the only kind the API channel documents. */
    static String textMessage(ObjectNode parent, String path) {
        ObjectNode message = object(parent, path, true);
        constant(message, path + ".type", "text");
        ObjectNode data = object(message, path + ".data", true);
        return requiredText(data, path + ".data.body");
    }

    private static JsonNode field(ObjectNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
        return node == null || node.isNull() ? null : node;
    }
}
