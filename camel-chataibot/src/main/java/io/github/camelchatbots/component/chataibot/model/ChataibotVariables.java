package io.github.camelchatbots.component.chataibot.model;

import java.util.Map;

/**
 * The optional {@code variables} of a conversation start: the visitor's system ({@code timezone}, {@code referrerUrl},
 * {@code browserLanguage}, ...), their contact, and conversation variables of the bot's flow. Any of the three may be
 * null and is then not sent.
 */
public record ChataibotVariables(Map<String, Object> system, ChataibotContact contact,
                                 Map<String, Object> conversation) {

    public static ChataibotVariables ofContact(ChataibotContact contact) {
        return new ChataibotVariables(null, contact, null);
    }
}
