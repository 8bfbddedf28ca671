package io.github.camelchatbots.simulator.konversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

/** The Laravel throttle: per token, with its headers on every answer, on the simulation clock. */
class KonversationRateLimitTest extends KonversationApiTestSupport {

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void everyAnswerCarriesTheLimitAndWhatRemains() {
        HttpResponse<String> first = http.get("/flow/tags");
        HttpResponse<String> refused = http.post("/flow/create-tag");
        HttpResponse<String> unknownUser = http.get("/subscriber/get-info?user_ns=f131667u9");

        assertThat(header(first, "x-ratelimit-limit")).isEqualTo("600");
        assertThat(header(first, "x-ratelimit-remaining")).isEqualTo("599");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(header(refused, "x-ratelimit-remaining")).as("refused requests count too").isEqualTo("598");
        assertThat(header(unknownUser, "x-ratelimit-remaining")).isEqualTo("597");
        assertThat(konversation.acceptedRequests(konversation.token())).isEqualTo(3);
    }

    @Test
    void overTheLimitAnswers429WithRetryAfter() {
        konversation.freezeTime();
        konversation.setRateLimit(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/flow/tags").statusCode()).isEqualTo(200);
        }
        konversation.advanceTime(Duration.ofSeconds(20));

        HttpResponse<String> limited = http.get("/flow/tags");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"message\":\"Too Many Attempts.\"}");
        assertThat(header(limited, "retry-after")).isEqualTo("40");
        assertThat(header(limited, "x-ratelimit-limit")).isEqualTo("3");
        assertThat(header(limited, "x-ratelimit-remaining")).isEqualTo("0");
        assertThat(Long.parseLong(header(limited, "x-ratelimit-reset")))
                .isEqualTo(konversation.now().plusSeconds(40).getEpochSecond());
        assertThat(konversation.rejectedByRateLimit()).isEqualTo(1);
        assertThat(konversation.acceptedRequests(konversation.token())).as("a refusal uses no budget").isEqualTo(3);
    }

    @Test
    void theWindowOpensWithTheFirstRequestAndEndsAfterTheDecayTime() {
        konversation.freezeTime();
        konversation.setRateLimit(2, Duration.ofMinutes(1));
        http.get("/flow/tags");
        konversation.advanceTime(Duration.ofSeconds(50));
        http.get("/flow/tags");
        assertThat(http.get("/flow/tags").statusCode()).isEqualTo(429);

        konversation.advanceTime(Duration.ofSeconds(10));
        HttpResponse<String> next = http.get("/flow/tags");

        assertThat(next.statusCode()).as("a new window").isEqualTo(200);
        assertThat(header(next, "x-ratelimit-remaining")).isEqualTo("1");
        assertThat(konversation.maxRequestsInAnyWindow()).isEqualTo(2);
    }

    @Test
    void eachTokenHasItsOwnBudget() {
        konversation.setRateLimit(1, Duration.ofMinutes(1));
        konversation.addToken("second-token");
        KonversationHttp second = new KonversationHttp(konversation, "second-token");

        assertThat(http.get("/flow/tags").statusCode()).isEqualTo(200);
        assertThat(http.get("/flow/tags").statusCode()).isEqualTo(429);
        assertThat(second.get("/flow/tags").statusCode()).isEqualTo(200);
        assertThat(konversation.acceptedRequests("second-token")).isEqualTo(1);
        assertThat(konversation.rejectedByRateLimit()).isEqualTo(1);
    }

    @Test
    void unauthenticatedRequestsUseNoTokensBudget() {
        konversation.setRateLimit(1, Duration.ofMinutes(1));

        HttpResponse<String> anonymous = http.send("GET", "/flow/tags", null, null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(header(anonymous, "x-ratelimit-limit")).isNull();
        assertThat(http.get("/flow/tags").statusCode()).isEqualTo(200);
    }

    @Test
    void theDefaultIs600AMinute() {
        konversation.freezeTime();
        for (int i = 0; i < 600; i++) {
            http.get("/flow/tags?limit=1");
        }

        HttpResponse<String> limited = http.get("/flow/tags");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(header(limited, "retry-after")).isEqualTo("60");
        assertThat(konversation.maxRequestsInAnyWindow()).isEqualTo(600);
        assertThat(TestHttp.json(limited).get("message").asText()).isEqualTo("Too Many Attempts.");
    }
}
