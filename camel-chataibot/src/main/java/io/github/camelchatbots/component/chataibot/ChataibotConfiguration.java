package io.github.camelchatbots.component.chataibot;

import io.github.camelchatbots.component.chataibot.model.ChataibotVariables;
import io.github.camelchatbots.support.WebhookCapableConfiguration;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The ChatAIBot options, settable on the component (as defaults) and on each endpoint. */
@UriParams
public class ChataibotConfiguration extends WebhookCapableConfiguration {

    public static final String DEFAULT_BASE_URL = "https://app.chataibot.io";
    public static final String DEFAULT_WEBHOOK_PATH = "/chataibot/replies";
    /** The header the simulator sends its callback secret in; ChatAIBot documents none. */
    public static final String DEFAULT_WEBHOOK_SECRET_HEADER = "X-ChatAIBot-Secret";
    public static final String DEFAULT_SOURCE_FIELD = "sources";

    @UriParam(label = "security", secret = true,
              description = "The account token (ChatAIBot: Settings, Account Settings), sent as Authorization: Bearer."
                            + " Required for every operation but replies.")
    private String accessToken;

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The ChatAIBot address, below which the API's paths (/api/v1/...) are; another one for the"
                            + " simulator or a proxy.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "Requests per rateLimitPeriod allowed for this account, shared by every endpoint using the"
                            + " same token and base URL in this JVM; when endpoints declare different limits, each of"
                            + " them holds. ChatAIBot documents no limit, so it is off (0); 429 answers and their"
                            + " Retry-After are honoured either way.")
    private int rateLimit;

    @UriParam(description = "The bot to talk to: the bot_key shown on the trigger block of a bot built for the API"
                            + " channel. Required by startConversation, and by sendMessage when it finds the"
                            + " conversation by userExternalId; header CamelChataibotBotKey overrides it. On the"
                            + " replies consumer it keeps the replies that come back in sendMessage answers to those"
                            + " of this bot's conversations.")
    private String botKey;

    @UriParam(label = "producer",
              description = "The visitor's own id in your system, one per visitor (ChatAIBot's user_external_id)."
                            + " startConversation needs it; sendMessage with it (and botKey) instead of a"
                            + " conversationId continues the visitor's conversation, or starts one for their first"
                            + " message. Header CamelChataibotUserExternalId overrides it.")
    private String userExternalId;

    @UriParam(label = "producer",
              description = "The conversation sendMessage sends to. Header CamelChataibotConversationId overrides it;"
                            + " without either, sendMessage finds the conversation by userExternalId.")
    private String conversationId;

    @UriParam(label = "producer", defaultValue = "text",
              description = "The type of the message made from a text body. Header CamelChataibotMessageType"
                            + " overrides it; a message record or map in the body carries its own.")
    private String messageType = "text";

    @UriParam(label = "producer,advanced",
              description = "A ChataibotVariables bean (system, contact, conversation) sent with every conversation"
                            + " start of this endpoint. Header CamelChataibotVariables and a 'variables' field in the"
                            + " body override it.")
    private ChataibotVariables variables;

    @UriParam(label = "producer,consumer",
              description = "A file that keeps which conversation each visitor is in across restarts. Without it, and"
                            + " without conversationRepository, the component keeps it in memory for as long as it"
                            + " runs.")
    private String conversationFile;

    @UriParam(label = "producer,consumer,advanced",
              description = "A StateRepository bean that keeps which conversation each visitor is in, e.g. one shared"
                            + " by several applications. Wins over conversationFile.")
    private StateRepository<String, String> conversationRepository;

    @UriParam(label = "producer", defaultValue = "true",
              description = "Whether sendMessage also hands the bot's replies that come back in its answer to this"
                            + " component's replies consumers, so that one route serves replies however ChatAIBot"
                            + " delivers them. They are in sendMessage's answer either way.")
    private boolean deliverReplies = true;

    @UriParam(label = "producer",
              description = "The knowledge base uploadSources adds to (its knowledge_base_id). Header"
                            + " CamelChataibotKnowledgeBaseId overrides it.")
    private String knowledgeBaseId;

    @UriParam(label = "producer", defaultValue = DEFAULT_SOURCE_FIELD,
              description = "The form field a single file or text is uploaded in; a Map body names the field of each"
                            + " of its entries itself. ChatAIBot groups the answer by field.")
    private String sourceField = DEFAULT_SOURCE_FIELD;

    @UriParam(label = "producer",
              description = "The sources sourceStatus asks for: ids separated by commas, e.g. 330783,330784. Header"
                            + " CamelChataibotSourceIds (a List of ids, or the same text) overrides it; uploadSources"
                            + " sets that header.")
    private String sourceIds;

    @UriParam(label = "consumer,webhook", defaultValue = DEFAULT_WEBHOOK_PATH,
              description = "The path the replies consumer serves on the runtime's HTTP server (platform-http): the"
                            + " URL to give ChatAIBot for the bot's replies is the server's address followed by this"
                            + " path.")
    private String webhookPath = DEFAULT_WEBHOOK_PATH;

    @UriParam(label = "consumer,webhook,security", secret = true,
              description = "A secret the replies webhook requires in the webhookSecretHeader header of every request;"
                            + " requests without it are refused (401). Unset, the webhook takes every request: put it"
                            + " behind a path only ChatAIBot knows.")
    private String webhookSecret;

    @UriParam(label = "consumer,webhook,advanced", defaultValue = DEFAULT_WEBHOOK_SECRET_HEADER,
              description = "The request header that carries webhookSecret. ChatAIBot documents none; this default is"
                            + " the simulator's.")
    private String webhookSecretHeader = DEFAULT_WEBHOOK_SECRET_HEADER;

    @UriParam(label = "advanced",
              description = "A ChataibotReplyMapper bean that reads one bot reply from the JSON ChatAIBot delivers, in"
                            + " a webhook request or in a sendMessage answer, for accounts whose payload differs from"
                            + " the one assumed (conversation_id, message_id, message, from, created_at).")
    private ChataibotReplyMapper replyMapper;

    @Override
    public ChataibotConfiguration copy() {
        return (ChataibotConfiguration) super.copy();
    }

    /** The configured mapper, else the assumed payload's. */
    ChataibotReplyMapper replyMapperOrDefault() {
        return replyMapper != null ? replyMapper : ChataibotReplyMapper.ASSUMED;
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

    public String getBotKey() {
        return botKey;
    }

    public void setBotKey(String botKey) {
        this.botKey = botKey;
    }

    public String getUserExternalId() {
        return userExternalId;
    }

    public void setUserExternalId(String userExternalId) {
        this.userExternalId = userExternalId;
    }

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public String getMessageType() {
        return messageType;
    }

    public void setMessageType(String messageType) {
        this.messageType = messageType;
    }

    public ChataibotVariables getVariables() {
        return variables;
    }

    public void setVariables(ChataibotVariables variables) {
        this.variables = variables;
    }

    public String getConversationFile() {
        return conversationFile;
    }

    public void setConversationFile(String conversationFile) {
        this.conversationFile = conversationFile;
    }

    public StateRepository<String, String> getConversationRepository() {
        return conversationRepository;
    }

    public void setConversationRepository(StateRepository<String, String> conversationRepository) {
        this.conversationRepository = conversationRepository;
    }

    public boolean isDeliverReplies() {
        return deliverReplies;
    }

    public void setDeliverReplies(boolean deliverReplies) {
        this.deliverReplies = deliverReplies;
    }

    public String getKnowledgeBaseId() {
        return knowledgeBaseId;
    }

    public void setKnowledgeBaseId(String knowledgeBaseId) {
        this.knowledgeBaseId = knowledgeBaseId;
    }

    public String getSourceField() {
        return sourceField;
    }

    public void setSourceField(String sourceField) {
        this.sourceField = sourceField;
    }

    public String getSourceIds() {
        return sourceIds;
    }

    public void setSourceIds(String sourceIds) {
        this.sourceIds = sourceIds;
    }

    @Override
    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getWebhookSecretHeader() {
        return webhookSecretHeader;
    }

    public void setWebhookSecretHeader(String webhookSecretHeader) {
        this.webhookSecretHeader = webhookSecretHeader;
    }

    public ChataibotReplyMapper getReplyMapper() {
        return replyMapper;
    }

    public void setReplyMapper(ChataibotReplyMapper replyMapper) {
        this.replyMapper = replyMapper;
    }
}
