package io.github.camelchatbots.support.http;

import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import io.github.camelchatbots.support.ChatbotConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The HTTP clients of one component, shared by its endpoints with the same HTTP settings: a route that sends with
 * {@code toD("ebbot:transcript?chatId=${header.id}")} creates an endpoint per chat, and each must not bring a
 * connection pool of its own. A client is closed when the last endpoint using it stops.
 */
public final class SharedHttpClients {

    /**
     * What a client is built from. The beans are held themselves, so that they compare as they define equality
     * (by identity for these): a hash of them could let two different TLS settings share one client.
     */
    private record Settings(long connectTimeout, long responseTimeout, int maxRetries, long retryInitialDelay,
                            long retryMaxDelay, long maxRetryAfter, String proxyHost, Integer proxyPort,
                            SSLContextParameters sslContextParameters, HttpClientConfigurer httpClientConfigurer) {

        static Settings of(ChatbotConfiguration configuration) {
            return new Settings(configuration.getConnectTimeout(), configuration.getResponseTimeout(),
                    configuration.getMaxRetries(), configuration.getRetryInitialDelay(),
                    configuration.getRetryMaxDelay(), configuration.getMaxRetryAfter(), configuration.getProxyHost(),
                    configuration.getProxyPort(), configuration.getSslContextParameters(),
                    configuration.getHttpClientConfigurer());
        }
    }

    private static final class Shared {
        private final CloseableHttpClient client;
        private int users;

        private Shared(CloseableHttpClient client) {
            this.client = client;
        }
    }

    private final Map<Settings, Shared> bySettings = new HashMap<>();
    private final Map<CloseableHttpClient, Settings> settingsOf = new IdentityHashMap<>();

    /** A client built by {@link ChatbotHttpClients} for these settings, shared with earlier callers of the same. */
    public synchronized CloseableHttpClient acquire(ChatbotConfiguration configuration, CamelContext camelContext)
            throws Exception {
        Settings settings = Settings.of(configuration);
        Shared shared = bySettings.get(settings);
        if (shared == null) {
            shared = new Shared(ChatbotHttpClients.create(configuration, camelContext));
            bySettings.put(settings, shared);
            settingsOf.put(shared.client, settings);
        }
        shared.users++;
        return shared.client;
    }

    /** Hands a client back; the last user closes it. */
    public synchronized void release(CloseableHttpClient client) throws IOException {
        Settings settings = settingsOf.get(client);
        Shared shared = settings == null ? null : bySettings.get(settings);
        if (shared != null && --shared.users == 0) {
            bySettings.remove(settings);
            settingsOf.remove(client);
            shared.client.close();
        }
    }

    /** How many clients are open: one per distinct set of HTTP settings in use. */
    public synchronized int size() {
        return bySettings.size();
    }

    /** Closes every client, whoever still holds it: the component is stopping. */
    public synchronized void closeAll() throws IOException {
        for (Shared shared : bySettings.values()) {
            shared.client.close();
        }
        bySettings.clear();
        settingsOf.clear();
    }
}
