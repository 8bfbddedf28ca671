package io.github.camelchatbots.simulator.konversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Request;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's input the way Laravel sees it: the query string and the JSON body merged into one set of fields (the
 * body wins), so a GET reads its query and a DELETE its body alike. A body that is not a JSON object is no input at
 * all, and then the required fields are reported missing, as on the platform. Empty strings count as absent, like
 * Laravel's ConvertEmptyStringsToNull, except where a value may be blank.
 *
 * <p>An item of an array reads like the request itself but names its fields with their path, e.g.
 * {@code data.3.tag_ns}, in every message.
 */
final class Input {

    private final ObjectNode fields;
    private final String prefix;

    private Input(ObjectNode fields, String prefix) {
        this.fields = fields;
        this.prefix = prefix;
    }

    static Input of(Request request) {
        ObjectNode merged = Json.object();
        for (String pair : request.recorded().query().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (!merged.has(name)) {
                merged.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        String body = request.body();
        if (!body.isBlank()) {
            try {
                if (Json.MAPPER.readTree(body) instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            } catch (JsonProcessingException e) {
                // no input, as on the platform: the missing fields are reported instead
            }
        }
        return new Input(merged, "");
    }

    /** The field's name as messages show it. */
    String name(String field) {
        return prefix + field;
    }

    boolean present(String field) {
        JsonNode node = fields.get(field);
        return node != null && !node.isNull() && !(node.isTextual() && node.textValue().isEmpty());
    }

    /** A string, or {@code null} when absent; numbers and booleans are taken as their text. */
    String string(String field) {
        if (!present(field)) {
            return null;
        }
        JsonNode node = fields.get(field);
        if (!node.isValueNode()) {
            throw ApiError.mustBe(name(field), "a string");
        }
        return node.asText();
    }

    String requiredString(String field) {
        String value = string(field);
        if (value == null) {
            throw ApiError.required(name(field));
        }
        return value;
    }

    /**
     * A field value: required, but unlike the other strings it may be blank. Arrays are kept as their JSON text,
     * since array fields store one.
     */
    String value(String field) {
        JsonNode node = fields.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.required(name(field));
        }
        if (node.isArray()) {
            return node.toString();
        }
        if (!node.isValueNode()) {
            throw ApiError.mustBe(name(field), "a string");
        }
        return node.asText();
    }

    /** A whole number within {@code min..max}, written as a number or as digits; {@code null} when absent. */
    Long integer(String field, long min, long max) {
        if (!present(field)) {
            return null;
        }
        JsonNode node = fields.get(field);
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isTextual() && node.textValue().trim().matches("-?\\d{1,18}")) {
            value = Long.parseLong(node.textValue().trim());
        } else {
            throw ApiError.mustBe(name(field), "an integer");
        }
        if (value < min || value > max) {
            throw ApiError.between(name(field), min, max);
        }
        return value;
    }

    int integer(String field, int min, int max, int defaultValue) {
        Long value = integer(field, min, max);
        return value == null ? defaultValue : value.intValue();
    }

    int requiredInteger(String field, int min, int max) {
        Long value = integer(field, min, max);
        if (value == null) {
            throw ApiError.required(name(field));
        }
        return value.intValue();
    }

    /** A non-negative number, e.g. a price; {@code null} when absent. */
    BigDecimal amount(String field) {
        if (!present(field)) {
            return null;
        }
        JsonNode node = fields.get(field);
        try {
            BigDecimal amount = node.isNumber() ? node.decimalValue()
                    : node.isTextual() ? new BigDecimal(node.textValue().trim()) : null;
            if (amount != null && amount.signum() >= 0) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.mustBe(name(field), "a number of at least 0");
    }

    /** One of the choices, or {@code null} when absent. */
    String oneOf(String field, List<String> choices) {
        String value = string(field);
        if (value != null && !choices.contains(value)) {
            throw ApiError.oneOf(name(field), choices);
        }
        return value;
    }

    /** Laravel's boolean rule: true, false, 1, 0, "1", "0", "true" or "false"; {@code defaultValue} when absent. */
    boolean flag(String field, boolean defaultValue) {
        if (!present(field)) {
            return defaultValue;
        }
        String text = fields.get(field).asText();
        return switch (text) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw ApiError.mustBe(name(field), "true or false (1 or 0)");
        };
    }

    /** An array of objects, each read as an item named {@code <field>.<index>.}; empty when absent. */
    List<Input> items(String field, int max, boolean required) {
        List<Input> items = new ArrayList<>();
        int index = 0;
        for (JsonNode element : array(field, max, required)) {
            if (!(element instanceof ObjectNode object)) {
                throw ApiError.mustBe(name(field) + "." + index, "an object");
            }
            items.add(new Input(object, name(field) + "." + index + "."));
            index++;
        }
        return items;
    }

    /** An array of strings; empty when absent. */
    List<String> strings(String field, int max, boolean required) {
        List<String> values = new ArrayList<>();
        int index = 0;
        for (JsonNode element : array(field, max, required)) {
            if (!element.isValueNode() || element.isNull() || element.asText().isEmpty()) {
                throw ApiError.mustBe(name(field) + "." + index, "a non-empty string");
            }
            values.add(element.asText());
            index++;
        }
        return values;
    }

    /** The raw JSON of a field, or {@code null}. */
    JsonNode json(String field) {
        JsonNode node = fields.get(field);
        return node == null || node.isNull() ? null : node;
    }

    /** A nested object read as an item named {@code <field>.}, or {@code null} when absent. */
    Input object(String field, boolean required) {
        JsonNode node = json(field);
        if (node == null) {
            if (required) {
                throw ApiError.required(name(field));
            }
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiError.mustBe(name(field), "an object");
        }
        return new Input(object, name(field) + ".");
    }

    private JsonNode array(String field, int max, boolean required) {
        JsonNode node = json(field);
        if (node == null || node.isArray() && node.isEmpty()) {
            if (required) {
                throw ApiError.required(name(field));
            }
            return Json.MAPPER.createArrayNode();
        }
        if (!node.isArray()) {
            throw ApiError.mustBe(name(field), "an array");
        }
        if (node.size() > max) {
            throw ApiError.tooMany(name(field), max);
        }
        return node;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
