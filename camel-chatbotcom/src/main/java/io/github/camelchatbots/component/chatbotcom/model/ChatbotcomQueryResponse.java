package io.github.camelchatbots.component.chatbotcom.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.json.IsoInstant;

/** ChatBot.com's answer to one turn of a conversation. */
public record ChatbotcomQueryResponse(Result result, String sessionId, @IsoInstant Instant timestamp, ChatbotcomStatus status) {

    /**
     * What the bot made of the turn.
     *
     * @param resolvedQuery     the text, trigger or interaction the turn resolved to
     * @param score             how well it matched
     * @param interaction       the interaction that answered
     * @param parameters        the turn's parameters
     * @param sessionParameters the session's attributes after the turn
     * @param contexts          the contexts now active
     * @param fulfillment       what the bot says, in order
     * @param debug             the actions taken, when asked for
     */
    public record Result(
            String source,
            String resolvedQuery,
            Double confidence,
            Double score,
            Integer lifespan,
            Boolean incomplete,
            String storyId,
            Interaction interaction,
            Map<String, Object> parameters,
            Map<String, Object> sessionParameters,
            List<Context> contexts,
            List<ChatbotcomMessagePart> fulfillment,
            JsonNode debug) {
    }

    public record Interaction(String id, String name, String action) {
    }

    public record Context(String id, String name, String action, Map<String, Object> parameters) {
    }

    /** The interaction's name, or null when the answer names none. */
    public String interactionName() {
        return result == null || result.interaction() == null ? null : result.interaction().name();
    }

    /** The bot's messages as text, in order; parts without text are left out. */
    public List<String> messages() {
        if (result == null || result.fulfillment() == null) {
            return List.of();
        }
        return result.fulfillment().stream().map(ChatbotcomMessagePart::message)
                .filter(message -> message != null).toList();
    }
}
