package io.github.camelchatbots.simulator.chataibot;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.TestHttp;

/** JSON for assertions: objects from names and values, and requests with one field changed or removed. */
final class Json {

    static final String REMOVE = "<remove>";

    private Json() {
    }

    /** An object from alternating names and values, in that order; values are strings, booleans, numbers or null. */
    static JsonNode of(Object... namesAndValues) {
        ObjectNode node = io.github.camelchatbots.simulator.http.Json.object();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i],
                    io.github.camelchatbots.simulator.http.Json.MAPPER.valueToTree(namesAndValues[i + 1]));
        }
        return node;
    }

    /** {@code json} with the field at {@code pointer} removed ({@link #REMOVE}) or set to the JSON {@code value}. */
    static JsonNode edited(String json, String pointer, String value) {
        JsonNode root = TestHttp.json(json);
        JsonPointer path = JsonPointer.compile(pointer);
        ObjectNode parent = (ObjectNode) root.at(path.head());
        String field = path.last().getMatchingProperty();
        if (REMOVE.equals(value)) {
            parent.remove(field);
        } else {
            parent.set(field, TestHttp.json(value));
        }
        return root;
    }
}
