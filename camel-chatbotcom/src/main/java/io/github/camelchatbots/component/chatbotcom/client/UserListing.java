package io.github.camelchatbots.component.chatbotcom.client;

import java.util.List;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserFilter;

/**
 * Which page of users to list.
 *
 * @param limit     users per page, 1 to 40
 * @param after     the id of the user the page starts after, null for the first page
 * @param sortField {@code createdAt} or {@code lastSeen}; null for ChatBot.com's default (createdAt)
 * @param sortOrder {@code asc} or {@code desc}; null for ChatBot.com's default (desc)
 * @param match     {@code all} or {@code any} of the filters; null for ChatBot.com's default (all)
 * @param filters   at most 5 conditions
 */
public record UserListing(int limit, String after, String sortField, String sortOrder, String match,
                          List<ChatbotcomUserFilter> filters) {

    public UserListing {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public UserListing after(String userId) {
        return new UserListing(limit, userId, sortField, sortOrder, match, filters);
    }

    public UserListing sortedBy(String field, String order) {
        return new UserListing(limit, after, field, order, match, filters);
    }
}
