package io.github.camelchatbots.component.chatbotcom.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.http.VendorErrorModel;

/**
 * ChatBot.com puts what went wrong in {@code status}: {@code {"status":{"code":400,"type":"error",...}}}. Only
 * {@code code} and {@code type} are documented; the message is read from {@code message} or {@code errors} when
 * either is there.
 */
final class ChatbotcomErrorModel implements VendorErrorModel {

    @Override
    public VendorError read(JsonNode body) {
        JsonNode status = body.isArray() && !body.isEmpty() ? body.get(0).get("status") : body.get("status");
        if (status == null || !status.isObject()) {
            return new VendorError(null, text(body.get("message")), null);
        }
        JsonNode message = status.has("message") ? status.get("message") : status.get("errors");
        return new VendorError(text(status.get("code")),
                message == null || message.isNull() ? null : message.isValueNode() ? message.asText()
                        : message.toString(), null);
    }

    @Override
    public int envelopeStatus(JsonNode body) {
        JsonNode status = body.isObject() ? body.get("status") : null;
        if (status == null || !status.isObject() || !"error".equalsIgnoreCase(text(status.get("type")))) {
            return 0;
        }
        VendorError error = read(body);
        return VendorErrorModel.statusFor(error.code(), error.message());
    }

    /** A resource or list wrapped in {@code data}, or the answer itself. */
    @Override
    public JsonNode payload(JsonNode answer) {
        JsonNode data = answer.isObject() ? answer.get("data") : null;
        return data != null && (data.isObject() || data.isArray()) ? data : answer;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
