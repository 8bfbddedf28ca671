package io.github.camelchatbots.component.engati.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.http.VendorErrorModel;

/**
 * Engati answers everything in one envelope, {@code {"status":{"code":1000,...},"responseObject":...}}, and reports
 * failures in it even inside an HTTP 200: any code but 1000 is an error. The codes Engati documents stand for the
 * HTTP status of their kind; 2000 and codes it does not document are classified by their message.
 */
final class EngatiErrorModel implements VendorErrorModel {

    static final int SUCCESS = 1000;
    static final int FAILURE = 2000;
    static final int BOT_NOT_FOUND = 2003;
    /** The bot has no WhatsApp (360dialog) key in Engati: not the Engati API key, which Engati accepted. */
    static final int API_KEY_NOT_FOUND = 2004;
    static final int INVALID_FILE_FORMAT = 2005;
    /** An upload error or a file that is too large: Engati does not tell the two apart. */
    static final int FILE_UPLOAD_FAILED = 2006;

    @Override
    public VendorError read(JsonNode body) {
        JsonNode status = body.isObject() ? body.get("status") : null;
        if (status == null || !status.isObject()) {
            return new VendorError(null, text(body.isObject() ? body.get("message") : null), null);
        }
        String message = text(status.get("message"));
        String desc = text(status.get("desc"));
        String described = message == null ? desc
                : desc == null || desc.equalsIgnoreCase(message) ? message : message + " (" + desc + ")";
        return new VendorError(text(status.get("code")), described, null);
    }

    @Override
    public int envelopeStatus(JsonNode body) {
        JsonNode code = body.isObject() ? body.path("status").get("code") : null;
        if (code == null || code.isNull() || !code.isValueNode()) {
            return 0;
        }
        int value = code.asInt(Integer.MIN_VALUE);
        if (value == SUCCESS) {
            return 0;
        }
        VendorError error = read(body);
        return switch (value) {
            case BOT_NOT_FOUND -> 404;
            case API_KEY_NOT_FOUND -> 403;
            case INVALID_FILE_FORMAT -> 400;
            case FILE_UPLOAD_FAILED -> 500;
            // a code that is not a number, or one Engati does not document: the words decide, else a vendor error
            default -> VendorErrorModel.statusFor(null, error.message());
        };
    }

    /** What the envelope wraps; an answer without the envelope (a bare list) is its own payload. */
    @Override
    public JsonNode payload(JsonNode answer) {
        return answer.isObject() && answer.has("responseObject") ? answer.get("responseObject") : answer;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
