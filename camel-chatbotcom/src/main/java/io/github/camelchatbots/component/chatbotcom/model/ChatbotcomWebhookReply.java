package io.github.camelchatbots.component.chatbotcom.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a webhook answers ChatBot.com: messages for the bot to say and attributes to set on the chat.
 */
public record ChatbotcomWebhookReply(List<ChatbotcomMessagePart> responses, Map<String, String> attributes) {

    public static ChatbotcomWebhookReply text(String... messages) {
        return new ChatbotcomWebhookReply(Arrays.stream(messages).map(ChatbotcomMessagePart::text).toList(),
                null);
    }

    public ChatbotcomWebhookReply withAttributes(Map<String, String> newAttributes) {
        return new ChatbotcomWebhookReply(responses, newAttributes);
    }
}
