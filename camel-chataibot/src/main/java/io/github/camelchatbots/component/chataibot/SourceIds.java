package io.github.camelchatbots.component.chataibot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import io.github.camelchatbots.support.Texts;

/** Knowledge-base source ids as ChatAIBot numbers them, read strictly from wherever they are given. */
final class SourceIds {

    private SourceIds() {
    }

    /**
     * @param source where the text came from, for the error, e.g. {@code option sourceIds}
     * @throws IllegalArgumentException naming the source and quoting the text unless every part is an id
     */
    static List<Long> parse(String source, String text) {
        List<Object> parts = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            parts.add(part);
        }
        return of(source, parts, text);
    }

    /** Ids from a list of numbers or texts, each read as {@link #parse} reads one. */
    static List<Long> of(String source, Collection<?> values, Object given) {
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (Object value : values) {
            Long id = id(value);
            if (id == null) {
                throw new IllegalArgumentException("ChatAIBot: " + source + " must be source ids separated by commas,"
                                                   + " e.g. 330783,330784, not " + Texts.quote(given));
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("ChatAIBot: " + source + " names no source id");
        }
        return List.copyOf(ids);
    }

    private static Long id(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            long id = ((Number) value).longValue();
            return id > 0 ? id : null;
        }
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long id = Long.parseLong(text);
        return id > 0 ? id : null;
    }
}
