package io.github.camelchatbots.support.http;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import io.github.camelchatbots.support.ChatbotConfiguration;
import org.apache.camel.CamelContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the pooled Apache HttpClient 5 that a chatbot endpoint talks through: time-outs, proxy and TLS from the
 * configuration, our retry policy, and the per-attempt rate limit and body buffering inside the retry loop.
 */
public final class ChatbotHttpClients {

    /** Enough for the concurrent consumers and producers of one component; vendors rate-limit well below it. */
    static final int MAX_CONNECTIONS_PER_VENDOR = 32;

    private ChatbotHttpClients() {
    }

    public static CloseableHttpClient create(ChatbotConfiguration configuration, CamelContext camelContext)
            throws Exception {
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                // HttpClient's default of 5 per host would queue concurrent callers of one vendor behind each other
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_VENDOR)
                .setMaxConnTotal(MAX_CONNECTIONS_PER_VENDOR * 2)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(configuration.getConnectTimeout()))
                        .setSocketTimeout(Timeout.ofMilliseconds(configuration.getResponseTimeout()))
                        .build());
        if (configuration.getSslContextParameters() != null) {
            SSLContext sslContext = configuration.getSslContextParameters().createSSLContext(camelContext);
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
        }
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(connections.build())
                .setDefaultRequestConfig(requestConfig(configuration))
                .setRetryStrategy(new RetryPolicy(configuration.getMaxRetries(),
                        Duration.ofMillis(configuration.getRetryInitialDelay()),
                        Duration.ofMillis(configuration.getRetryMaxDelay()),
                        Duration.ofMillis(configuration.getMaxRetryAfter())))
                // anchored on PROTOCOL, which every client has: inside the retry loop when there is one, and still
                // in the chain when an httpClientConfigurer turns retries off
                .addExecInterceptorBefore(ChainElement.PROTOCOL.name(), RateLimitedExec.NAME,
                        new RateLimitedExec(Duration.ofMillis(configuration.getMaxRetryAfter())))
                .addExecInterceptorBefore(ChainElement.PROTOCOL.name(), BufferedBodyExec.NAME, new BufferedBodyExec())
                .addExecInterceptorBefore(BufferedBodyExec.NAME, EnvelopeStatusExec.NAME, new EnvelopeStatusExec())
                .disableCookieManagement()
                // a redirect would carry vendor credentials in custom headers (x-api-key) to wherever it points
                .disableRedirectHandling()
                .useSystemProperties();
        if (configuration.getProxyHost() != null) {
            int port = configuration.getProxyPort() != null ? configuration.getProxyPort() : 8080;
            builder.setProxy(new HttpHost(configuration.getProxyHost(), port));
        }
        if (configuration.getHttpClientConfigurer() != null) {
            configuration.getHttpClientConfigurer().configureHttpClient(builder);
        }
        return builder.build();
    }

    static RequestConfig requestConfig(ChatbotConfiguration configuration) {
        return RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(configuration.getResponseTimeout()))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(configuration.getConnectTimeout()))
                .build();
    }
}
