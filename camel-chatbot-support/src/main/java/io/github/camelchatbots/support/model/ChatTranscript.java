package io.github.camelchatbots.support.model;

import java.util.List;

/** A conversation with all its messages, oldest first: the shape one route can archive from any vendor. */
public record ChatTranscript(ChatConversation conversation, List<ChatMessage> messages) {

    public ChatTranscript {
        messages = List.copyOf(messages);
    }
}
