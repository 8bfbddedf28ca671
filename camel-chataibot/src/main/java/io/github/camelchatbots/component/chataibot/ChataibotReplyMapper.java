package io.github.camelchatbots.component.chataibot;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.chataibot.model.ChataibotReply;
import io.github.camelchatbots.support.json.ChatbotJson;

/**
 * Reads one bot reply from the JSON ChatAIBot delivers: a webhook request's body, or an entry of the {@code replies}
 * of a send-message answer. ChatAIBot does not document either, so the default, {@link #ASSUMED}, reads the shape this
 * component assumes (see {@link ChataibotReply}); give the {@code replyMapper} option a bean of your own when your
 * account sends another.
 */
@FunctionalInterface
public interface ChataibotReplyMapper {

    /**
     * The assumed shape: {@code conversation_id}, {@code message_id}, {@code message}, {@code from},
     * {@code created_at}.
     */
    ChataibotReplyMapper ASSUMED = payload -> {
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("a reply is a JSON object, not " + (payload == null ? "nothing"
                    : payload.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        ChataibotReply reply;
        try {
            reply = ChatbotJson.mapper().treeToValue(payload, ChataibotReply.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a reply of the assumed shape: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a reply of the assumed shape: " + e.getMessage(), e);
        }
        if (reply.message() == null) {
            throw new IllegalArgumentException("a reply without 'message'");
        }
        return reply;
    };

    /**
     * @param payload the JSON of one reply
     * @return the reply; its {@code conversationId} may be null when the payload does not say, and is then filled in
     *         where it is known (a send-message answer's conversation)
     * @throws IllegalArgumentException when the payload is not a reply; a webhook request is then answered 400
     */
    ChataibotReply toReply(JsonNode payload);
}
