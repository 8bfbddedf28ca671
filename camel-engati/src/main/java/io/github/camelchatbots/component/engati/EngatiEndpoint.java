package io.github.camelchatbots.component.engati;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.github.camelchatbots.component.engati.client.EngatiClient;
import io.github.camelchatbots.component.engati.client.EngatiIds;
import io.github.camelchatbots.component.engati.client.MultipartPost;
import io.github.camelchatbots.support.ChatbotConfiguration;
import io.github.camelchatbots.support.ChatbotEndpoint;
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
 * Finds Engati bot users by attribute, reads a user's chat history, starts bot flows through API triggers, and sends
 * WhatsApp template messages and external broadcasts.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "engati", title = "Engati", syntax = "engati:operation",
             category = { Category.CHAT, Category.API, Category.CLOUD }, headersClass = EngatiConstants.class)
public class EngatiEndpoint extends ChatbotEndpoint<EngatiClient> {

    @UriPath(enums = "users,conversations,triggerFlow,sendTemplate,broadcast",
             description = "The Engati call: users (the users whose attribute has a value), conversations (one user's"
                           + " chat history, a page at a time), triggerFlow (an API trigger starts a flow for a user),"
                           + " sendTemplate (one WhatsApp template message), broadcast (a template to the recipients"
                           + " of a CSV file).")
    @Metadata(required = true)
    private EngatiOperation operation;

    @UriParam
    private EngatiConfiguration configuration;

    private Instant startDate;
    private Instant endDate;
    /** Borrowed from the component for the multipart calls, unless the user handed in a client of their own. */
    private CloseableHttpClient multipartHttpClient;

    EngatiEndpoint(String uri, EngatiComponent component, EngatiOperation operation,
                   EngatiConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    static EngatiOperation operation(String remaining) {
        return operation(EngatiOperation.class, "engati", remaining);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        EngatiIds.customerId("option customerId", configuration.getCustomerId());
        EngatiIds.botKey("option botKey", configuration.getBotKey());
        if (configuration.getChannelUserId() != null) {
            EngatiIds.channelUserId("option channelUserId", configuration.getChannelUserId());
        }
        if (configuration.getFlowKey() != null) {
            EngatiIds.flowKey("option flowKey", configuration.getFlowKey());
        }
        if (configuration.getPhoneNumber() != null) {
            EngatiIds.phoneNumber("option phoneNumber", configuration.getPhoneNumber());
        }
        startDate = EngatiInstants.parse("option startDate", configuration.getStartDate());
        endDate = EngatiInstants.parse("option endDate", configuration.getEndDate());
        if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
            throw new IllegalArgumentException("Engati: option startDate " + startDate + " must not be after option"
                                               + " endDate " + endDate);
        }
        requireAtLeast("pageSize", configuration.getPageSize(), 1);
        if (configuration.getFirstPageNumber() != 0 && configuration.getFirstPageNumber() != 1) {
            throw new IllegalArgumentException("Engati: option firstPageNumber must be 0 or 1, not "
                                               + configuration.getFirstPageNumber());
        }
        if (configuration.getPageNumber() != null) {
            requireAtLeast("pageNumber", configuration.getPageNumber(), configuration.getFirstPageNumber());
        }
    }

    /** The key exactly as issued: it is the Basic credential itself, not a user and password to encode. */
    @Override
    protected Authentication createAuthentication() {
        String key = configuration.getApiKey();
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Engati: apiKey is required for engati:" + operation + "; set it on the"
                                               + " endpoint or on the engati component");
        }
        if (key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Engati: apiKey must be the API key alone, as Engati issued it, without"
                                               + " 'Basic', spaces or line breaks");
        }
        return Authentication.rawBasic(key);
    }

    /**
     * The broadcast's multipart call goes through the same HTTP client settings, account rate limiter and error model
     * as the JSON calls of {@code apiClient}, which sends JSON only.
     */
    @Override
    protected EngatiClient createClient(ChatbotApiClient apiClient) throws Exception {
        Authentication authentication = createAuthentication();
        RateLimiter limiter = configuration.getRateLimiter() != null ? configuration.getRateLimiter()
                : RateLimiters.forAccount(getVendorName(), configuration.getBaseUrl(), authentication,
                        configuration.getRateLimit(), Duration.ofMillis(configuration.getRateLimitPeriod()),
                        rateLimitStateDirectory());
        multipartHttpClient = configuration.getHttpClient() == null
                ? getComponent().getHttpClients().acquire(configuration, getCamelContext()) : null;
        CloseableHttpClient http = multipartHttpClient != null ? multipartHttpClient : configuration.getHttpClient();
        MultipartPost multipart = new MultipartPost(getVendorName(), configuration.getBaseUrl(), authentication,
                limiter, http, Duration.ofMillis(configuration.getMaxRetryAfter()), getErrorModel());
        return new EngatiClient(apiClient, multipart, configuration.getCustomerId(), configuration.getBotKey());
    }

    private Path rateLimitStateDirectory() {
        String directory = configuration.getRateLimitStateDirectory();
        return directory == null || directory.isBlank() ? RateLimiters.defaultStateDirectory() : Path.of(directory);
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (multipartHttpClient != null) {
            getComponent().getHttpClients().release(multipartHttpClient);
            multipartHttpClient = null;
        }
    }

    @Override
    public Producer createProducer() {
        return new EngatiProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new IllegalArgumentException("engati:" + operation + " is a producer: use it in to(...)");
    }

    /** The startDate option, parsed when the route started. */
    Instant startDate() {
        return startDate;
    }

    /** The endDate option, parsed when the route started. */
    Instant endDate() {
        return endDate;
    }

    @Override
    public ChatbotConfiguration getChatbotConfiguration() {
        return configuration;
    }

    @Override
    public String getVendorName() {
        return EngatiIds.VENDOR;
    }

    @Override
    protected VendorErrorModel getErrorModel() {
        return EngatiClient.ERRORS;
    }

    @Override
    public EngatiOperation getOperation() {
        return operation;
    }

    public void setOperation(EngatiOperation operation) {
        this.operation = operation;
    }

    public EngatiConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(EngatiConfiguration configuration) {
        this.configuration = configuration;
    }
}
