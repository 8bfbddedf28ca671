package io.github.camelchatbots.component.engati.model;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelchatbots.support.json.IsoInstant;

/**
 * A user of the bot as the users API lists them. Engati shows this answer only as an image: the field names are
 * inferred, read in either spelling, and every field this record has no component for is kept in {@code other}.
 *
 * @param userId        Engati's own id of the user
 * @param channelUserId the user's id on the channel, which the conversations API takes; for WhatsApp the phone
 *                      number's digits, country code first
 * @param channel       e.g. {@code whatsapp}
 * @param attributes    the user's attributes, as Engati typed them
 * @param createdAt     when the user first came, read from Engati's {@code 2024-01-01 10:00:00.000+0530}, ISO-8601
 *                      or epoch milliseconds
 */
public record EngatiUser(
        @JsonProperty("user_id") @JsonAlias("userId") String userId,
        @JsonProperty("channel_user_id") @JsonAlias("channelUserId") String channelUserId,
        String channel,
        @JsonAlias("user_name") String name,
        Map<String, Object> attributes,
        @JsonProperty("created_at") @JsonAlias("createdAt") @IsoInstant Instant createdAt,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public EngatiUser {
        attributes = VendorFields.kept(attributes);
        other = VendorFields.kept(other);
    }

    /** An attribute as text ({@code null} when unset): a number or boolean as written, a list or object as JSON. */
    public String attribute(String name) {
        return VendorFields.text(attributes.get(name));
    }
}
