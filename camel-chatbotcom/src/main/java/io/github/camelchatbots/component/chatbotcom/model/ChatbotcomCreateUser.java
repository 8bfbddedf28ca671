package io.github.camelchatbots.component.chatbotcom.model;

import java.util.List;
import java.util.Map;

/**
 * What {@code createUser} sends.
 *
 * @param userId     the integrator's id for the user; ChatBot.com makes up a UUID when it is null
 * @param segments   ids of segments to put the user in
 * @param attributes 1 to 99 attributes, e.g. {@code default_email}, {@code default_name}
 */
public record ChatbotcomCreateUser(String userId, List<String> segments, Map<String, String> attributes) {
}
