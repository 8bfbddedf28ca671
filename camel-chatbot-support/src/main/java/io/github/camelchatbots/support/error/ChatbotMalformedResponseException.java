package io.github.camelchatbots.support.error;

/**
 * The vendor answered, but not with JSON of the expected shape.
 */
public class ChatbotMalformedResponseException extends ChatbotException {

    public ChatbotMalformedResponseException(ChatbotCall call, int httpStatus, String vendorCode, String requestId, String body, String problem,
              Throwable cause) {
        super(call, httpStatus, vendorCode, requestId, body, problem, cause);
    }
}
