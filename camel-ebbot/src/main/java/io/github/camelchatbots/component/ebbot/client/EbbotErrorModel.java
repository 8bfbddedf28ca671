package io.github.camelchatbots.component.ebbot.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.http.VendorErrorModel;

/**
 * Ebbot wraps answers as {@code {"success": .., "request_id": .., "data"|"error": ..}}. The error field's shape is
 * not documented: a string and an object with {@code code}/{@code message} are both read, and the error's kind is
 * told by its code and words.
 */
final class EbbotErrorModel implements VendorErrorModel {

    @Override
    public VendorError read(JsonNode body) {
        String requestId = text(body.get("request_id"));
        JsonNode error = body.get("error");
        if (error == null || error.isNull()) {
            return new VendorError(null, text(body.get("message")), requestId);
        }
        if (error.isObject()) {
            return new VendorError(text(error.get("code")), text(error.get("message")), requestId);
        }
        return new VendorError(null, error.asText(), requestId);
    }

    @Override
    public int envelopeStatus(JsonNode body) {
        JsonNode success = body.get("success");
        if (success == null || !success.isBoolean() || success.asBoolean()) {
            return 0;
        }
        VendorError error = read(body);
        return VendorErrorModel.statusFor(error.code(), error.message());
    }

    /** The envelope's {@code data}; a bare answer is its own payload. */
    @Override
    public JsonNode payload(JsonNode answer) {
        return answer.isObject() && answer.has("data") ? answer.get("data") : answer;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
