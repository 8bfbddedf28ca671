package io.github.camelchatbots.component.ebbot.model;

import java.time.Instant;
import java.util.List;

import io.github.camelchatbots.support.model.Instants;

/**
 * A chat's transcript, oldest message first.
 *
 * @param chatId    the chat
 * @param chat      the chat as last listed, when the consumer has seen it in the list; null from the producer
 * @param messages  every message
 * @param requestId Ebbot's id of the call that fetched it
 */
public record EbbotTranscript(String chatId, EbbotChat chat, List<EbbotMessage> messages, String requestId) {

    public EbbotTranscript {
        messages = List.copyOf(messages);
    }

    /** The time of the newest message that has one, or null. */
    public Instant lastMessageTime() {
        Instant latest = null;
        for (EbbotMessage message : messages) {
            latest = Instants.latest(latest, message.timestamp());
        }
        return latest;
    }

    public EbbotTranscript withChat(EbbotChat listed) {
        return new EbbotTranscript(chatId, listed, messages, requestId);
    }
}
