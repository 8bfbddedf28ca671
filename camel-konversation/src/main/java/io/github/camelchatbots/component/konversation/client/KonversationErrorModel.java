package io.github.camelchatbots.component.konversation.client;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.http.VendorErrorModel;

/**
 * konversation reports errors three ways, all read here: the spec's {@code {"message":"..."}} with HTTP 400,
 * {@code {"status":"error","message":"..."}} inside an HTTP 200, and {@code {"error":"..."}}. Laravel adds
 * {@code errors} with the fields at fault to its validation failures; they are kept in the message.
 */
final class KonversationErrorModel implements VendorErrorModel {

    @Override
    public VendorError read(JsonNode body) {
        if (!body.isObject()) {
            return VendorError.NONE;
        }
        String message = text(body.get("message"));
        JsonNode error = body.get("error");
        if (message == null && isError(error)) {
            message = error.isValueNode() ? error.asText()
                    : error.hasNonNull("message") ? error.get("message").asText() : error.toString();
        }
        JsonNode fields = body.get("errors");
        if (fields != null && fields.isObject() && !fields.isEmpty()) {
            message = (message == null ? "" : message + " ") + fields;
        }
        return new VendorError(null, message, null);
    }

    /**
     * A {@code {"status":"error"}} or {@code {"error":...}} body in a successful answer stands for the status its
     * message names: 401 for a refused key, 429 for throttling, 404 for Laravel's {@code No query results for
     * model}. Any other is a refusal of the request (400): konversation answers its validation failures this way, and
     * a refusal must not be retried as a vendor error would be.
     */
    @Override
    public int envelopeStatus(JsonNode body) {
        if (!body.isObject()) {
            return 0;
        }
        boolean statusError = "error".equalsIgnoreCase(text(body.get("status")));
        boolean errorField = isError(body.get("error")) && !body.hasNonNull("data");
        if (!statusError && !errorField) {
            return 0;
        }
        String message = read(body).message();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("no query results")) {
            return 404;
        }
        int status = VendorErrorModel.statusFor(null, message);
        return status == 500 ? 400 : status;
    }

    /** A single object comes bare or under {@code data}; a list keeps its paginator, so it is left whole. */
    @Override
    public JsonNode payload(JsonNode answer) {
        JsonNode data = answer.isObject() ? answer.get("data") : null;
        return data != null && data.isObject() ? data : answer;
    }

    private static boolean isError(JsonNode error) {
        return error != null && !error.isNull() && !(error.isBoolean() && !error.asBoolean())
               && !(error.isTextual() && error.asText().isBlank()) && !(error.isContainerNode() && error.isEmpty());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
