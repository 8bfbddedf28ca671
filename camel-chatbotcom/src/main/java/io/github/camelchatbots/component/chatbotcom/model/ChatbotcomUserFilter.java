package io.github.camelchatbots.component.chatbotcom.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One condition of a users list filter.
 *
 * @param attribute the user attribute, e.g. {@code default_email}
 * @param operator  e.g. {@code is}, {@code isNot}, {@code contains}, {@code startsWith}, {@code isSet}
 * @param value     the value compared with; null for operators that take none
 */
public record ChatbotcomUserFilter(String attribute, String operator, String value) {

    /**
     * Reads the {@code filters} option: conditions separated by {@code ;}, each {@code attribute:operator:value} or
     * {@code attribute:operator}. Attribute names cannot hold a colon, so the value is everything after the second.
     */
    public static List<ChatbotcomUserFilter> parseAll(String text) {
        List<ChatbotcomUserFilter> filters = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return filters;
        }
        for (String condition : text.split(";")) {
            if (condition.isBlank()) {
                continue;
            }
            String[] parts = condition.trim().split(":", 3);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("ChatBot.com: filters: '" + condition.trim() + "' is not"
                                                   + " attribute:operator:value (e.g. default_country:is:Poland)");
            }
            filters.add(new ChatbotcomUserFilter(parts[0].trim(), parts[1].trim(), parts.length == 3 ? parts[2] : null));
        }
        return filters;
    }
}
