package io.github.camelchatbots.component.ebbot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.github.camelchatbots.support.model.ChatUser;
import io.github.camelchatbots.support.model.Instants;
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
        return new ChatConversation(VENDOR, chat.id(), userId(chat), userName(userInfo(chat)), chat.status(),
                chat.creationTime(), chat.lastActivity());
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
        conversation = new ChatConversation(VENDOR, conversation.conversationId(), conversation.userId(),
                conversation.userName(), conversation.status(), conversation.startedAt(),
                Instants.latest(conversation.lastActivityAt(), transcript.lastMessageTime()));
        List<ChatMessage> messages = transcript.messages().stream().map(EbbotConverters::toMessage).toList();
        return new ChatTranscript(conversation, messages);
    }

    /**
     * The chat's end user, for routes that feed a CRM. Ebbot has no user API; what it knows of a user comes with the
     * chat. Null (no conversion) when the chat names no user.
     */
    @Converter(allowNull = true)
    public static ChatUser toUser(EbbotChat chat) {
        String userId = userId(chat);
        if (userId == null) {
            return null;
        }
        Map<String, String> info = userInfo(chat);
        return new ChatUser(VENDOR, userId, chat.userId(), userName(info), first(info, "email", "e-mail", "mail"),
                chat.creationTime(), chat.lastActivity(), info);
    }

    private static String userId(EbbotChat chat) {
        return chat.chatUser() != null && chat.chatUser().id() != null ? chat.chatUser().id() : chat.chatUserId();
    }

    private static String userName(Map<String, String> info) {
        String name = first(info, "name", "full_name", "fullName");
        if (name != null) {
            return name;
        }
        String firstName = first(info, "first_name", "firstName");
        String lastName = first(info, "last_name", "lastName");
        return firstName == null ? lastName : lastName == null ? firstName : firstName + " " + lastName;
    }

    private static String first(Map<String, String> info, String... fields) {
        for (String field : fields) {
            String value = info.get(field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /**
     * Ebbot keeps the user's details as a JSON document inside a string ({@code chat_user.info}); its fields are
     * free-form, so each is kept as text and an unreadable document as none.
     */
    private static Map<String, String> userInfo(EbbotChat chat) {
        Map<String, String> info = new LinkedHashMap<>();
        if (chat.chatUser() == null || chat.chatUser().info() == null) {
            return info;
        }
        try {
            JsonNode document = ChatbotJson.mapper().readTree(chat.chatUser().info());
            document.fields().forEachRemaining(field -> info.put(field.getKey(),
                    field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        } catch (Exception notJson) {
            // free-form text: a user without readable details is still a user
        }
        return info;
    }
}
