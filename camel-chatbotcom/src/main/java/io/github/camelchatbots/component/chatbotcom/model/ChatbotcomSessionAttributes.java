package io.github.camelchatbots.component.chatbotcom.model;

import java.util.Map;

/**
 * What {@code updateSessionAttributes} sends.
 *
 * @param sessionId  the active session (10 to 64 characters), as used with {@code query}
 * @param attributes the attributes to set (1 to 99)
 */
public record ChatbotcomSessionAttributes(String sessionId, Map<String, String> attributes) {
}
