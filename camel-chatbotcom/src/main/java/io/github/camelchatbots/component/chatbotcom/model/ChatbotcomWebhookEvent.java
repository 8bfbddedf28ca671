package io.github.camelchatbots.component.chatbotcom.model;

import java.util.Map;

/**
 * What ChatBot.com posts to a webhook when a conversation reaches a webhook block.
 *
 * @param chatId         the chat
 * @param messageId      the message that led here
 * @param userId         ChatBot.com's id of the user
 * @param externalId     the integrator's id of the user
 * @param node           the webhook block
 * @param userAttributes the user's attributes
 * @param attributes     the chat's attributes
 */
public record ChatbotcomWebhookEvent(
        String chatId,
        String messageId,
        String userId,
        String externalId,
        Node node,
        Map<String, String> userAttributes,
        Map<String, String> attributes) {

    public record Node(String id, String name, String type, String webhookId, String webhookName) {
    }
}
