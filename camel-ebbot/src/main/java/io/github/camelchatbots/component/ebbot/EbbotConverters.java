package io.github.camelchatbots.component.ebbot;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.component.ebbot.model.EbbotChatId;
import io.github.camelchatbots.component.ebbot.model.EbbotMessage;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.model.ChatConversation;
import io.github.camelchatbots.support.model.ChatMessage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatTranscript;
import org.apache.camel.Converter;

/**
 * Camel type converters from Ebbot's records to the vendor-neutral chat model, so that
 * {@code convertBodyTo(ChatTranscript.class)} serves a route whatever the vendor.
 */
@Converter(generateLoader = true)
public final class EbbotConverters {

    static final String VENDOR = "ebbot";

    private EbbotConverters() {
    }

    @Converter
    public static ChatConversation toConversation(EbbotChat chat) {
        String userId = chat.chatUser() != null && chat.chatUser().id() != null ? chat.chatUser().id()
                : chat.chatUserId();
        return new ChatConversation(VENDOR, chat.id(), userId, userName(chat), chat.status(), chat.creationTime(),
                chat.lastActivity());
    }

    @Converter
    public static ChatMessage toMessage(EbbotMessage message) {
        return new ChatMessage(VENDOR, message.chatId(), message.messageId(),
                ChatParticipant.fromVendorName(message.sender()), message.sender(), message.text(),
                message.timestamp());
    }

    @Converter
    public static ChatTranscript toTranscript(EbbotTranscript transcript) {
        EbbotChat chat = transcript.chat();
        ChatConversation conversation = chat != null
                ? toConversation(chat)
                : new ChatConversation(VENDOR, transcript.chatId(), null, null, null,
                        EbbotChatId.creationTime(transcript.chatId()), null);
        if (conversation.lastActivityAt() == null || (transcript.lastMessageTime() != null
                                                      && transcript.lastMessageTime().isAfter(conversation.lastActivityAt()))) {
            conversation = new ChatConversation(VENDOR, conversation.conversationId(), conversation.userId(),
                    conversation.userName(), conversation.status(), conversation.startedAt(),
                    transcript.lastMessageTime());
        }
        List<ChatMessage> messages = transcript.messages().stream().map(EbbotConverters::toMessage).toList();
        return new ChatTranscript(conversation, messages);
    }

    /** Ebbot keeps the user's details as a JSON document inside a string; a name is read from it if there. */
    private static String userName(EbbotChat chat) {
        if (chat.chatUser() == null || chat.chatUser().info() == null) {
            return null;
        }
        try {
            JsonNode info = ChatbotJson.mapper().readTree(chat.chatUser().info());
            for (String field : new String[] { "name", "full_name", "first_name" }) {
                if (info.hasNonNull(field)) {
                    return info.get(field).asText();
                }
            }
        } catch (Exception notJson) {
            // info is free-form; a user without a readable name is still a user
        }
        return null;
    }
}
