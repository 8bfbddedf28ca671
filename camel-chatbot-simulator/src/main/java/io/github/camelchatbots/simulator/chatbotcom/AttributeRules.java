package io.github.camelchatbots.simulator.chatbotcom;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * ChatBot.com's documented limits for attribute and parameter maps, shared by the HTTP API and the Java API so that
 * data arranged by a test obeys the same rules as data a client sends.
 */
final class AttributeRules {

    private static final int MAX_ENTRIES = 99;
    private static final String KEY_PATTERN = "^[\\w-]{1,128}$";

    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);
    private static final int MAX_VALUE_LENGTH = 1024;
    private static final int MAX_NAME_LENGTH = 256;

    private AttributeRules() {
    }

    /** User and session attributes: 1 to 99 entries; a {@code null} value unsets the attribute. */
    static void checkAttributes(String field, Map<String, String> attributes) {
        if (attributes.isEmpty() || attributes.size() > MAX_ENTRIES) {
            throw ApiError.badRequest(field + " must have between 1 and " + MAX_ENTRIES + " entries");
        }
        attributes.forEach((key, value) -> {
            checkKey(field, key);
            if (value != null && !validLength(key, value)) {
                throw ApiError.badRequest(valueRule(field, key, true));
            }
        });
    }

    /** Query parameters: at most 99 entries, and every value is a string. */
    static void checkParameters(String field, Map<String, String> parameters) {
        if (parameters.size() > MAX_ENTRIES) {
            throw ApiError.badRequest(field + " must have at most " + MAX_ENTRIES + " entries");
        }
        parameters.forEach((key, value) -> {
            checkKey(field, key);
            if (value == null || !validLength(key, value)) {
                throw ApiError.badRequest(valueRule(field, key, false));
            }
        });
    }

    /** Applies attribute changes the way ChatBot.com's updates do: a {@code null} value unsets the attribute. */
    static void merge(Map<String, String> target, Map<String, String> changes) {
        changes.forEach((name, value) -> {
            if (value == null) {
                target.remove(name);
            } else {
                target.put(name, value);
            }
        });
    }

    /** The message for a value that breaks the rules, also used when it is not a string at all. */
    static String valueRule(String field, String key, boolean nullable) {
        int max = key.equals("default_name") ? MAX_NAME_LENGTH : MAX_VALUE_LENGTH;
        return field + "." + key + " must be a string of 1 to " + max + " characters" + (nullable ? " or null" : "");
    }

    private static void checkKey(String field, String key) {
        if (!KEY.matcher(key).matches()) {
            throw ApiError.badRequest(field + " key '" + key + "' must match " + KEY_PATTERN);
        }
    }

    private static boolean validLength(String key, String value) {
        int max = key.equals("default_name") ? MAX_NAME_LENGTH : MAX_VALUE_LENGTH;
        return !value.isEmpty() && value.length() <= max;
    }
}
