package io.github.camelchatbots.support.error;

/**
 * The vendor failed (HTTP 5xx), or answered 2xx with an error envelope in the body.
 */
public class ChatbotVendorException extends ChatbotException {

    public ChatbotVendorException(ChatbotCall call, int httpStatus, String vendorCode, String requestId, String body, String problem,
              Throwable cause) {
        super(call, httpStatus, vendorCode, requestId, body, problem, cause);
    }
}
