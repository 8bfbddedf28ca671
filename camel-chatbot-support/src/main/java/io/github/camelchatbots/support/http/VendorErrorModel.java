package io.github.camelchatbots.support.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one vendor reports errors in its JSON. Used for every answer, so that an error envelope inside a 200 is
 * caught as surely as a 4xx or 5xx.
 */
public interface VendorErrorModel {

    /** The vendor's error code, message and request id found in a body, any field possibly null. */
    VendorError read(JsonNode body);

    /** Whether a 2xx body is in fact an error (e.g. {@code "success": false}). */
    boolean isErrorEnvelope(JsonNode body);

    record VendorError(String code, String message, String requestId) {
        public static final VendorError NONE = new VendorError(null, null, null);
    }
}
