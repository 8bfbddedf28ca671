package io.github.camelchatbots.support.http;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one vendor shapes its answers: where the payload sits in the envelope, and how an error is reported in the
 * body. Applied to every answer, and to a successful one inside HttpClient's retry loop, so that an error envelope
 * inside an HTTP 200 is classified and retried exactly as the HTTP status it stands for would be.
 */
public interface VendorErrorModel {

    /** The vendor's error code, message and request id found in a body, any field possibly null. */
    VendorError read(JsonNode body);

    /**
     * The HTTP status an error envelope in a successful answer stands for (401 for a refused key, 404, 400, 429,
     * 500 for a vendor error it does not explain), or 0 when the body is no error.
     * {@link #statusFor(String, String)} classifies an envelope by its code and message.
     */
    int envelopeStatus(JsonNode body);

    /** The answer's payload: the answer itself, or what its envelope wraps ({@code data}, {@code responseObject}). */
    default JsonNode payload(JsonNode answer) {
        return answer;
    }

    /**
     * The HTTP status a vendor's error code or message stands for, for envelopes that give no status of their own:
     * a number between 400 and 599 is taken as it is; otherwise the words decide. Unknown errors count as vendor
     * errors (500), which reads retry and writes do not.
     */
    static int statusFor(String code, String message) {
        if (code != null && code.trim().matches("[45]\\d\\d")) {
            return Integer.parseInt(code.trim());
        }
        String words = ((code == null ? "" : code) + " " + (message == null ? "" : message)).toLowerCase(Locale.ROOT);
        if (words.matches(".*(unauthori[sz]ed|unauthenticated|forbidden|api[ _-]?key|access[ _-]?token|invalid token"
                          + "|credential|permission|not allowed).*")) {
            return 401;
        }
        if (words.matches(".*(too many|rate[ _-]?limit|throttl|quota).*")) {
            return 429;
        }
        if (words.matches(".*(not[ _-]?found|no such|does not exist|unknown (user|chat|bot|conversation)).*")) {
            return 404;
        }
        if (words.matches(".*(invalid|required|missing|must be|bad request|malformed|validation).*")) {
            return 400;
        }
        return 500;
    }

    record VendorError(String code, String message, String requestId) {
        public static final VendorError NONE = new VendorError(null, null, null);
    }
}
