package io.github.camelchatbots.component.chataibot.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What {@code sendMessage} returns: where the message went, ChatAIBot's id of it, and the bot's replies when they came
 * back in the answer.
 *
 * @param conversationId the conversation the message went to
 * @param messageId      ChatAIBot's {@code message_id}; null when the message started the conversation, whose answer
 *                       gives none
 * @param replies        the bot's replies that came in the answer, oldest first; empty when ChatAIBot delivers them
 *                       otherwise (the webhook)
 * @param start          the conversation start's answer when this message started the conversation, else null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChataibotMessageSent(String conversationId, String messageId, List<ChataibotReply> replies,
                                   ChataibotConversationStart start) {

    public ChataibotMessageSent {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    /** Whether this message started the conversation. */
    public boolean startedConversation() {
        return start != null;
    }
}
