package io.github.camelchatbots.support.http;

import io.github.camelchatbots.support.ChatbotConfiguration;

/** The shared options alone, as a vendor's configuration would carry them, for the HTTP layer's tests. */
class TestConfiguration extends ChatbotConfiguration {

    @Override
    public String getBaseUrl() {
        return "http://127.0.0.1";
    }

    @Override
    public int getRateLimit() {
        return 0;
    }

    @Override
    public long getRateLimitPeriod() {
        return 60_000;
    }
}
