package io.github.camelchatbots.component.engati.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Engati's answer to an API trigger or an external broadcast, whose payload Engati does not document: the envelope's
 * status and its {@code responseObject} as sent ({@code null} as a JSON null).
 */
public record EngatiResult(EngatiStatus status, JsonNode responseObject) {

    public EngatiResult {
        responseObject = responseObject == null ? NullNode.getInstance() : responseObject;
    }
}
