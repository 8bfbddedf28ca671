package io.github.camelchatbots.component.engati;

import io.github.camelchatbots.support.ChatbotConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The Engati options, settable on the component (as defaults) and on each endpoint. */
@UriParams
public class EngatiConfiguration extends ChatbotConfiguration {

    public static final String DEFAULT_BASE_URL = "https://api.engati.ai";
    /** Engati's documented default; it documents no maximum. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    @UriParam(label = "security", secret = true,
              description = "The Engati API key (Integrations, Engati API, in the Engati portal), sent exactly as issued"
                            + " as Authorization: Basic <apiKey>; it is not a user and password, and is never"
                            + " base64-encoded again. Required.")
    private String apiKey;

    @UriParam(description = "The customer the bot belongs to: a positive whole number such as 10294 (Integrations,"
                            + " Engati API). Required.")
    private String customerId;

    @UriParam(description = "The bot: 16 hexadecimal characters such as 1a1c9bfa5e0f41ed (Integrations, Engati API)."
                          + " Required.")
    private String botKey;

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The Engati API address: https://api.engati.ai, the older https://api.engati.com, a white"
                            + " label on the same paths (e.g. https://api.chatgate.io), or the simulator.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "Requests per rateLimitPeriod allowed for this account, shared by every endpoint using the"
                            + " same key and base URL in this JVM; when endpoints declare different limits, each of"
                            + " them holds. Engati documents no limit, so it is off (0); 429 answers and their"
                            + " Retry-After are honoured either way.")
    private int rateLimit;

    @UriParam(description = "The user attribute users matches on, e.g. lead_status. Header CamelEngatiAttributeName"
                            + " overrides it.")
    private String attributeName;

    @UriParam(description = "The value the attribute must have, e.g. qualified. Header CamelEngatiAttributeValue"
                            + " overrides it.")
    private String attributeValue;

    @UriParam(description = "The user whose chat history conversations reads: the user's id on the channel, for"
                            + " WhatsApp the phone number with country code and without + (e.g. 919565428256)."
                            + " Header CamelEngatiChannelUserId overrides it.")
    private String channelUserId;

    @UriParam(label = "producer",
              description = "Only messages from this instant on (ISO-8601 such as 2024-08-01T00:00:00Z, or UTC epoch"
                            + " milliseconds); sent as epoch milliseconds. Header CamelEngatiStartDate overrides it.")
    private String startDate;

    @UriParam(label = "producer",
              description = "Only messages up to this instant (ISO-8601 or UTC epoch milliseconds); Engati takes the"
                            + " current time when it is not given. Header CamelEngatiEndDate overrides it.")
    private String endDate;

    @UriParam(label = "producer",
              description = "The page of the chat history to read, counted from firstPageNumber; Engati's first page"
                            + " when not given. Header CamelEngatiPageNumber overrides it.")
    private Integer pageNumber;

    @UriParam(defaultValue = "500",
              description = "Messages per page of the chat history; Engati's default is 500 and it documents no"
                            + " maximum. Header CamelEngatiPageSize overrides it.")
    private int pageSize = DEFAULT_PAGE_SIZE;

    @UriParam(label = "advanced", defaultValue = "1",
              description = "The number of Engati's first page of chat history. Engati does not say whether pages"
                            + " count from 0 or 1; 1 is what the component assumes, 0 for an account that counts"
                            + " from 0.")
    private int firstPageNumber = 1;

    @UriParam(label = "producer",
              description = "The flow triggerFlow starts: 32 hexadecimal characters, as the flow builder's path info"
                            + " shows them (e.g. 27055FA465AE4076BD2D41403A62B1B7). Header CamelEngatiFlowKey"
                            + " overrides it.")
    private String flowKey;

    @UriParam(label = "producer", enums = "v1,v2", defaultValue = "v2",
              description = "Which API trigger triggerFlow calls: v2 sends the attributes as one flat JSON object,"
                            + " v1 as query parameters.")
    private String apiVersion = "v2";

    @UriParam(label = "producer",
              description = "The recipient's phone number with country code: sendTemplate's phoneNumber, and the"
                            + " user.phone_no of triggerFlow when the body has none. Header CamelEngatiPhoneNumber"
                            + " overrides it.")
    private String phoneNumber;

    @UriParam(label = "producer",
              description = "The approved WhatsApp template of sendTemplate and broadcast, when the template payload"
                            + " names none. Header CamelEngatiTemplateName overrides it.")
    private String templateName;

    @UriParam(label = "producer",
              description = "The template's language code, e.g. en_US, when the template payload gives none (sent with"
                            + " the deterministic policy). Header CamelEngatiTemplateLanguage overrides it.")
    private String templateLanguage;

    @UriParam(label = "producer",
              description = "The template's WhatsApp namespace, when the template payload gives none; optional."
                            + " Header CamelEngatiTemplateNamespace overrides it.")
    private String templateNamespace;

    @UriParam(label = "producer",
              description = "The name of the external broadcast (its broadcast_id). Header CamelEngatiBroadcastId"
                            + " overrides it.")
    private String broadcastId;

    @Override
    public EngatiConfiguration copy() {
        return (EngatiConfiguration) super.copy();
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getBotKey() {
        return botKey;
    }

    public void setBotKey(String botKey) {
        this.botKey = botKey;
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

    public String getAttributeName() {
        return attributeName;
    }

    public void setAttributeName(String attributeName) {
        this.attributeName = attributeName;
    }

    public String getAttributeValue() {
        return attributeValue;
    }

    public void setAttributeValue(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    public String getChannelUserId() {
        return channelUserId;
    }

    public void setChannelUserId(String channelUserId) {
        this.channelUserId = channelUserId;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public Integer getPageNumber() {
        return pageNumber;
    }

    public void setPageNumber(Integer pageNumber) {
        this.pageNumber = pageNumber;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getFirstPageNumber() {
        return firstPageNumber;
    }

    public void setFirstPageNumber(int firstPageNumber) {
        this.firstPageNumber = firstPageNumber;
    }

    public String getFlowKey() {
        return flowKey;
    }

    public void setFlowKey(String flowKey) {
        this.flowKey = flowKey;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getTemplateLanguage() {
        return templateLanguage;
    }

    public void setTemplateLanguage(String templateLanguage) {
        this.templateLanguage = templateLanguage;
    }

    public String getTemplateNamespace() {
        return templateNamespace;
    }

    public void setTemplateNamespace(String templateNamespace) {
        this.templateNamespace = templateNamespace;
    }

    public String getBroadcastId() {
        return broadcastId;
    }

    public void setBroadcastId(String broadcastId) {
        this.broadcastId = broadcastId;
    }
}
