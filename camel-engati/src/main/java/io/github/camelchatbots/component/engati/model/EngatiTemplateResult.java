package io.github.camelchatbots.component.engati.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Engati's answer to a template send.
 *
 * @param messageId the id WhatsApp gave the message ({@code wamid....})
 * @param status    the envelope's status
 * @param other     every further field of the answer's {@code responseObject}
 */
public record EngatiTemplateResult(@JsonProperty("message_id") @JsonAlias("messageId") String messageId,
                                   EngatiStatus status,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public EngatiTemplateResult {
        other = VendorFields.kept(other);
    }
}
