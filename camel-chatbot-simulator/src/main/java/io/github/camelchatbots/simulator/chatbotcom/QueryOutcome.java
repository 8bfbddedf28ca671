package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the answer to a chat-with-bot request shows.
 *
 * @param debug what the bot did, or {@code null} when the request did not ask for it
 */
record QueryOutcome(String sessionId, String resolvedQuery, double confidence, double score, int lifespan,
        String storyId, Interaction interaction, Map<String, String> parameters, Map<String, String> sessionParameters,
        List<Interaction> contexts, List<Fulfillment> fulfillment, List<String> debug, Instant timestamp) {

    /** ChatBot.com's widget shows each bot message after this many milliseconds unless the webhook says otherwise. */
    static final int DEFAULT_DELAY_MILLIS = 1000;

    record Fulfillment(String type, int delay, String message) {
    }
}
