package io.github.camelchatbots.component.chataibot;

import java.nio.file.Path;
import java.time.Duration;

import io.github.camelchatbots.component.chataibot.client.ChataibotClient;
import io.github.camelchatbots.component.chataibot.client.MultipartRequest;
import io.github.camelchatbots.support.ChatbotConfiguration;
import io.github.camelchatbots.support.ChatbotEndpoint;
import io.github.camelchatbots.support.Ids;
import io.github.camelchatbots.support.Texts;
import io.github.camelchatbots.support.http.Authentication;
import io.github.camelchatbots.support.http.ChatbotApiClient;
import io.github.camelchatbots.support.http.RateLimiter;
import io.github.camelchatbots.support.http.RateLimiters;
import io.github.camelchatbots.support.http.VendorErrorModel;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Talks to a ChatAIBot bot over the API channel from a route: starts visitors' conversations and sends their messages,
 * remembering which conversation each visitor is in, receives the bot's replies, and uploads knowledge-base sources and
 * follows their processing.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "chataibot", title = "ChatAIBot", syntax = "chataibot:operation",
             category = { Category.CHAT, Category.API, Category.CLOUD }, headersClass = ChataibotConstants.class)
public class ChataibotEndpoint extends ChatbotEndpoint<ChataibotClient> {

    @UriPath(enums = "startConversation,sendMessage,uploadSources,sourceStatus,replies",
             description = "The ChatAIBot call. Producers: startConversation, sendMessage (the visitor's message, to a"
                           + " conversation or to the visitor's), uploadSources (files or texts into a knowledge base),"
                           + " sourceStatus. Consumer: replies (the bot's replies).")
    @Metadata(required = true)
    private ChataibotOperation operation;

    @UriParam
    private ChataibotConfiguration configuration;

    /** Borrowed from the component's shared clients for the multipart upload, which support cannot send. */
    private CloseableHttpClient uploadHttpClient;
    private ConversationMemory memory;

    ChataibotEndpoint(String uri, ChataibotComponent component, ChataibotOperation operation,
                      ChataibotConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    static ChataibotOperation operation(String remaining) {
        return operation(ChataibotOperation.class, "chataibot", remaining);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (configuration.getBotKey() != null) {
            Ids.check("ChatAIBot", "botKey", configuration.getBotKey());
        }
        if (configuration.getUserExternalId() != null) {
            Ids.check("ChatAIBot", "userExternalId", configuration.getUserExternalId());
        }
        if (configuration.getConversationId() != null) {
            Ids.check("ChatAIBot", "conversationId", configuration.getConversationId());
        }
        if (configuration.getKnowledgeBaseId() != null) {
            Ids.check("ChatAIBot", "knowledgeBaseId", configuration.getKnowledgeBaseId());
        }
        if (configuration.getSourceIds() != null) {
            SourceIds.parse("option sourceIds", configuration.getSourceIds());
        }
        requireText("messageType", configuration.getMessageType());
        requireText("sourceField", configuration.getSourceField());
        requireText("webhookSecretHeader", configuration.getWebhookSecretHeader());
        if (configuration.getWebhookSecretHeader().chars().anyMatch(c -> c <= ' ' || c == ':' || c >= 127)) {
            throw new IllegalArgumentException("ChatAIBot: webhookSecretHeader must be a header name, not "
                                               + Texts.quote(configuration.getWebhookSecretHeader()));
        }
        if (configuration.getWebhookSecret() != null && configuration.getWebhookSecret().isBlank()) {
            throw new IllegalArgumentException("ChatAIBot: webhookSecret must not be blank; leave it unset for none");
        }
        if (configuration.getConversationFile() != null && configuration.getConversationFile().isBlank()) {
            throw new IllegalArgumentException("ChatAIBot: conversationFile must be a file path, not blank");
        }
    }

    private void requireText(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ChatAIBot: option " + option + " must not be empty");
        }
    }

    @Override
    protected Authentication createAuthentication() {
        String token = configuration.getAccessToken();
        if (token == null || token.isBlank()) {
            if (operation == ChataibotOperation.replies) {
                // ChatAIBot calls the replies webhook; it makes no call of its own
                return Authentication.none();
            }
            throw new IllegalArgumentException("ChatAIBot: accessToken is required for chataibot:" + operation
                                               + "; set it on the endpoint or on the chataibot component");
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("ChatAIBot: accessToken must be the account token alone, without"
                                               + " 'Bearer', spaces or line breaks");
        }
        return Authentication.bearer(token);
    }

    @Override
    protected void doStart() throws Exception {
        // before the client is made, which needs the upload sender
        if (operation == ChataibotOperation.uploadSources && configuration.getHttpClient() == null) {
            uploadHttpClient = getComponent().getHttpClients().acquire(configuration, getCamelContext());
        }
        super.doStart();
        if (operation == ChataibotOperation.startConversation || operation == ChataibotOperation.sendMessage
            || operation == ChataibotOperation.replies) {
            memory = openMemory();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (memory != null) {
            memory.close();
            memory = null;
        }
        super.doStop();
        if (uploadHttpClient != null) {
            getComponent().getHttpClients().release(uploadHttpClient);
            uploadHttpClient = null;
        }
    }

    private ConversationMemory openMemory() throws java.io.IOException {
        if (configuration.getConversationRepository() != null) {
            return ConversationMemory.openBean(configuration.getConversationRepository());
        }
        if (configuration.getConversationFile() != null) {
            return ConversationMemory.openFile(configuration.getConversationFile());
        }
        return getComponent().getMemory();
    }

    @Override
    protected ChataibotClient createClient(ChatbotApiClient apiClient) {
        MultipartRequest uploads = null;
        if (operation == ChataibotOperation.uploadSources) {
            CloseableHttpClient http = uploadHttpClient != null ? uploadHttpClient : configuration.getHttpClient();
            uploads = new MultipartRequest(getVendorName(), apiClient.getBaseUrl(), createAuthentication(),
                    rateLimiter(), http, Duration.ofMillis(configuration.getMaxRetryAfter()), getErrorModel());
        }
        return new ChataibotClient(apiClient, uploads, configuration.replyMapperOrDefault());
    }

    /** The account's limiter, the same instance the API client of this endpoint draws from. */
    private RateLimiter rateLimiter() {
        if (configuration.getRateLimiter() != null) {
            return configuration.getRateLimiter();
        }
        String directory = configuration.getRateLimitStateDirectory();
        return RateLimiters.forAccount(getVendorName(), configuration.getBaseUrl(), createAuthentication(),
                configuration.getRateLimit(), Duration.ofMillis(configuration.getRateLimitPeriod()),
                directory == null || directory.isBlank() ? RateLimiters.defaultStateDirectory() : Path.of(directory));
    }

    @Override
    public Producer createProducer() {
        if (operation == ChataibotOperation.replies) {
            throw new IllegalArgumentException("chataibot:replies is a consumer: ChatAIBot's replies come to it; use it"
                                               + " in from(...)");
        }
        return new ChataibotProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != ChataibotOperation.replies) {
            throw new IllegalArgumentException("chataibot:" + operation + " is a producer: use it in to(...); the"
                                               + " consumer is replies");
        }
        ChataibotRepliesConsumer consumer = new ChataibotRepliesConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The conversations of visitors, open while the endpoint runs. */
    ConversationMemory getMemory() {
        if (memory == null) {
            throw new IllegalStateException("ChatAIBot endpoint " + getEndpointBaseUri() + " is not started");
        }
        return memory;
    }

    @Override
    public ChatbotConfiguration getChatbotConfiguration() {
        return configuration;
    }

    @Override
    public String getVendorName() {
        return "ChatAIBot";
    }

    @Override
    protected VendorErrorModel getErrorModel() {
        return ChataibotClient.ERRORS;
    }

    @Override
    public ChataibotOperation getOperation() {
        return operation;
    }

    public void setOperation(ChataibotOperation operation) {
        this.operation = operation;
    }

    public ChataibotConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ChataibotConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ChataibotComponent getComponent() {
        return (ChataibotComponent) super.getComponent();
    }
}
