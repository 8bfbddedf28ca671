package io.github.camelchatbots.component.chatbotcom.model;

/**
 * The {@code status} every ChatBot.com answer carries.
 *
 * @param code    the HTTP status ChatBot.com meant
 * @param type    {@code success} or {@code error}
 * @param message the detail of an error, when given
 */
public record ChatbotcomStatus(Integer code, String type, String message) {
}
