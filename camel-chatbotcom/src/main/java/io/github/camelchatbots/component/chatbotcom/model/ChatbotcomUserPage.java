package io.github.camelchatbots.component.chatbotcom.model;

import java.util.List;

/**
 * One page of {@code GET /users}.
 *
 * @param data  the users on this page
 * @param count the count ChatBot.com reports with the page
 */
public record ChatbotcomUserPage(List<ChatbotcomUser> data, Integer count) {

    public ChatbotcomUserPage {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /** The id to pass as {@code after} for the next page, or null when this page is empty. */
    public String lastId() {
        return data.isEmpty() ? null : data.get(data.size() - 1).id();
    }
}
