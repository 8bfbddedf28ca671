package io.github.camelchatbots.support.model;

import java.time.Instant;

import io.github.camelchatbots.support.json.IsoInstant;

/**
 * A conversation, vendor-neutral, without its messages.
 *
 * @param vendor         the platform it came from
 * @param conversationId the vendor's id
 * @param userId         the vendor's id of the end user, null when unknown
 * @param userName       a display name of the end user, null when unknown
 * @param status         the vendor's own status word, e.g. "ongoing" or "closed"
 * @param startedAt      when it began
 * @param lastActivityAt when something last happened in it, null when unknown
 */
public record ChatConversation(String vendor, String conversationId, String userId, String userName, String status,
                               @IsoInstant Instant startedAt, @IsoInstant Instant lastActivityAt) {
}
