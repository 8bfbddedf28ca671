package io.github.camelchatbots.simulator.chatbotcom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Mounting, authentication, error envelopes, fault injection, the rate limit and the reset. */
class ChatbotcomBasicsTest extends ChatbotcomApiTestSupport {

    private static void assertError(HttpResponse<String> response, int code, String message) {
        assertThat(response.statusCode()).isEqualTo(code);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = TestHttp.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("timestamp", "status");
        assertThat(body.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(body.get("status").get("code").asInt()).isEqualTo(code);
        assertThat(body.get("status").get("type").asText()).isEqualTo("error");
        assertThat(body.get("status").get("message").asText()).contains(message);
    }

    @Test
    void isMountedUnderItsPrefixNextToEbbot() {
        assertThat(chatbotcom.baseUrl()).isEqualTo(SIM.simulator().baseUrl() + "/chatbotcom")
                .matches("http://127\\.0\\.0\\.1:\\d+/chatbotcom");
        assertThat(SIM.simulator().vendors()).extracting(v -> v.name()).contains("ebbot", "chatbotcom");
        assertThat(SIM.chatbotcom()).isSameAs(chatbotcom);
        assertThat(chatbotcom.connectionInfo()).containsExactly("ChatBot.com simulator: baseUrl="
                + chatbotcom.baseUrl() + " accessToken=sim-chatbotcom-developer-token-0123456789");
    }

    @Test
    void everyRouteNeedsAKnownBearerToken() {
        for (String path : new String[] {"/users", "/users/segments", "/v2/chats", "/v2/stories", "/users/x"}) {
            assertError(http.send("GET", path, null, null), 401, "Authorization header");
            assertError(http.send("GET", path, null, "Bearer wrong-token"), 401, "invalid access token");
            assertError(http.send("GET", path, null, chatbotcom.accessToken()), 401, "Bearer");
        }
        assertError(http.send("POST", "/query", "{}", null), 401, "Authorization");
        assertError(http.send("PUT", "/users/session-attributes", "{}", "Basic abc"), 401, "Bearer");

        assertThat(http.send("GET", "/v2/stories", null, "bearer " + chatbotcom.accessToken()).statusCode())
                .as("the scheme is case-insensitive").isEqualTo(200);
        chatbotcom.addAccessToken("another-token");
        assertThat(http.send("GET", "/v2/stories", null, "Bearer another-token").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsGetTheEnvelope() {
        assertError(http.get("/nothing/here"), 404, "Not Found");
        assertError(http.send("DELETE", "/users", null, "Bearer " + chatbotcom.accessToken()), 405,
                "Method Not Allowed");
    }

    @Test
    void timestampsComeFromTheSimulationClock() {
        Instant before = chatbotcom.now();
        chatbotcom.advanceTime(Duration.ofDays(2));

        Instant stamped = Instant.parse(TestHttp.json(http.get("/users/unknown")).get("timestamp").asText());

        assertThat(stamped).isAfterOrEqualTo(before.plus(Duration.ofDays(2)))
                .isBefore(before.plus(Duration.ofDays(2)).plusSeconds(5));
    }

    @Test
    void faultRulesApplyToChatbotcom() {
        SIM.simulator().faults().on("GET", "/v2/chats").vendor("chatbotcom").status(503, Duration.ofSeconds(2));
        SIM.simulator().faults().on("POST", "/query").vendor("ebbot").status(500);

        HttpResponse<String> faulted = http.get("/v2/chats");

        assertError(faulted, 503, "Service Unavailable");
        assertThat(faulted.headers().firstValue("retry-after")).hasValue("2");
        assertThat(http.get("/v2/chats").statusCode()).isEqualTo(200);
        assertThat(http.post("/query", ChatbotcomHttp.json("sessionId", "session-0001", "query", "hi")).statusCode())
                .as("a rule for another vendor").isEqualTo(200);
    }

    @Test
    void noRateLimitByDefault() {
        for (int i = 0; i < 25; i++) {
            assertThat(http.get("/v2/stories").statusCode()).isEqualTo(200);
        }
        assertThat(chatbotcom.rejectedByRateLimit()).isZero();
        assertThat(chatbotcom.requestCount()).isEqualTo(25);
    }

    @Test
    void overTheRateLimitAnswers429WithRetryAfter() {
        chatbotcom.setRateLimit(2, Duration.ofMinutes(1));
        assertThat(http.get("/v2/stories").statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/v2/stories", null, null).statusCode()).as("counts too").isEqualTo(401);

        chatbotcom.advanceTime(Duration.ofSeconds(15));
        HttpResponse<String> limited = http.get("/v2/stories");

        assertError(limited, 429, "rate limit");
        assertThat(limited.headers().firstValue("retry-after")).hasValue("45");
        assertThat(chatbotcom.rejectedByRateLimit()).isEqualTo(1);
        chatbotcom.advanceTime(Duration.ofSeconds(45));
        assertThat(http.get("/v2/stories").statusCode()).as("the first request left the window").isEqualTo(200);
        assertThat(chatbotcom.requests()).hasSize(4)
                .allSatisfy(request -> assertThat(request.path()).isEqualTo("/v2/stories"));
    }

    @Test
    void resetRestoresEveryDefault() {
        String storyId = chatbotcom.defaultStoryId();
        String refund = chatbotcom.interactionId(storyId, "refund");
        chatbotcom.createUser("jane", Map.of("default_name", "Jane"));
        http.query("sessionId", "session-0001", "query", "hello");
        chatbotcom.addAccessToken("extra-token");
        chatbotcom.addStory("Sales");
        chatbotcom.setRateLimit(100, Duration.ofMinutes(1));
        chatbotcom.respondToCreateUserWithArray(true);
        chatbotcom.advanceTime(Duration.ofDays(1));

        SIM.simulator().reset();

        assertThat(chatbotcom.userIds()).isEmpty();
        assertThat(chatbotcom.chatIds()).isEmpty();
        assertThat(chatbotcom.sessions()).isEmpty();
        assertThat(chatbotcom.requests()).isEmpty();
        assertThat(chatbotcom.webhookCalls()).isEmpty();
        assertThat(chatbotcom.now()).isBefore(Instant.now().plusSeconds(5));
        assertThat(chatbotcom.defaultStoryId()).as("stable ids").isEqualTo(storyId);
        assertThat(chatbotcom.interactionId(storyId, "refund")).isEqualTo(refund);
        assertThat(TestHttp.json(http.get("/v2/stories"))).hasSize(1);
        assertThat(http.send("GET", "/v2/stories", null, "Bearer extra-token").statusCode()).isEqualTo(401);
        JsonNode created = http.ok(http.post("/users", ChatbotcomHttp.json("attributes", Map.of("a", "b"))));
        assertThat(created.isObject()).isTrue();
    }
}
