package io.github.camelchatbots.support.model;

import java.time.Instant;

import io.github.camelchatbots.support.json.IsoInstant;

/**
 * One message of a conversation, vendor-neutral.
 *
 * @param vendor         the platform it came from, e.g. "ebbot"
 * @param conversationId the vendor's id of the conversation
 * @param messageId      a stable id: the vendor's, or one derived from the conversation and position
 * @param sender         who wrote it
 * @param senderName     the vendor's own name for the sender, kept for what {@link ChatParticipant} cannot say
 * @param text           the text as shown to the reader
 * @param sentAt         when it was sent, null when the vendor does not say
 */
public record ChatMessage(String vendor, String conversationId, String messageId, ChatParticipant sender,
                          String senderName, String text, @IsoInstant Instant sentAt) {
}
