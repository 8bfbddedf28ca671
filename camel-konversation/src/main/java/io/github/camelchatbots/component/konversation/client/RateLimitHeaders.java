package io.github.camelchatbots.component.konversation.client;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpResponseInterceptor;

/**
 * The {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} of the last answer the current thread received.
 * The shared {@code ChatbotApiClient} returns only bodies, so an interceptor of the HTTP client records the headers;
 * HttpClient's classic API runs it on the calling thread, which then reads them right after its call. (A candidate
 * for camel-chatbot-support, where the API client could return them itself.)
 * <p>
 * Only clients built with {@link #recordingAround} record: with an {@code httpClient} of the user's own the budget is
 * unknown.
 */
public final class RateLimitHeaders {

    /** The budget an answer announced; either value null when the answer did not say. */
    public record Budget(Integer limit, Integer remaining) {
    }

    private static final ThreadLocal<Budget> LAST = new ThreadLocal<>();

    private static final HttpResponseInterceptor RECORDER = (response, entity, context) -> {
        Integer limit = number(response, "X-RateLimit-Limit");
        Integer remaining = number(response, "X-RateLimit-Remaining");
        if (limit != null || remaining != null) {
            LAST.set(new Budget(limit, remaining));
        }
    };

    private RateLimitHeaders() {
    }

    /**
     * A configurer that adds the recorder and then applies {@code configurer} (which may be null). Two of them around
     * the same configurer are equal, so endpoints with the same settings still share one HTTP client.
     */
    public static HttpClientConfigurer recordingAround(HttpClientConfigurer configurer) {
        return new Recording(configurer);
    }

    /** Forgets what the thread last saw, so that a call that gets no answer reports none. */
    public static void clear() {
        LAST.remove();
    }

    /** The budget of the thread's last answer since {@link #clear()}, or null. */
    public static Budget last() {
        return LAST.get();
    }

    private record Recording(HttpClientConfigurer delegate) implements HttpClientConfigurer {

        @Override
        public void configureHttpClient(HttpClientBuilder builder) {
            builder.addResponseInterceptorLast(RECORDER);
            if (delegate != null) {
                delegate.configureHttpClient(builder);
            }
        }
    }

    private static Integer number(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        if (header == null || header.getValue() == null) {
            return null;
        }
        try {
            return Integer.valueOf(header.getValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
