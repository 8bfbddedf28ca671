package io.github.camelchatbots.component.chatbotcom.model;

import java.util.List;

/** A story (a bot's scenario), as {@code GET /v2/stories} lists them. */
public record ChatbotcomStory(String id, String name, String description, Integer version, Boolean published,
                              List<String> integrations) {
}
