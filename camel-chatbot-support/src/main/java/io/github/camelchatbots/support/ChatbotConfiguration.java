package io.github.camelchatbots.support;

import io.github.camelchatbots.support.http.RateLimiter;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The options every chatbot component shares: HTTP, retries and the durable cursor of polling consumers. A
 * vendor's configuration extends this with its credential, base URL, rate limit and operation options.
 * Descriptions are on the annotations because the metadata generator cannot read javadoc across modules.
 */
@UriParams
public abstract class ChatbotConfiguration implements Cloneable {

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "10000",
              description = "How long to wait for a connection to the vendor (milliseconds, or a duration such as 10s).")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "30000",
              description = "How long to wait for the vendor's answer once the request is sent (milliseconds, or a"
                            + " duration such as 30s). A call that takes longer fails with ChatbotTimeoutException.")
    private long responseTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "3",
              description = "How often a failed call is retried: reads after a connection failure, 429 or 5xx; writes"
                            + " only when the vendor provably did not process them (connection refused, 429)."
                            + " 0 disables retries.")
    private int maxRetries = 3;

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "500",
              description = "The first retry's back-off; each further retry doubles it, with random jitter.")
    private long retryInitialDelay = 500;

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "30000",
              description = "The longest back-off between two retries.")
    private long retryMaxDelay = 30_000;

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "60000",
              description = "The longest Retry-After the client waits out by itself. A vendor asking for a longer pause"
                            + " gets a ChatbotRateLimitedException carrying the pause, for the route to handle.")
    private long maxRetryAfter = 60_000;

    @UriParam(label = "proxy", description = "Host of an HTTP proxy to reach the vendor through.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "Port of the HTTP proxy.")
    private Integer proxyPort;

    @UriParam(label = "security",
              description = "TLS settings (trust store, key store, protocols) for the connection to the vendor."
                            + " Certificates are verified by default.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "advanced",
              description = "A ready HTTP client to use instead of the one built from these options. Its own time-outs,"
                            + " retries and TLS settings apply; the rate limit still does.")
    private CloseableHttpClient httpClient;

    @UriParam(label = "advanced",
              description = "Customizes the HTTP client this component builds (e.g. metrics, extra interceptors),"
                            + " keeping its retries and rate limit.")
    private HttpClientConfigurer httpClientConfigurer;

    @UriParam(label = "consumer", defaultValue = "beginning",
              description = "Where a consumer without a stored cursor starts: beginning (deliver everything the vendor"
                            + " still has), now (only what comes after the start), or an ISO-8601 instant such as"
                            + " 2024-08-01T00:00:00Z.")
    private String startFrom = "beginning";

    @UriParam(label = "consumer",
              description = "A file that keeps the consumer's cursor across restarts. Each change is written whole to a"
                            + " temporary file, forced to disk and renamed over the old one, so a crash at any instant"
                            + " leaves a readable cursor (at most a couple of seconds behind: the items since are delivered"
                            + " again, with the same id header). One JVM at a time; consumers of one JVM may share it."
                            + " Without it, and without cursorRepository, the cursor lives in memory.")
    private String cursorFile;

    @UriParam(label = "consumer", enums = "fail,beginning,now", defaultValue = "fail",
              description = "What to do when the stored cursor cannot be read (a damaged file, or another consumer's"
                            + " cursor under the same key): fail (the route does not start, and the cursor is left as"
                            + " it is), beginning or now (start over from there, keeping the old file or value aside,"
                            + " with a WARN).")
    private String unreadableCursor = "fail";

    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "60000",
              description = "How long after a failed delivery the item is tried again; later items go on meanwhile."
                            + " Each further failure doubles the wait, up to failedItemMaxDelay. The route's error"
                            + " handler (a dead letter channel, say) decides when an item is given up.")
    private long failedItemDelay = 60_000;

    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "3600000",
              description = "The longest wait before a failed item is tried again.")
    private long failedItemMaxDelay = 3_600_000;

    @UriParam(label = "consumer", defaultValue = "100",
              description = "How many failed items a consumer keeps for retry (per partition) before it delivers"
                            + " nothing new until some succeed: a route that fails every exchange then stops"
                            + " instead of marking the whole backlog failed.")
    private int maxFailedItems = 100;

    @UriParam(label = "consumer", defaultValue = "0",
              description = "The most items a consumer delivers per poll; the rest follow on the next polls. 0 for no"
                            + " limit.")
    private int maxMessagesPerPoll;

    @UriParam(label = "consumer,advanced",
              description = "A StateRepository bean that keeps the consumer's cursor, e.g. one shared by the nodes of a"
                            + " cluster so that a new leader resumes where the old one stopped.")
    private StateRepository<String, String> cursorRepository;

    @UriParam(label = "consumer,advanced",
              description = "The key under which the cursor is stored. Defaults to one naming the stream and the"
                            + " vendor's host, which survives restarts and key rotation; consumers of different"
                            + " accounts on one host that share a cursorFile or cursorRepository each need their own.")
    private String cursorKey;

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "60000",
              description = "The window of rateLimit (milliseconds, or a duration such as 1m). A request counts from"
                            + " when it is sent until a whole window after its answer came back or it failed.")
    private long rateLimitPeriod = 60_000;

    @UriParam(label = "advanced",
              description = "A RateLimiter bean that holds the account's budget instead of this JVM's own limiter, e.g."
                            + " one shared by the nodes of a cluster; rateLimit and rateLimitPeriod then only document"
                            + " the intent.")
    private RateLimiter rateLimiter;

    @UriParam(label = "advanced",
              description = "Where the latest requests of each rate-limited account are recorded (a small file per"
                            + " account, named by a one-way digest), so that an application restarted within one"
                            + " rateLimitPeriod goes on from what it already spent instead of exceeding the vendor's"
                            + " limit. Defaults to camel-chatbots/rate-limits in the JVM's temporary directory.")
    private String rateLimitStateDirectory;

    /**
     * The vendor's API address. Declared by each vendor: the catalog takes an option's default from its field's
     * annotation, and each vendor's default differs.
     */
    public abstract String getBaseUrl();

    /**
     * Requests per {@link #getRateLimitPeriod()} for one account, 0 for none of the endpoint's own. Declared by each
     * vendor, as {@link #getBaseUrl()} is: only some document a limit.
     */
    public abstract int getRateLimit();

    /** A copy for one endpoint, so that endpoint options never change the component's defaults. */
    public ChatbotConfiguration copy() {
        try {
            return (ChatbotConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public long getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    public void setRateLimitPeriod(long rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public RateLimiter getRateLimiter() {
        return rateLimiter;
    }

    public void setRateLimiter(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public String getRateLimitStateDirectory() {
        return rateLimitStateDirectory;
    }

    public void setRateLimitStateDirectory(String rateLimitStateDirectory) {
        this.rateLimitStateDirectory = rateLimitStateDirectory;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public String getUnreadableCursor() {
        return unreadableCursor;
    }

    public void setUnreadableCursor(String unreadableCursor) {
        this.unreadableCursor = unreadableCursor;
    }

    public long getFailedItemDelay() {
        return failedItemDelay;
    }

    public void setFailedItemDelay(long failedItemDelay) {
        this.failedItemDelay = failedItemDelay;
    }

    public long getFailedItemMaxDelay() {
        return failedItemMaxDelay;
    }

    public void setFailedItemMaxDelay(long failedItemMaxDelay) {
        this.failedItemMaxDelay = failedItemMaxDelay;
    }

    public int getMaxFailedItems() {
        return maxFailedItems;
    }

    public void setMaxFailedItems(int maxFailedItems) {
        this.maxFailedItems = maxFailedItems;
    }

    public String getCursorFile() {
        return cursorFile;
    }

    public void setCursorFile(String cursorFile) {
        this.cursorFile = cursorFile;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public StateRepository<String, String> getCursorRepository() {
        return cursorRepository;
    }

    public void setCursorRepository(StateRepository<String, String> cursorRepository) {
        this.cursorRepository = cursorRepository;
    }

    public String getCursorKey() {
        return cursorKey;
    }

    public void setCursorKey(String cursorKey) {
        this.cursorKey = cursorKey;
    }
}
