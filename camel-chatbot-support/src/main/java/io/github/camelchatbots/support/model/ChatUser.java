package io.github.camelchatbots.support.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelchatbots.support.json.IsoInstant;

/**
 * An end user of a bot, vendor-neutral: what a CRM needs.
 *
 * @param vendor     the platform
 * @param userId     the vendor's id of the user
 * @param externalId the id the integrator gave the user, when the vendor keeps one
 * @param name       display name, null when unknown
 * @param email      e-mail address, null when unknown
 * @param createdAt  first seen, null when unknown
 * @param lastSeenAt last seen, null when unknown
 * @param attributes every further attribute the vendor keeps, as text
 */
public record ChatUser(String vendor, String userId, String externalId, String name, String email, @IsoInstant Instant createdAt,
                       @IsoInstant Instant lastSeenAt, Map<String, String> attributes) {

    public ChatUser {
        // vendors keep unset attributes as null values, which Map.copyOf would reject
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
