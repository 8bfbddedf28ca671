package io.github.camelchatbots.component.konversation;

import java.time.Duration;
import java.util.Map;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation;
import io.github.camelchatbots.support.error.ChatbotRateLimitedException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * konversation's throttle: each answer's X-RateLimit headers come back on the exchange, and a 429's Retry-After is
 * waited out, by the call that met it and by every other endpoint on the same key, as the simulator counts.
 */
class KonversationRateLimitTest extends KonversationTestSupport {

    @Test
    void theBudgetLeftComesBackWithEveryAnswer() {
        Exchange first = call("konversation:tags", null, Map.of());
        Exchange second = call("konversation:subFlows", null, Map.of());

        assertThat(first.getMessage().getHeader(KonversationConstants.RATE_LIMIT_LIMIT))
                .isEqualTo(KonversationSimulation.DEFAULT_RATE_LIMIT);
        assertThat(first.getMessage().getHeader(KonversationConstants.RATE_LIMIT_REMAINING))
                .isEqualTo(KonversationSimulation.DEFAULT_RATE_LIMIT - 1);
        assertThat(second.getMessage().getHeader(KonversationConstants.RATE_LIMIT_REMAINING))
                .isEqualTo(KonversationSimulation.DEFAULT_RATE_LIMIT - 2);
    }

    @Test
    void aCallThatMeetsA429WaitsOutItsRetryAfterAndGoesThrough() {
        konversation().setRateLimit(2, Duration.ofSeconds(2));

        for (int i = 0; i < 3; i++) {
            call("konversation:tags", null, Map.of());
        }

        assertThat(konversation().rejectedByRateLimit()).as("one 429, then a retry after the window").isEqualTo(1);
        assertThat(konversation().acceptedRequests(apiKey)).isEqualTo(3);
        assertThat(konversation().maxRequestsInAnyWindow()).isEqualTo(2);
    }

    @Test
    void a429PausesEveryEndpointOnTheKey() {
        konversation().setRateLimit(1, Duration.ofSeconds(2));
        call("konversation:tags", null, Map.of());

        Exchange refused = template.request("konversation:subFlows?maxRetries=0", e -> e.getMessage().setBody(null));
        assertThat(refused.getException()).isInstanceOf(ChatbotRateLimitedException.class);
        assertThat(((ChatbotRateLimitedException) refused.getException()).getRetryAfter())
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(refused.getMessage().getHeader(KonversationConstants.RATE_LIMIT_REMAINING)).isEqualTo(0);

        Exchange next = call("konversation:userFields", null, Map.of());

        assertThat(konversation().rejectedByRateLimit()).as("the other endpoint waited for the pause").isEqualTo(1);
        assertThat(next.getMessage().getHeader(KonversationConstants.RATE_LIMIT_REMAINING)).isEqualTo(0);
        assertThat(konversation().acceptedRequests(apiKey)).isEqualTo(2);
    }

    @Test
    void aPauseLongerThanMaxRetryAfterIsLeftToTheRoute() {
        konversation().setRateLimit(1, Duration.ofMinutes(10));
        call("konversation:tags", null, Map.of());

        Exchange refused = template.request("konversation:tags?maxRetryAfter=1s", e -> e.getMessage().setBody(null));

        assertThat(refused.getException()).isInstanceOf(ChatbotRateLimitedException.class)
                .hasMessageContaining("rate limited, retry after");
        assertThat(((ChatbotRateLimitedException) refused.getException()).getRetryAfter())
                .isGreaterThan(Duration.ofMinutes(9));
        assertThat(konversation().rejectedByRateLimit()).isEqualTo(1);
    }
}
