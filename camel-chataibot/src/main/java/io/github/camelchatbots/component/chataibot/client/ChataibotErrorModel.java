package io.github.camelchatbots.component.chataibot.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.http.VendorErrorModel;

/**
 * ChatAIBot answers {@code "ok": true} when a call worked. Anything else is a failure, whatever the HTTP status:
 * {@code "ok": false}, no {@code ok} at all, or a body that is no JSON object. Its error shape is not documented; the
 * text is read from {@code error}, else {@code message} (both are met), and classified by its words.
 */
final class ChataibotErrorModel implements VendorErrorModel {

    @Override
    public VendorError read(JsonNode body) {
        if (body == null || !body.isObject()) {
            return VendorError.NONE;
        }
        String message = text(body.get("error"));
        if (message == null) {
            message = text(body.get("message"));
        }
        return new VendorError(text(body.get("code")), message, null);
    }

    @Override
    public int envelopeStatus(JsonNode body) {
        if (isOk(body)) {
            return 0;
        }
        VendorError error = read(body);
        return VendorErrorModel.statusFor(error.code(), error.message());
    }

    static boolean isOk(JsonNode body) {
        return body != null && body.isObject() && body.path("ok").isBoolean() && body.get("ok").booleanValue();
    }

    /** A text, or for an object its {@code message} (or the object itself as JSON). */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject() && node.path("message").isValueNode()) {
            return node.get("message").asText();
        }
        String text = node.isValueNode() ? node.asText() : node.toString();
        return text.isBlank() ? null : text;
    }
}
