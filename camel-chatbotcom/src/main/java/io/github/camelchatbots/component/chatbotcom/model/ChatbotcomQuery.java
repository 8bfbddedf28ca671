package io.github.camelchatbots.component.chatbotcom.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One turn of a conversation with the bot ({@code POST /query}). Exactly one of {@code query}, {@code trigger} and
 * {@code goTo} is set.
 *
 * @param sessionId  the conversation, chosen by the caller (10 to 64 characters)
 * @param query      what the user says (1 to 256 characters)
 * @param trigger    the name of a trigger to fire (1 to 50 characters)
 * @param goTo       the id of an interaction to jump to (24 characters); {@code goto} in JSON
 * @param confidence how sure the bot must be to match (0.1 to 1.0; ChatBot.com's default 0.5)
 * @param lifespan   how many unmatched turns a context lives (1 to 10; default 2)
 * @param reset      whether to clear the session's contexts first
 * @param storyId    the story to talk to (24 characters)
 * @param parameters attributes the bot's answers may use (at most 99)
 * @param debug      whether to ask for the actions taken
 */
public record ChatbotcomQuery(
        String sessionId,
        String query,
        String trigger,
        @JsonProperty("goto") String goTo,
        Double confidence,
        Integer lifespan,
        Boolean reset,
        String storyId,
        Map<String, String> parameters,
        Boolean debug) {

    public static ChatbotcomQuery text(String sessionId, String text) {
        return new ChatbotcomQuery(sessionId, text, null, null, null, null, null, null, null, null);
    }

    public static ChatbotcomQuery trigger(String sessionId, String trigger) {
        return new ChatbotcomQuery(sessionId, null, trigger, null, null, null, null, null, null, null);
    }

    /** Fills in what this query leaves open from {@code defaults}; what it sets itself wins. */
    public ChatbotcomQuery orElse(ChatbotcomQuery defaults) {
        boolean hasInput = query != null || trigger != null || goTo != null;
        return new ChatbotcomQuery(
                sessionId != null ? sessionId : defaults.sessionId,
                hasInput ? query : defaults.query,
                hasInput ? trigger : defaults.trigger,
                hasInput ? goTo : defaults.goTo,
                confidence != null ? confidence : defaults.confidence,
                lifespan != null ? lifespan : defaults.lifespan,
                reset != null ? reset : defaults.reset,
                storyId != null ? storyId : defaults.storyId,
                parameters != null ? parameters : defaults.parameters,
                debug != null ? debug : defaults.debug);
    }
}
