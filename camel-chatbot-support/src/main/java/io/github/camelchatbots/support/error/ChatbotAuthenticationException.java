package io.github.camelchatbots.support.error;

/**
 * The vendor refused the credentials (HTTP 401 or 403): a missing, wrong, expired or insufficient key.
 */
public class ChatbotAuthenticationException extends ChatbotException {

    public ChatbotAuthenticationException(ChatbotCall call, int httpStatus, String vendorCode, String requestId, String body, String problem,
              Throwable cause) {
        super(call, httpStatus, vendorCode, requestId, body, problem, cause);
    }
}
