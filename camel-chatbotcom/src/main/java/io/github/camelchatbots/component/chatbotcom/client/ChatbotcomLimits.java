package io.github.camelchatbots.component.chatbotcom.client;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomCreateUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQuery;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomSessionAttributes;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUpdateUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserFilter;

/**
 * ChatBot.com's documented input limits, checked before a request is sent: a violation costs no request and its
 * message names the field and the limit, where ChatBot.com's own 400 may not say which field it was.
 */
public final class ChatbotcomLimits {

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("^[\\w-]{1,128}$");
    private static final int MAX_ATTRIBUTES = 99;
    private static final int MAX_VALUE = 1024;
    private static final int MAX_NAME_VALUE = 256;

    private ChatbotcomLimits() {
    }

    public static void check(ChatbotcomCreateUser user) {
        if (user.userId() != null) {
            length("userId", user.userId(), 1, 256);
        }
        attributes("attributes", user.attributes(), 1);
        if (user.segments() != null) {
            for (String segment : user.segments()) {
                length("segments[]", segment, 24, 24);
            }
        }
    }

    public static void check(ChatbotcomUpdateUser update) {
        attributes("attributes", update.attributes(), 1);
    }

    public static void check(ChatbotcomSessionAttributes update) {
        sessionId(update.sessionId());
        attributes("attributes", update.attributes(), 1);
    }

    public static void check(ChatbotcomQuery query) {
        sessionId(query.sessionId());
        int inputs = (query.query() != null ? 1 : 0) + (query.trigger() != null ? 1 : 0)
                     + (query.goTo() != null ? 1 : 0);
        if (inputs != 1) {
            throw invalid("exactly one of query, trigger and goto must be given"
                          + (inputs == 0 ? ", but none is" : ", but " + inputs + " are")
                          + " (the message body is the query text)");
        }
        checkFields(query);
    }

    /** The limits of each field that is set, without requiring any: what endpoint options can be checked for. */
    public static void checkFields(ChatbotcomQuery query) {
        if (query.query() != null) {
            length("query", query.query(), 1, 256);
        }
        if (query.trigger() != null) {
            length("trigger", query.trigger(), 1, 50);
        }
        if (query.goTo() != null) {
            length("goto", query.goTo(), 24, 24);
        }
        if (query.storyId() != null) {
            length("storyId", query.storyId(), 24, 24);
        }
        if (query.confidence() != null && (query.confidence() < 0.1 || query.confidence() > 1.0)) {
            throw invalid("confidence must be between 0.1 and 1.0, not " + query.confidence());
        }
        if (query.lifespan() != null && (query.lifespan() < 1 || query.lifespan() > 10)) {
            throw invalid("lifespan must be between 1 and 10, not " + query.lifespan());
        }
        if (query.parameters() != null) {
            attributes("parameters", query.parameters(), 0);
        }
    }

    public static void check(UserListing listing) {
        limit(listing.limit());
        oneOf("sortField", listing.sortField(), "createdAt", "lastSeen");
        oneOf("sortOrder", listing.sortOrder(), "asc", "desc");
        oneOf("match", listing.match(), "all", "any");
        check(listing.filters());
    }

    private static void oneOf(String field, String value, String... allowed) {
        if (value != null && !List.of(allowed).contains(value)) {
            throw invalid(field + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
        }
    }

    public static void check(List<ChatbotcomUserFilter> filters) {
        if (filters.size() > 5) {
            throw invalid("filters takes 1 to 5 conditions, not " + filters.size());
        }
        for (ChatbotcomUserFilter filter : filters) {
            if (filter.attribute() == null || !ATTRIBUTE_NAME.matcher(filter.attribute()).matches()) {
                throw invalid("filters: attribute '" + filter.attribute() + "' must match " + ATTRIBUTE_NAME);
            }
            if (filter.operator() == null || filter.operator().isBlank()) {
                throw invalid("filters: the condition on " + filter.attribute() + " has no operator");
            }
        }
    }

    public static void limit(int limit) {
        if (limit < 1 || limit > 40) {
            throw invalid("limit must be between 1 and 40, not " + limit);
        }
    }

    public static void sessionId(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw invalid("sessionId is required: set the sessionId option, the CamelChatbotcomSessionId header or"
                          + " the request's sessionId");
        }
        length("sessionId", sessionId, 10, 64);
    }

    private static void attributes(String field, Map<String, String> attributes, int minimum) {
        if (attributes == null || attributes.size() < minimum) {
            throw invalid(field + " must hold " + minimum + " to " + MAX_ATTRIBUTES + " entries, not "
                          + (attributes == null ? "none" : attributes.size()));
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw invalid(field + " must hold at most " + MAX_ATTRIBUTES + " entries, not " + attributes.size());
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String name = attribute.getKey();
            if (name == null || !ATTRIBUTE_NAME.matcher(name).matches()) {
                throw invalid(field + ": the name '" + name + "' must match " + ATTRIBUTE_NAME
                              + " (letters, digits, _ and -, at most 128)");
            }
            if (attribute.getValue() != null) {
                int max = "default_name".equals(name) ? MAX_NAME_VALUE : MAX_VALUE;
                length(field + "." + name, attribute.getValue(), 1, max);
            }
        }
    }

    private static void length(String field, String value, int min, int max) {
        int length = value == null ? 0 : value.length();
        if (length < min || length > max) {
            String limit = min == max ? "exactly " + min : min + " to " + max;
            throw invalid(field + " must be " + limit + " characters long, not " + length);
        }
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("ChatBot.com: " + problem);
    }
}
