package io.github.camelchatbots.support.error;

/**
 * The connection failed or broke before a complete answer arrived.
 */
public class ChatbotConnectionException extends ChatbotException {

    public ChatbotConnectionException(ChatbotCall call, int httpStatus, String vendorCode, String requestId, String body, String problem,
              Throwable cause) {
        super(call, httpStatus, vendorCode, requestId, body, problem, cause);
    }
}
