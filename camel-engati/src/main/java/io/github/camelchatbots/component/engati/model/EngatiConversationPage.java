package io.github.camelchatbots.component.engati.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * One page of a user's chat history, the messages in the order Engati sent them.
 *
 * @param channelUserId whose history
 * @param pageNumber    the page asked for, or null when none was (Engati's first page)
 * @param pageSize      the most messages the page could hold
 * @param messages      the page's messages
 * @param metadata      whatever else Engati sent beside the messages (paging details it does not document)
 */
public record EngatiConversationPage(String channelUserId, Integer pageNumber, Integer pageSize,
                                     List<EngatiMessage> messages,
                                     @JsonAnySetter @JsonAnyGetter Map<String, Object> metadata) {

    public EngatiConversationPage {
        messages = messages == null ? List.of() : List.copyOf(messages);
        metadata = VendorFields.kept(metadata);
    }

    /** Whether the page holds as many messages as it could, so that a next page may hold more. */
    public boolean full() {
        return pageSize != null && messages.size() >= pageSize;
    }
}
