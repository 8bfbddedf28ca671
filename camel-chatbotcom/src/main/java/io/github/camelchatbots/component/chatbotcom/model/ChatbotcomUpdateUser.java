package io.github.camelchatbots.component.chatbotcom.model;

import java.util.Map;

/** What {@code updateUser} sends: the attributes to set (1 to 99). */
public record ChatbotcomUpdateUser(Map<String, String> attributes) {
}
