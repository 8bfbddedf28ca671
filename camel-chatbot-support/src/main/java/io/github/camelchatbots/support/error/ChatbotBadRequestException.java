package io.github.camelchatbots.support.error;

/**
 * The vendor rejected the request as malformed (HTTP 400 or another 4xx): fix the input, do not retry.
 */
public class ChatbotBadRequestException extends ChatbotException {

    public ChatbotBadRequestException(ChatbotCall call, int httpStatus, String vendorCode, String requestId, String body, String problem,
              Throwable cause) {
        super(call, httpStatus, vendorCode, requestId, body, problem, cause);
    }
}
