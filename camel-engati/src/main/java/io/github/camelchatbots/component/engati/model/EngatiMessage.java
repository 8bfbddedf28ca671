package io.github.camelchatbots.component.engati.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelchatbots.support.json.IsoInstant;

/**
 * One message of a user's chat history. Engati shows this answer only as an image; its clients read the text from
 * {@code text}, {@code response} or {@code message}, so {@code text} is the first of those present and the others, when
 * they differ, stay in {@code other} with every further field.
 *
 * @param channelUserId the user whose history it belongs to (filled in from the request when Engati leaves it out)
 * @param messageId     Engati's id of the message, when it sends one
 * @param sender        {@code user}, {@code bot} or {@code agent}, as Engati names them
 * @param timestamp     when it was sent, read from Engati's {@code 2024-01-01 10:00:00.000+0530}, ISO-8601 or epoch
 *                      milliseconds; null when it is in none of these forms
 * @param messageType   e.g. {@code text}
 */
public record EngatiMessage(
        @JsonProperty("channel_user_id") @JsonAlias("channelUserId") String channelUserId,
        @JsonProperty("message_id") @JsonAlias({ "messageId", "id" }) String messageId,
        String sender,
        String text,
        @IsoInstant Instant timestamp,
        @JsonProperty("message_type") @JsonAlias("messageType") String messageType,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    private static final String[] OTHER_TEXT_FIELDS = { "response", "message" };

    public EngatiMessage {
        Map<String, Object> rest = other == null ? new LinkedHashMap<>() : new LinkedHashMap<>(other);
        if (text == null) {
            for (String field : OTHER_TEXT_FIELDS) {
                Object value = rest.get(field);
                if (value instanceof String found) {
                    text = found;
                    rest.remove(field);
                    break;
                }
            }
        }
        other = VendorFields.kept(rest);
    }

    /** The same message as part of this user's history. */
    public EngatiMessage withChannelUserId(String channelUserId) {
        return new EngatiMessage(channelUserId, messageId, sender, text, timestamp, messageType, other);
    }

    /**
     * An id that stays the same each time the message is read: Engati's {@code message_id}, or, when it sends none,
     * one made of the time, the sender and the text ({@code t<epoch ms>-<16 hex digits>}). Two messages alike in all
     * three share it.
     */
    public String stableId() {
        if (messageId != null && !messageId.isBlank()) {
            return messageId;
        }
        String millis = timestamp == null ? "unknown" : Long.toString(timestamp.toEpochMilli());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((sender + "\u0000" + text)
                    .getBytes(StandardCharsets.UTF_8));
            return "t" + millis + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
