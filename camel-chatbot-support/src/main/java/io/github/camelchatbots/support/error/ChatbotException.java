package io.github.camelchatbots.support.error;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A failed call to a chatbot platform. Subclasses name the kind of failure so that routes can react with
 * {@code onException(ChatbotRateLimitedException.class)} and the like; the fields carry what support staff and
 * the vendor need to trace the call. Never carries a key or token: messages are built from the method, the path
 * (without query) and a bounded excerpt of the vendor's answer.
 */
public class ChatbotException extends RuntimeCamelException implements HttpResponseAware {

    /** Longest body excerpt kept: enough for any vendor error envelope, small enough for logs. */
    public static final int MAX_BODY_EXCERPT = 1024;

    private final ChatbotCall call;
    private int httpStatus;
    private String httpStatusLine;
    private final String vendorCode;
    private final String requestId;
    private final String bodyExcerpt;

    public ChatbotException(ChatbotCall call, int httpStatus, String vendorCode, String requestId, String body,
                            String problem, Throwable cause) {
        super(describe(call, httpStatus, vendorCode, requestId, problem, excerpt(body)), cause);
        this.call = call;
        this.httpStatus = httpStatus;
        this.vendorCode = vendorCode;
        this.requestId = requestId;
        this.bodyExcerpt = excerpt(body);
    }

    private static String describe(ChatbotCall call, int status, String vendorCode, String requestId, String problem,
                                   String excerpt) {
        StringBuilder text = new StringBuilder(call.toString()).append(": ").append(problem);
        if (status > 0) {
            text.append(" (HTTP ").append(status).append(')');
        }
        if (vendorCode != null) {
            text.append(", vendor code ").append(vendorCode);
        }
        if (requestId != null) {
            text.append(", request id ").append(requestId);
        }
        if (excerpt != null && !excerpt.isEmpty()) {
            text.append(", body: ").append(excerpt);
        }
        return text.toString();
    }

    static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= MAX_BODY_EXCERPT ? body : body.substring(0, MAX_BODY_EXCERPT) + "...";
    }

    /** The vendor, method and path of the failed call. */
    public ChatbotCall getCall() {
        return call;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The vendor's own error code, when its answer carried one. */
    public String getVendorCode() {
        return vendorCode;
    }

    /** The vendor's request id (from a header or the body), to quote to the vendor's support. */
    public String getRequestId() {
        return requestId;
    }

    /** At most {@value #MAX_BODY_EXCERPT} characters of the vendor's answer. */
    public String getBodyExcerpt() {
        return bodyExcerpt;
    }

    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpStatus = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpStatusLine;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpStatusLine = status;
    }
}
