package io.github.camelchatbots.component.konversation.model;

import java.time.Instant;

import io.github.camelchatbots.support.json.IsoInstant;

/**
 * What {@code chatMessages} reads: one subscriber's messages, by namespace or by channel id, within a time window of
 * at most the last month. The flags add the bot's messages, agents' notes and system messages, which konversation
 * leaves out by default.
 *
 * @param msgType image, audio, video or file: only those; null for all
 */
public record KonversationChatQuery(String userNs, String userId, @IsoInstant Instant startTime,
                                    @IsoInstant Instant endTime, Integer page, Integer limit, Boolean includeBot,
                                    Boolean includeNote, Boolean includeSystem, String msgType) {

    public static KonversationChatQuery ofSubscriber(String userNs) {
        return new KonversationChatQuery(userNs, null, null, null, null, null, null, null, null, null);
    }
}
