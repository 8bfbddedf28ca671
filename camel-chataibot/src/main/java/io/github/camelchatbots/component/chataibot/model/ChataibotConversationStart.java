package io.github.camelchatbots.component.chataibot.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.camelchatbots.support.json.IsoInstant;

/**
 * ChatAIBot's answer to a conversation start: the conversation and the visitor's contact. It carries no bot reply;
 * the replies to the first message come like any other (see the {@code replies} consumer).
 */
public record ChataibotConversationStart(Conversation conversation, ChataibotContact contact) {

    /** The new conversation's id, null when the answer has no conversation. */
    public String conversationId() {
        return conversation == null ? null : conversation.id();
    }

    /** The visitor's key, {@code <user_external_id>_<account id>}, null when the answer has no contact. */
    public String visitorKey() {
        return contact == null ? null : contact.visitorKey();
    }

    /**
     * @param createdAt when ChatAIBot created it (it sends {@code 2025-02-10 20:21:03.913000}, UTC)
     * @param assignee  the bot user the conversation is assigned to
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Conversation(String id, @IsoInstant Instant createdAt, Assignee assignee) {
    }

    /**
     * @param id the bot user's id
     * @param to the bot user's e-mail address
     */
    public record Assignee(String id, String to) {
    }
}
