package io.github.camelchatbots.support.error;

/**
 * The vendor has no such resource (HTTP 404): an unknown chat, user or webhook id.
 */
public class ChatbotNotFoundException extends ChatbotException {

    public ChatbotNotFoundException(ChatbotCall call, int httpStatus, String vendorCode, String requestId, String body, String problem,
              Throwable cause) {
        super(call, httpStatus, vendorCode, requestId, body, problem, cause);
    }
}
