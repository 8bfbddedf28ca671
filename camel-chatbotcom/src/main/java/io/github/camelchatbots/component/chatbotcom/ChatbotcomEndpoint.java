package io.github.camelchatbots.component.chatbotcom;

import java.time.Duration;
import java.util.List;

import io.github.camelchatbots.component.chatbotcom.client.ChatbotcomClient;
import io.github.camelchatbots.component.chatbotcom.client.ChatbotcomLimits;
import io.github.camelchatbots.component.chatbotcom.client.UserListing;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQuery;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserFilter;
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
 * Manages ChatBot.com users, talks to the bot, reads chat archives and follows new users and chats as they come,
 * and answers ChatBot.com's webhooks from a route.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "chatbotcom", title = "ChatBot.com", syntax = "chatbotcom:operation",
             category = { Category.CHAT, Category.API, Category.CLOUD }, headersClass = ChatbotcomConstants.class)
public class ChatbotcomEndpoint extends ChatbotEndpoint<ChatbotcomClient> {
    /** ChatBot.com gives up on a webhook after 10 seconds ("timeout of 10000ms exceeded"). */
    static final long WEBHOOK_TIME_LIMIT_MILLIS = 10_000;

    @UriPath(enums = "createUser,users,user,updateUser,banUser,updateSessionAttributes,query,chats,chat,segments,"
                     + "stories,webhook",
             description = "The ChatBot.com call. Producers: createUser, users, user, updateUser, banUser,"
                           + " updateSessionAttributes, query (chat with the bot), chats, chat, segments, stories."
                           + " Consumers deliver what the producer of the same name returns: users (each new user),"
                           + " chats (each chat archive as listed), chat (each chat once it is over, with its messages),"
                           + " webhook (ChatBot.com calls the route).")
    @Metadata(required = true)
    private ChatbotcomOperation operation;

    @UriParam
    private ChatbotcomConfiguration configuration;

    ChatbotcomEndpoint(String uri, ChatbotcomComponent component, ChatbotcomOperation operation,
                       ChatbotcomConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    static ChatbotcomOperation operation(String remaining) {
        return operation(ChatbotcomOperation.class, "chatbotcom", remaining);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        requireAtLeast("quietPeriod", configuration.getQuietPeriod(), 0);
        if (configuration.getReplyTimeout() < 1 || configuration.getReplyTimeout() >= WEBHOOK_TIME_LIMIT_MILLIS) {
            throw new IllegalArgumentException("ChatBot.com: replyTimeout must be between 1 and "
                                               + (WEBHOOK_TIME_LIMIT_MILLIS - 1) + " ms, since ChatBot.com gives up"
                                               + " after 10 seconds, not " + configuration.getReplyTimeout());
        }
        ChatbotcomLimits.check(new UserListing(configuration.getLimit(), null, configuration.getSortField(),
                configuration.getSortOrder(), configuration.getMatch(), filters()));
        ChatbotcomLimits.checkFields(new ChatbotcomQuery(null, null, configuration.getTrigger(), null,
                configuration.getConfidence(), configuration.getLifespan(), null, configuration.getStoryId(), null,
                null));
        if (configuration.getUserId() != null) {
            Ids.check("ChatBot.com", "userId", configuration.getUserId());
        }
        if (configuration.getChatId() != null) {
            Ids.check("ChatBot.com", "chatId", configuration.getChatId());
        }
        if (configuration.getSessionId() != null) {
            ChatbotcomLimits.sessionId(configuration.getSessionId());
        }
        if (configuration.getSessionAttributesPath() == null
            || !configuration.getSessionAttributesPath().startsWith("/")) {
            throw new IllegalArgumentException("ChatBot.com: sessionAttributesPath must be a path starting with /, not "
                                               + configuration.getSessionAttributesPath());
        }
        if (operation == ChatbotcomOperation.webhook) {
            String token = configuration.getWebhookVerifyToken();
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("ChatBot.com: webhookVerifyToken is required for chatbotcom:webhook:"
                                                   + " set it to the token entered with the webhook in ChatBot.com");
            }
        }
    }

    @Override
    protected Authentication createAuthentication() {
        String token = configuration.getAccessToken();
        if (token == null || token.isBlank()) {
            if (operation == ChatbotcomOperation.webhook) {
                // ChatBot.com calls the webhook; it makes no call of its own
                return Authentication.none();
            }
            throw new IllegalArgumentException("ChatBot.com: accessToken is required for chatbotcom:" + operation
                                               + "; set it on the endpoint or on the chatbotcom component");
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("ChatBot.com: accessToken must be the developer access token alone,"
                                               + " without 'Bearer', spaces or line breaks");
        }
        return Authentication.bearer(token);
    }

    @Override
    protected ChatbotcomClient createClient(ChatbotApiClient apiClient) {
        return new ChatbotcomClient(apiClient);
    }

    @Override
    public Producer createProducer() {
        if (operation == ChatbotcomOperation.webhook) {
            throw new IllegalArgumentException("chatbotcom:webhook is a consumer: ChatBot.com calls it; use it in"
                                               + " from(...)");
        }
        return new ChatbotcomProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (operation) {
            case users -> new ChatbotcomUsersConsumer(this, processor);
            case chats -> new ChatbotcomChatsConsumer(this, processor);
            case chat -> {
                if (configuration.getChatId() != null) {
                    throw new IllegalArgumentException("ChatBot.com: chatbotcom:chat as a consumer delivers every chat"
                                                       + " once it is over; chatId is for the producer");
                }
                yield new ChatbotcomChatConsumer(this, processor);
            }
            case webhook -> new ChatbotcomWebhookConsumer(this, processor);
            default -> throw new IllegalArgumentException("chatbotcom:" + operation + " is a producer: use it in"
                                                          + " to(...); the consumers are users, chats, chat and webhook");
        };
        configureConsumer(consumer);
        return consumer;
    }

    List<ChatbotcomUserFilter> filters() {
        return ChatbotcomUserFilter.parseAll(configuration.getFilters());
    }

    Duration quietPeriod() {
        return Duration.ofMillis(configuration.getQuietPeriod());
    }

    @Override
    public ChatbotConfiguration getChatbotConfiguration() {
        return configuration;
    }

    @Override
    public String getVendorName() {
        return "ChatBot.com";
    }

    @Override
    protected VendorErrorModel getErrorModel() {
        return ChatbotcomClient.ERRORS;
    }

    @Override
    public ChatbotcomOperation getOperation() {
        return operation;
    }

    public void setOperation(ChatbotcomOperation operation) {
        this.operation = operation;
    }

    public ChatbotcomConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ChatbotcomConfiguration configuration) {
        this.configuration = configuration;
    }

}
