package io.github.camelchatbots.support.error;

/**
 * No answer within the configured time-out. Some vendors (Ebbot) answer requests over their rate limit this way.
 */
public class ChatbotTimeoutException extends ChatbotException {

    public ChatbotTimeoutException(ChatbotCall call, int httpStatus, String vendorCode, String requestId, String body, String problem,
              Throwable cause) {
        super(call, httpStatus, vendorCode, requestId, body, problem, cause);
    }
}
