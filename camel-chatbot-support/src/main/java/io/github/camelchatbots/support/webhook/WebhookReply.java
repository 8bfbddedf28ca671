package io.github.camelchatbots.support.webhook;

/** What a webhook consumer answers the vendor: status, content type and body, all written before anything is sent. */
public record WebhookReply(int status, String contentType, String body) {

    public static WebhookReply json(int status, String body) {
        return new WebhookReply(status, "application/json", body);
    }

    public static WebhookReply text(int status, String body) {
        return new WebhookReply(status, "text/plain; charset=utf-8", body);
    }

    /** A JSON error whose message is one of ours, never the route's exception: that may hold anything. */
    public static WebhookReply error(int status, String message) {
        return json(status, "{\"error\":\"" + message + "\"}");
    }
}
