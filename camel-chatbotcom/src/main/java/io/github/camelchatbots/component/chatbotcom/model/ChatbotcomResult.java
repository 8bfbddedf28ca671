package io.github.camelchatbots.component.chatbotcom.model;

import java.time.Instant;

import io.github.camelchatbots.support.json.IsoInstant;

/**
 * ChatBot.com's answer to a write: the id of what was created (null when nothing was), when, and the status.
 */
public record ChatbotcomResult(String id, @IsoInstant Instant timestamp, ChatbotcomStatus status) {
}
