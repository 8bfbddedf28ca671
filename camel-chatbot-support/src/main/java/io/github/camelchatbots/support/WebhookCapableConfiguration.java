package io.github.camelchatbots.support;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a component that also serves its vendor's webhooks (see
 * {@link io.github.camelchatbots.support.webhook.WebhookConsumer}). Each vendor declares the path, whose default
 * names the vendor.
 */
@UriParams
public abstract class WebhookCapableConfiguration extends ChatbotConfiguration {

    @UriParam(label = "consumer,webhook", javaType = "java.time.Duration", defaultValue = "8000",
              description = "How long the webhook consumer may take to answer, counted from the request's arrival"
                            + " (milliseconds, or a duration such as 8s). A route slower than this gets an empty"
                            + " reply sent in time, and a warning; its own reply is dropped. The default leaves two seconds of ChatBot.com's"
                            + " ten for the network and a busy machine.")
    private long replyTimeout = 8_000;

    @UriParam(label = "consumer,webhook", defaultValue = "10",
              description = "How many webhook events the route handles at once, each on a thread of the consumer's"
                            + " own. Keep it below the HTTP server's worker threads (20 for Camel Main's), so that"
                            + " events over it are answered at once.")
    private int webhookConcurrency = 10;

    @UriParam(label = "consumer,webhook", defaultValue = "100",
              description = "How many webhook events may wait for the route when webhookConcurrency are already"
                            + " running; they are answered empty at once and run when a thread is free. Events over it"
                            + " are dropped, answered empty and counted in a warning.")
    private int webhookQueueSize = 100;

    /** The path the webhook consumer serves; declared by each vendor, whose defaults differ. */
    public abstract String getWebhookPath();

    public long getReplyTimeout() {
        return replyTimeout;
    }

    public void setReplyTimeout(long replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    public int getWebhookConcurrency() {
        return webhookConcurrency;
    }

    public void setWebhookConcurrency(int webhookConcurrency) {
        this.webhookConcurrency = webhookConcurrency;
    }

    public int getWebhookQueueSize() {
        return webhookQueueSize;
    }

    public void setWebhookQueueSize(int webhookQueueSize) {
        this.webhookQueueSize = webhookQueueSize;
    }
}
