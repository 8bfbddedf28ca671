package io.github.camelchatbots.component.chatbotcom;

import io.github.camelchatbots.support.WebhookCapableConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The ChatBot.com options, settable on the component (as defaults) and on each endpoint. */
@UriParams
public class ChatbotcomConfiguration extends WebhookCapableConfiguration {

    public static final String DEFAULT_BASE_URL = "https://api.chatbot.com";
    /** Our reading of an undocumented path: session attributes belong to users, keyed by the session id in the body. */
    public static final String DEFAULT_SESSION_ATTRIBUTES_PATH = "/users/session-attributes";
    public static final String DEFAULT_WEBHOOK_PATH = "/chatbotcom/webhook";

    @UriParam(label = "security", secret = true,
              description = "The developer access token (ChatBot.com: Settings, API), sent as Authorization: Bearer. Required"
                            + " for every operation but webhook.")
    private String accessToken;

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The ChatBot.com API address; another one for the legacy host https://api.botengine.ai or the"
                            + " simulator.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "Requests per rateLimitPeriod allowed for this account, shared by every endpoint using the"
                            + " same token and base URL in this JVM; when endpoints declare different limits, each of"
                            + " them holds. ChatBot.com documents no limit, so it is off (0); 429 answers and their"
                            + " Retry-After are honoured either way.")
    private int rateLimit;

    @UriParam(description = "ChatBot.com's id of a user, for user, updateUser and banUser: the id of its user records, which"
                            + " /users/{id} takes (not the userId an integrator may give createUser). Header"
                            + " CamelChatbotcomUserId overrides it.")
    private String userId;

    @UriParam(label = "producer",
              description = "The conversation a query or updateSessionAttributes belongs to, 10 to 64 characters chosen by"
                            + " the caller. Header CamelChatbotcomSessionId overrides it.")
    private String sessionId;

    @UriParam(label = "producer",
              description = "The chat archive the chat operation reads. Header CamelChatbotcomChatId overrides it.")
    private String chatId;

    @UriParam(label = "producer",
              description = "Where a list starts. For users, the id of the last user of the previous page; for chats, the"
                            + " createdAt (epoch milliseconds) of the last chat of the previous page. Header"
                            + " CamelChatbotcomAfter overrides it.")
    private String after;

    @UriParam(defaultValue = "40",
              description = "Users per page, 1 to 40: the users producer's page size and the page size the users consumer"
                            + " reads with.")
    private int limit = 40;

    @UriParam(enums = "createdAt,lastSeen", defaultValue = "createdAt",
              description = "How users are ordered. On the users consumer, lastSeen delivers a user again each time"
                            + " ChatBot.com sees them again, instead of once when created.")
    private String sortField = "createdAt";

    @UriParam(label = "producer", enums = "asc,desc",
              description = "The users producer's order; ChatBot.com's default is desc. The users consumer always reads"
                            + " oldest first.")
    private String sortOrder;

    @UriParam(enums = "all,any",
              description = "Whether a user must match all filters or any of them; ChatBot.com's default is all.")
    private String match;

    @UriParam(description = "Up to 5 conditions on user attributes, separated by semicolons, each attribute:operator:value,"
                            + " e.g. default_country:is:Poland;default_email:contains:@example.com (operators such as is,"
                            + " isNot, contains, startsWith, isSet take a value or, like isSet, none). Header"
                            + " CamelChatbotcomFilters takes a List of ChatbotcomUserFilter instead.")
    private String filters;

    @UriParam(label = "producer", defaultValue = "true",
              description = "banUser bans the user when true and lifts the ban when false. Header CamelChatbotcomBanned"
                            + " overrides it.")
    private boolean banned = true;

    @UriParam(label = "producer",
              description = "The query operation's trigger to fire (e.g. welcome) instead of sending the body as text."
                            + " Header CamelChatbotcomTrigger overrides it.")
    private String trigger;

    @UriParam(label = "producer",
              description = "How sure the bot must be to match a query, 0.1 to 1.0; ChatBot.com's default is 0.5.")
    private Double confidence;

    @UriParam(label = "producer",
              description = "How many unmatched turns a context lives, 1 to 10; ChatBot.com's default is 2.")
    private Integer lifespan;

    @UriParam(label = "producer", description = "The story a query talks to (24 characters); the bot's default otherwise.")
    private String storyId;

    @UriParam(label = "producer", description = "Whether a query clears the session's contexts first.")
    private Boolean reset;

    @UriParam(label = "producer", description = "Whether a query asks ChatBot.com for the actions it took.")
    private Boolean debug;

    @UriParam(label = "producer,advanced", defaultValue = DEFAULT_SESSION_ATTRIBUTES_PATH,
              description = "The path updateSessionAttributes sends PUT to. ChatBot.com documents the call but not its"
                            + " path; this default is our reading of it. Set the path your account answers on.")
    private String sessionAttributesPath = DEFAULT_SESSION_ATTRIBUTES_PATH;

    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "30m",
              description = "When the chats consumer treats a chat whose archive does not say finished as over: after"
                            + " this long without activity.")
    private long quietPeriod = 30 * 60_000L;

    @UriParam(label = "consumer,webhook", defaultValue = DEFAULT_WEBHOOK_PATH,
              description = "The path the webhook consumer serves on the runtime's HTTP server (platform-http); the"
                            + " webhook URL to give ChatBot.com is the server's address followed by this path.")
    private String webhookPath = DEFAULT_WEBHOOK_PATH;

    @UriParam(label = "consumer,webhook,security", secret = true,
              description = "The verification token entered with the webhook in ChatBot.com. The webhook consumer answers"
                            + " the verification challenge and accepts events only when ChatBot.com sends this token.")
    private String webhookVerifyToken;

    @Override
    public ChatbotcomConfiguration copy() {
        return (ChatbotcomConfiguration) super.copy();
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getChatId() {
        return chatId;
    }

    public void setChatId(String chatId) {
        this.chatId = chatId;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public String getSortField() {
        return sortField;
    }

    public void setSortField(String sortField) {
        this.sortField = sortField;
    }

    public String getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(String sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getMatch() {
        return match;
    }

    public void setMatch(String match) {
        this.match = match;
    }

    public String getFilters() {
        return filters;
    }

    public void setFilters(String filters) {
        this.filters = filters;
    }

    public boolean isBanned() {
        return banned;
    }

    public void setBanned(boolean banned) {
        this.banned = banned;
    }

    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public Double getConfidence() {
        return confidence;
    }

    public void setConfidence(Double confidence) {
        this.confidence = confidence;
    }

    public Integer getLifespan() {
        return lifespan;
    }

    public void setLifespan(Integer lifespan) {
        this.lifespan = lifespan;
    }

    public String getStoryId() {
        return storyId;
    }

    public void setStoryId(String storyId) {
        this.storyId = storyId;
    }

    public Boolean getReset() {
        return reset;
    }

    public void setReset(Boolean reset) {
        this.reset = reset;
    }

    public Boolean getDebug() {
        return debug;
    }

    public void setDebug(Boolean debug) {
        this.debug = debug;
    }

    public String getSessionAttributesPath() {
        return sessionAttributesPath;
    }

    public void setSessionAttributesPath(String sessionAttributesPath) {
        this.sessionAttributesPath = sessionAttributesPath;
    }

    public long getQuietPeriod() {
        return quietPeriod;
    }

    public void setQuietPeriod(long quietPeriod) {
        this.quietPeriod = quietPeriod;
    }

    @Override
    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getWebhookVerifyToken() {
        return webhookVerifyToken;
    }

    public void setWebhookVerifyToken(String webhookVerifyToken) {
        this.webhookVerifyToken = webhookVerifyToken;
    }
}
