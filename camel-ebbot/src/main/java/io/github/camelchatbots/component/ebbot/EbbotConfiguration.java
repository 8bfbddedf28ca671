package io.github.camelchatbots.component.ebbot;

import io.github.camelchatbots.support.ChatbotConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The Ebbot options, settable on the component (as defaults) and on each endpoint. */
@UriParams
public class EbbotConfiguration extends ChatbotConfiguration {

    public static final String DEFAULT_BASE_URL = "https://ebbot.eu";

    @UriParam(label = "security", secret = true,
              description = "The full Ebbot API key: the public key and the secret key joined by a dot, as Ebbot shows"
                            + " it once when it is created (Settings, Integrations, API keys). Required for chats and"
                            + " transcript.")
    private String apiKey;

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The Ebbot platform your account is on: https://ebbot.eu, https://v2.ebbot.app or"
                            + " https://ca.ebbot.app (or another address, e.g. the simulator's).")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "advanced", defaultValue = "20",
              description = "Requests per rateLimitPeriod allowed for this account, shared by every endpoint using"
                            + " the same key and base URL in this JVM; when endpoints declare different limits, each"
                            + " of them holds. Ebbot documents 20 a minute and lets excess requests time out rather"
                            + " than answer 429. 0 leaves the account without a limit of this endpoint's own.")
    private int rateLimit = 20;

    @UriParam(description = "The chat: required by the transcript producer (or header CamelEbbotChatId); on the"
                            + " transcript consumer, follows this one chat's messages; on sendMessage, continues"
                            + " this chat.")
    private String chatId;

    @UriParam(label = "producer", defaultValue = "1", description = "The page the chats producer reads, from 1.")
    private int page = 1;

    @UriParam(defaultValue = "15",
              description = "Chats per page: the chats producer's page size, and the page size consumers list with.")
    private int limit = 15;

    @UriParam(label = "producer,security", secret = true,
              description = "The id of the incoming webhook sendMessage posts to (the last part of its URL). Whoever"
                            + " knows it can talk to the bot, so it is treated as a secret.")
    private String webhookId;

    @UriParam(label = "producer", defaultValue = "text",
              description = "The type of message sendMessage sends when the body is text: text, variable or scenario.")
    private String messageType = "text";

    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "30m",
              description = "When the transcript consumer treats a chat the list does not show as closed as ended:"
                            + " after this long without a message.")
    private long quietPeriod = 30 * 60_000L;

    @UriParam(label = "consumer", defaultValue = "closed",
              description = "Chat statuses (comma-separated) that mean a chat has ended, so the transcript consumer"
                            + " delivers it without waiting for quietPeriod.")
    private String closedStatuses = "closed";

    @UriParam(defaultValue = "UTC",
              description = "The time zone Ebbot's transcript dates and times are in (they carry none), used for each"
                            + " message's parsed timestamp.")
    private String timeZone = "UTC";

    @Override
    public EbbotConfiguration copy() {
        return (EbbotConfiguration) super.copy();
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public int getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    public String getChatId() {
        return chatId;
    }

    public void setChatId(String chatId) {
        this.chatId = chatId;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public String getWebhookId() {
        return webhookId;
    }

    public void setWebhookId(String webhookId) {
        this.webhookId = webhookId;
    }

    public String getMessageType() {
        return messageType;
    }

    public void setMessageType(String messageType) {
        this.messageType = messageType;
    }

    public long getQuietPeriod() {
        return quietPeriod;
    }

    public void setQuietPeriod(long quietPeriod) {
        this.quietPeriod = quietPeriod;
    }

    public String getClosedStatuses() {
        return closedStatuses;
    }

    public void setClosedStatuses(String closedStatuses) {
        this.closedStatuses = closedStatuses;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
