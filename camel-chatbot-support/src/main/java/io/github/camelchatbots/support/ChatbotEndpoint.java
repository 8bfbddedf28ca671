package io.github.camelchatbots.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.camelchatbots.support.consumer.StartFrom;
import io.github.camelchatbots.support.consumer.UnreadableCursor;
import io.github.camelchatbots.support.http.Authentication;
import io.github.camelchatbots.support.http.ChatbotApiClient;
import io.github.camelchatbots.support.http.RateLimiter;
import io.github.camelchatbots.support.http.RateLimiters;
import io.github.camelchatbots.support.http.VendorErrorModel;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * What every chatbot endpoint does alike: validate the shared options when the route starts, own the API client
 * and the vendor's typed client for the endpoint's lifetime, and tell Camel's service registry where it connects.
 * The vendor's endpoint declares its operation and configuration (so the metadata generator sees their options),
 * says how to authenticate and makes its typed client.
 *
 * @param <K> the vendor's typed client
 */
public abstract class ChatbotEndpoint<K> extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /**
     * One poll a minute: the vendors that document a limit allow a few dozen requests a minute for the whole account,
     * and an idle poll costs one.
     */
    public static final long DEFAULT_DELAY = 60_000;

    @UriParam(label = "consumer,scheduler", javaType = "java.time.Duration", defaultValue = "60000",
              description = "Milliseconds (or a duration such as 5m) between two polls of a consumer. An idle poll"
                            + " costs one request of the account's rate limit.")
    private long delay = DEFAULT_DELAY;

    private final MemoryStateRepository memoryCursors = new MemoryStateRepository();
    private ChatbotApiClient apiClient;
    private K client;
    /** Borrowed from the component unless the user handed in a client of their own. */
    private CloseableHttpClient sharedHttpClient;
    private StartFrom startFrom;

    protected ChatbotEndpoint(String uri, ChatbotComponent component) {
        super(uri, component);
        super.setDelay(DEFAULT_DELAY);
    }

    /**
     * The operation the URI's path names, e.g. {@code ebbot:chats}.
     *
     * @throws IllegalArgumentException listing the operations when the path names none of them
     */
    public static <O extends Enum<O>> O operation(Class<O> operations, String scheme, String path) {
        String valid = Arrays.stream(operations.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A " + scheme + " URI names an operation (" + scheme + ":<operation>),"
                                               + " one of: " + valid);
        }
        for (O operation : operations.getEnumConstants()) {
            if (operation.name().equals(path)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown " + scheme + " operation " + Texts.quote(path) + "; use one of: "
                                           + valid);
    }

    public abstract ChatbotConfiguration getChatbotConfiguration();

    /** The vendor's name as it appears in errors and logs, e.g. "Ebbot". */
    public abstract String getVendorName();

    /** The operation the endpoint's path names. */
    public abstract Enum<?> getOperation();

    /** The typed client of the vendor's API, made once the endpoint has its API client. */
    protected abstract K createClient(ChatbotApiClient apiClient) throws Exception;

    /** The scheme and operation as errors name them, e.g. {@code ebbot:chats}. */
    public String getOperationUri() {
        return scheme() + ":" + getOperation();
    }

    protected abstract Authentication createAuthentication();

    protected abstract VendorErrorModel getErrorModel();

    private String getBaseUrl() {
        return getChatbotConfiguration().getBaseUrl();
    }

    private int getRateLimit() {
        return getChatbotConfiguration().getRateLimit();
    }

    private Duration getRateLimitPeriod() {
        return Duration.ofMillis(getChatbotConfiguration().getRateLimitPeriod());
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        ChatbotConfiguration configuration = getChatbotConfiguration();
        startFrom = StartFrom.parse(configuration.getStartFrom());
        requireAtLeast("connectTimeout", configuration.getConnectTimeout(), 1);
        requireAtLeast("responseTimeout", configuration.getResponseTimeout(), 1);
        requireAtLeast("maxRetries", configuration.getMaxRetries(), 0);
        requireAtLeast("retryInitialDelay", configuration.getRetryInitialDelay(), 0);
        requireAtLeast("retryMaxDelay", configuration.getRetryMaxDelay(), 0);
        requireAtLeast("maxRetryAfter", configuration.getMaxRetryAfter(), 0);
        requireAtLeast("maxMessagesPerPoll", configuration.getMaxMessagesPerPoll(), 0);
        requireAtLeast("failedItemDelay", configuration.getFailedItemDelay(), 1);
        requireAtLeast("failedItemMaxDelay", configuration.getFailedItemMaxDelay(), 1);
        requireAtLeast("maxFailedItems", configuration.getMaxFailedItems(), 1);
        UnreadableCursor.parse(configuration.getUnreadableCursor());
        requireAtLeast("rateLimit", getRateLimit(), 0);
        if (configuration instanceof WebhookCapableConfiguration webhook) {
            requireAtLeast("replyTimeout", webhook.getReplyTimeout(), 1);
            requireAtLeast("webhookConcurrency", webhook.getWebhookConcurrency(), 1);
            requireAtLeast("webhookQueueSize", webhook.getWebhookQueueSize(), 0);
            if (webhook.getWebhookPath() == null || !webhook.getWebhookPath().startsWith("/")) {
                throw new IllegalArgumentException(getVendorName() + ": webhookPath must be a path starting with /,"
                                                   + " not " + Texts.quote(webhook.getWebhookPath()));
            }
        }
        if (getRateLimit() > 0 && (getRateLimitPeriod() == null || getRateLimitPeriod().isZero()
                                   || getRateLimitPeriod().isNegative())) {
            throw new IllegalArgumentException(getVendorName() + ": rateLimitPeriod must be positive");
        }
        // surfaces a malformed base URL or credential at route start, not at the first call
        createAuthentication();
        ChatbotApiClient.validateBaseUrl(getBaseUrl());
    }

    protected void requireAtLeast(String option, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(getVendorName() + ": option " + option + " must be at least " + minimum
                                               + ", not " + value);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ChatbotConfiguration configuration = getChatbotConfiguration();
        Authentication authentication = createAuthentication();
        RateLimiter limiter = configuration.getRateLimiter() != null ? configuration.getRateLimiter()
                : RateLimiters.forAccount(getVendorName(), getBaseUrl(), authentication, getRateLimit(),
                        getRateLimitPeriod(), rateLimitStateDirectory());
        sharedHttpClient = configuration.getHttpClient() == null
                ? getComponent().getHttpClients().acquire(configuration, getCamelContext()) : null;
        CloseableHttpClient http = sharedHttpClient != null ? sharedHttpClient : configuration.getHttpClient();
        apiClient = new ChatbotApiClient(getVendorName(), getBaseUrl(), authentication, limiter, http,
                sharedHttpClient != null, Duration.ofMillis(configuration.getMaxRetryAfter()), getErrorModel());
        client = createClient(apiClient);
    }

    private Path rateLimitStateDirectory() {
        String directory = getChatbotConfiguration().getRateLimitStateDirectory();
        return directory == null || directory.isBlank() ? RateLimiters.defaultStateDirectory() : Path.of(directory);
    }

    @Override
    protected void doStop() throws Exception {
        client = null;
        apiClient = null;
        if (sharedHttpClient != null) {
            getComponent().getHttpClients().release(sharedHttpClient);
            sharedHttpClient = null;
        }
        super.doStop();
    }

    @Override
    public ChatbotComponent getComponent() {
        return (ChatbotComponent) super.getComponent();
    }

    /** The started endpoint's client. */
    public ChatbotApiClient getApiClient() {
        if (apiClient == null) {
            throw new IllegalStateException(getVendorName() + " endpoint " + getEndpointBaseUri() + " is not started");
        }
        return apiClient;
    }

    /** The started endpoint's typed client. */
    public K getClient() {
        if (client == null) {
            throw new IllegalStateException(getVendorName() + " endpoint " + getEndpointBaseUri() + " is not started");
        }
        return client;
    }

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
    }

    /** Where consumers keep cursors when no file or repository is configured: as long as the endpoint lives. */
    public MemoryStateRepository getMemoryCursors() {
        return memoryCursors;
    }

    /**
     * The cursor key of a consumer that names none: the vendor's scheme, the stream and the vendor's host, never the
     * credential, which may be rotated without the cursor starting over. The scheme is the component's own, not the
     * name it is registered under, so that registering it under another name keeps the cursor.
     */
    public String cursorKeyFor(String stream) {
        return scheme() + ":" + stream + "@" + getApiClient().getBaseUrl().getHost();
    }

    private String scheme() {
        UriEndpoint endpoint = getClass().getAnnotation(UriEndpoint.class);
        return endpoint != null ? endpoint.scheme() : getEndpointUri().substring(0, getEndpointUri().indexOf(':'));
    }

    public StartFrom getStartFrom() {
        return startFrom;
    }

    @Override
    public String getServiceUrl() {
        return getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
