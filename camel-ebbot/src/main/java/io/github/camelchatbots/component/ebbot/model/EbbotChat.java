package io.github.camelchatbots.component.ebbot.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelchatbots.support.json.IsoInstant;
import io.github.camelchatbots.support.model.Instants;

/**
 * A chat as listed by {@code GET /api/chats/company_chats}. Ebbot does not document the list's shape; the fields
 * are those of the chat object in its outgoing webhooks, and every one but {@code id} may be missing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EbbotChat(
        String id,
        String botId,
        String companyId,
        String name,
        @JsonProperty("integration_type") String integrationType,
        String type,
        String status,
        @IsoInstant Instant statusTimestamp,
        String chatUserId,
        @JsonProperty("handled_by") String handledBy,
        String userId,
        @JsonProperty("last_message") String lastMessage,
        String language,
        @IsoInstant Instant createdAt,
        @IsoInstant Instant updatedAt,
        @JsonProperty("chat_user") EbbotChatUser chatUser) {

    /** A chat known only by its id, as the list may give it. */
    public static EbbotChat ofId(String id) {
        return new EbbotChat(id, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /**
     * When the chat began: the time embedded in the id (documented by Ebbot), else {@code createdAt}. The id comes
     * first because cursors are ids: a chat and its cursor must sort alike even if {@code createdAt} differed.
     */
    @JsonIgnore
    public Instant creationTime() {
        Instant fromId = EbbotChatId.creationTime(id);
        return fromId != null ? fromId : createdAt;
    }

    /** The latest activity the list tells of, or null. */
    @JsonIgnore
    public Instant lastActivity() {
        return Instants.latest(updatedAt, statusTimestamp);
    }
}
