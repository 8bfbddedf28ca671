package io.github.camelchatbots.component.konversation.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.camelchatbots.support.json.IsoInstant;

/**
 * A subscriber (the spec's BotUser): someone who talks to the bot on one channel. konversation prints its times as
 * {@code 2020-11-27 17:50:45} without a zone; they are read as UTC, which the platform does not document.
 *
 * @param userNs          the subscriber's namespace, e.g. {@code f131667u184732093}: what every subscriber call takes
 * @param userId          the subscriber's id on the channel: the WhatsApp number's digits, a Facebook id, ...
 * @param subscribed      as konversation sends it: a time or a flag, undocumented
 * @param lastInteraction the last message in or out, which {@code subscribers} sorts by
 * @param lastSeen        as konversation sends it; the simulator makes it the subscriber's last message
 * @param tags            the subscriber's tags
 * @param userFields      the user fields, each with the subscriber's value (null when unset)
 * @param channels        the channels the subscriber is on, seen in real answers though not in the spec
 * @param labels          inbox labels, in whatever shape konversation sends them
 * @param other           every further field, as konversation sent it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationSubscriber(
        String userNs,
        String userId,
        String name,
        String firstName,
        String lastName,
        String phone,
        String email,
        String gender,
        String language,
        String locale,
        String profilePic,
        String subscribed,
        @IsoInstant Instant lastInteraction,
        @IsoInstant Instant lastSeen,
        @IsoInstant Instant lastMessageAt,
        String lastMessageType,
        @IsoInstant Instant optedInEmail,
        @IsoInstant Instant optedInSms,
        String optedInThrough,
        List<KonversationTag> tags,
        List<KonversationField> userFields,
        List<Channel> channels,
        List<JsonNode> labels,
        String status,
        @IsoInstant Instant createdAt,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationSubscriber {
        tags = tags == null ? List.of() : List.copyOf(tags);
        userFields = userFields == null ? List.of() : List.copyOf(userFields);
        channels = channels == null ? List.of() : List.copyOf(channels);
        labels = labels == null ? List.of() : List.copyOf(labels);
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /**
     * A channel the subscriber is on.
     *
     * @param type      e.g. {@code whatsapp_cloud}
     * @param userId    the subscriber's id there
     * @param channelId the bot's account on that channel
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Channel(String type, String userId, String channelId,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

        public Channel {
            other = other == null ? new LinkedHashMap<>() : other;
        }
    }

    /** Whether the subscriber has the tag of this name. */
    public boolean hasTagNamed(String tagName) {
        return tags.stream().anyMatch(tag -> tagName.equals(tag.name()));
    }

    /** The subscriber's value of the user field of this name, as text; null when unset or unknown. */
    public String fieldValue(String fieldName) {
        return userFields.stream().filter(field -> fieldName.equals(field.name())).findFirst()
                .map(KonversationField::valueText).orElse(null);
    }
}
