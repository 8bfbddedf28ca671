package io.github.camelchatbots.component.chatbotcom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomChat;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserDetails;
import io.github.camelchatbots.support.model.ChatConversation;
import io.github.camelchatbots.support.model.ChatMessage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatTranscript;
import io.github.camelchatbots.support.model.ChatUser;
import org.apache.camel.Converter;

/**
 * Camel type converters from ChatBot.com's records to the vendor-neutral chat model, so that
 * {@code convertBodyTo(ChatTranscript.class)} serves a route whatever the vendor.
 */
@Converter(generateLoader = true)
public final class ChatbotcomConverters {

    static final String VENDOR = "chatbotcom";

    private ChatbotcomConverters() {
    }

    @Converter
    public static ChatUser toUser(ChatbotcomUser user) {
        return new ChatUser(VENDOR, user.id(), user.userId(), attribute(user.attributes(), "default_name"),
                attribute(user.attributes(), "default_email"), user.createdAt(), user.lastSeen(), user.attributes());
    }

    @Converter
    public static ChatUser toUser(ChatbotcomUserDetails user) {
        return new ChatUser(VENDOR, user.id(), user.userId(), attribute(user.attributes(), "default_name"),
                attribute(user.attributes(), "default_email"), user.createdAt(), user.lastSeen(), user.attributes());
    }

    @Converter
    public static ChatConversation toConversation(ChatbotcomChat chat) {
        String userId = chat.user() != null ? chat.user().id() : null;
        String userName = chat.user() != null ? chat.user().name() : null;
        String status = chat.finished() == null ? null : chat.finished() ? "finished" : "open";
        return new ChatConversation(VENDOR, chat.id(), userId, userName, status, chat.createdAt(),
                chat.lastActivity());
    }

    @Converter
    public static ChatTranscript toTranscript(ChatbotcomChat chat) {
        List<ChatMessage> messages = new ArrayList<>(chat.messages().size());
        for (int index = 0; index < chat.messages().size(); index++) {
            ChatbotcomChat.Message message = chat.messages().get(index);
            String messageId = message.id() != null ? message.id() : chat.id() + "#" + index;
            messages.add(new ChatMessage(VENDOR, chat.id(), messageId,
                    ChatParticipant.fromVendorName(message.authorName()), message.authorName(), message.content(),
                    message.createdAt()));
        }
        return new ChatTranscript(toConversation(chat), messages);
    }

    private static String attribute(Map<String, String> attributes, String name) {
        return attributes == null ? null : attributes.get(name);
    }
}
