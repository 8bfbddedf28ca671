package io.github.camelchatbots.component.konversation;

import io.github.camelchatbots.component.konversation.client.KonversationClient;
import io.github.camelchatbots.component.konversation.client.RateLimitHeaders;
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
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Manages a konversation Connect bot (the UChat platform) from routes: flow tags, user and bot fields, sub flows,
 * subscribers with their tags and fields, sending, broadcasts, chat history, carts, orders and the shop.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "konversation", title = "konversation",
             syntax = "konversation:operation", producerOnly = true,
             category = { Category.CHAT, Category.API, Category.CLOUD }, headersClass = KonversationConstants.class)
public class KonversationEndpoint extends ChatbotEndpoint<KonversationClient> {

    @UriPath(enums = "tags,createTag,deleteTag,subFlows,deleteSubFlow,userFields,createUserField,"
                     + "updateUserField,deleteUserField,botFields,createBotField,setBotField,setBotFields,"
                     + "deleteBotField,subscriber,subscribers,createSubscriber,createSubscribers,updateSubscriber,"
                     + "deleteSubscriber,addTags,removeTags,setUserFields,clearUserFields,sendSubFlow,sendText,"
                     + "sendContent,sendWhatsAppTemplate,broadcast,chatMessages,cart,addToCart,removeFromCart,"
                     + "emptyCart,cartPaid,updateOrderStatus,products,product,createProduct,updateProduct,"
                     + "deleteProduct,productVariants,orders,order",
             description = "The konversation call. Flow: tags, createTag, deleteTag, subFlows, deleteSubFlow,"
                           + " userFields, createUserField, updateUserField, deleteUserField, botFields,"
                           + " createBotField, setBotField, setBotFields, deleteBotField. Subscribers: subscriber,"
                           + " subscribers, createSubscriber, createSubscribers, updateSubscriber, deleteSubscriber,"
                           + " addTags, removeTags, setUserFields, clearUserFields, chatMessages. Sending:"
                           + " sendSubFlow, sendText, sendContent, sendWhatsAppTemplate, broadcast. E-commerce: cart,"
                           + " addToCart, removeFromCart, emptyCart, cartPaid, updateOrderStatus, products, product,"
                           + " createProduct, updateProduct, deleteProduct, productVariants, orders, order.")
    @Metadata(required = true)
    private KonversationOperation operation;

    @UriParam
    private KonversationConfiguration configuration;

    KonversationEndpoint(String uri, KonversationComponent component, KonversationOperation operation,
                         KonversationConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    static KonversationOperation operation(String remaining) {
        return operation(KonversationOperation.class, "konversation", remaining);
    }

    @Override
    protected void doInit() throws Exception {
        String baseUrl = configuration.getBaseUrl();
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("konversation: baseUrl is required for " + operation.uri() + ": the"
                                               + " workspace's konversation address followed by /api, e.g."
                                               + " https://<your konversation domain>/api. konversation documents no"
                                               + " default host; set it on the endpoint or on the konversation"
                                               + " component");
        }
        super.doInit();
        for (KonversationInput input : KonversationInput.values()) {
            Object configured = input.configured(configuration);
            if (configured instanceof String text && !text.isBlank() && isNamespace(input)) {
                for (String id : text.split(",")) {
                    if (!id.isBlank()) {
                        Ids.check("konversation", input.option(), id.trim());
                    }
                }
            }
        }
        operation.checkOptions(configuration);
    }

    private static boolean isNamespace(KonversationInput input) {
        return input.option() != null && (input.option().endsWith("Ns") || input.option().endsWith("NsList")
                                          || input.option().equals("userId"));
    }

    @Override
    protected Authentication createAuthentication() {
        String key = configuration.getApiKey();
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("konversation: apiKey is required for " + operation.uri() + "; set it"
                                               + " on the endpoint or on the konversation component");
        }
        if (key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("konversation: apiKey must be the API key alone, without 'Bearer',"
                                               + " spaces or line breaks");
        }
        return Authentication.bearer(key);
    }

    /**
     * The answers' {@code X-RateLimit-*} headers are read by an interceptor of the HTTP client the endpoint is given,
     * so the client is built with it; the option keeps the user's own configurer.
     */
    @Override
    protected void doStart() throws Exception {
        HttpClientConfigurer own = configuration.getHttpClientConfigurer();
        if (configuration.getHttpClient() == null) {
            configuration.setHttpClientConfigurer(RateLimitHeaders.recordingAround(own));
        }
        try {
            super.doStart();
        } finally {
            configuration.setHttpClientConfigurer(own);
        }
    }

    @Override
    protected KonversationClient createClient(ChatbotApiClient apiClient) {
        return new KonversationClient(apiClient);
    }

    @Override
    public Producer createProducer() {
        return new KonversationProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new IllegalArgumentException("konversation:" + operation + " is a producer: use it in to(...)");
    }

    @Override
    public ChatbotConfiguration getChatbotConfiguration() {
        return configuration;
    }

    @Override
    public String getVendorName() {
        return "konversation";
    }

    @Override
    protected VendorErrorModel getErrorModel() {
        return KonversationClient.ERRORS;
    }

    @Override
    public KonversationOperation getOperation() {
        return operation;
    }

    public void setOperation(KonversationOperation operation) {
        this.operation = operation;
    }

    public KonversationConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KonversationConfiguration configuration) {
        this.configuration = configuration;
    }
}
