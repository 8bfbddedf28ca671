package io.github.camelchatbots.component.ebbot;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

import io.github.camelchatbots.component.ebbot.client.EbbotClient;
import io.github.camelchatbots.support.ChatbotConfiguration;
import io.github.camelchatbots.support.ChatbotEndpoint;
import io.github.camelchatbots.support.Ids;
import io.github.camelchatbots.support.http.Authentication;
import io.github.camelchatbots.support.http.ChatbotApiClient;
import io.github.camelchatbots.support.http.VendorErrorModel;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Reads Ebbot chats and transcripts, follows new ones as they come, and talks to an Ebbot bot through an incoming
 * webhook.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ebbot", title = "Ebbot", syntax = "ebbot:operation",
             category = { Category.CHAT, Category.API, Category.CLOUD }, headersClass = EbbotConstants.class)
public class EbbotEndpoint extends ChatbotEndpoint<EbbotClient> {

    @UriPath(enums = "chats,transcript,sendMessage",
             description = "The Ebbot call: chats (list chats, or consume each new chat), transcript (a chat's"
                           + " transcript, or consume each ended chat's transcript or one chat's new messages),"
                           + " sendMessage (talk to the bot through an incoming webhook).")
    @Metadata(required = true)
    private EbbotOperation operation;

    @UriParam
    private EbbotConfiguration configuration;

    EbbotEndpoint(String uri, EbbotComponent component, EbbotOperation operation, EbbotConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    static EbbotOperation operation(String remaining) {
        return operation(EbbotOperation.class, "ebbot", remaining);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        requireAtLeast("page", configuration.getPage(), 1);
        requireAtLeast("limit", configuration.getLimit(), 1);
        requireAtLeast("quietPeriod", configuration.getQuietPeriod(), 0);
        zoneId();
        if (configuration.getChatId() != null) {
            Ids.check("Ebbot", "chatId", configuration.getChatId());
        }
        if (configuration.getWebhookId() != null) {
            Ids.checkSecret("Ebbot", "webhookId", configuration.getWebhookId());
        }
        if (configuration.getMessageType() == null || configuration.getMessageType().isBlank()) {
            throw new IllegalArgumentException("Ebbot: messageType must not be empty (text, variable or scenario)");
        }
    }

    @Override
    protected Authentication createAuthentication() {
        String apiKey = configuration.getApiKey();
        if (apiKey == null || apiKey.isBlank()) {
            if (operation == EbbotOperation.sendMessage) {
                // incoming webhooks are authenticated by their id alone
                return Authentication.none();
            }
            throw new IllegalArgumentException("Ebbot: apiKey is required for ebbot:" + operation
                                               + "; set it on the endpoint or on the ebbot component");
        }
        int dot = apiKey.indexOf('.');
        if (dot <= 0 || dot == apiKey.length() - 1 || apiKey.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Ebbot: apiKey must be the full key '<public-key>.<secret-key>', the"
                                               + " two parts joined by a dot as Ebbot shows it once at creation,"
                                               + " without spaces or line breaks; the configured value is not of"
                                               + " that form");
        }
        return Authentication.headerKey("x-api-key", apiKey);
    }

    private ZoneId zoneId() {
        try {
            return ZoneId.of(configuration.getTimeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("Ebbot: timeZone '" + configuration.getTimeZone()
                                               + "' is not a time zone id such as UTC or Europe/Stockholm", e);
        }
    }

    @Override
    protected EbbotClient createClient(ChatbotApiClient apiClient) {
        return new EbbotClient(apiClient, zoneId());
    }

    @Override
    public Producer createProducer() {
        return new EbbotProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (operation) {
            case chats -> new EbbotChatsConsumer(this, processor);
            case transcript -> configuration.getChatId() != null
                    ? new EbbotChatMessagesConsumer(this, processor)
                    : new EbbotTranscriptsConsumer(this, processor);
            case sendMessage -> throw new IllegalArgumentException(
                    "ebbot:sendMessage is a producer: use it in to(...), not from(...)");
        };
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public ChatbotConfiguration getChatbotConfiguration() {
        return configuration;
    }

    @Override
    public String getVendorName() {
        return "Ebbot";
    }

    @Override
    protected VendorErrorModel getErrorModel() {
        return EbbotClient.ERRORS;
    }

    @Override
    public EbbotOperation getOperation() {
        return operation;
    }

    public void setOperation(EbbotOperation operation) {
        this.operation = operation;
    }

    public EbbotConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(EbbotConfiguration configuration) {
        this.configuration = configuration;
    }

    Duration quietPeriod() {
        return Duration.ofMillis(configuration.getQuietPeriod());
    }
}
