package io.github.camelchatbots.simulator.chatbotcom;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chat-with-bot request, already checked against the documented limits.
 *
 * @param input the message text, the trigger name or the interaction id, depending on {@code kind}
 */
record QueryRequest(String sessionId, Kind kind, String input, double confidence, int lifespan, boolean reset,
        String storyId, Map<String, String> parameters, boolean debug) {

    static final double DEFAULT_CONFIDENCE = 0.5;
    static final int DEFAULT_LIFESPAN = 2;

    /** The three mutually exclusive ways of telling the bot what happened, by their field names. */
    enum Kind {
        QUERY("query"),
        TRIGGER("trigger"),
        GOTO("goto");

        final String field;

        Kind(String field) {
            this.field = field;
        }
    }

    QueryRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** What a chat widget sends: defaults for everything but the message. */
    static QueryRequest of(String sessionId, Kind kind, String input, Map<String, String> parameters) {
        return new QueryRequest(sessionId, kind, input, DEFAULT_CONFIDENCE, DEFAULT_LIFESPAN, false, null, parameters,
                false);
    }
}
