package io.github.camelchatbots.simulator.chataibot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.TestHttp;
import io.github.camelchatbots.simulator.VendorSimulation;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Mounting, authentication, error envelopes, fault injection, ok:false inside 200, the rate limit and the reset. */
class ChataibotBasicsTest extends ChataibotApiTestSupport {

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = TestHttp.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("ok", "error");
        assertThat(body.get("ok").isBoolean()).isTrue();
        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).contains(error);
    }

    /** One authorized request per route, each with a body the route accepts. */
    private List<HttpResponse<String>> everyRoute(String authorization) {
        String conversation = chataibot.startConversation(BOT_KEY, VISITOR, "Hello");
        chataibot.registerKnowledgeBase(876);
        String form = ChataibotHttp.multipart(List.of(ChataibotHttp.FormField.text("faq", "Opening hours: 9-17")));
        return List.of(
                http.send("POST", START, ChataibotHttp.startRequest(BOT_KEY, VISITOR), "application/json",
                        authorization),
                http.send("POST", messages(conversation), ChataibotHttp.sendRequest("hi"), "application/json",
                        authorization),
                http.send("POST", "/api/v1/ai/knowledge-base/876/upload/sources", form,
                        "multipart/form-data; boundary=" + ChataibotHttp.BOUNDARY, authorization),
                http.send("GET", "/api/v1/ai/status/sources?source_ids=1,2", null, null, authorization));
    }

    @Test
    void isMountedUnderItsPrefixNextToTheOtherVendors(ChataibotSimulation injected) {
        assertThat(chataibot.baseUrl()).isEqualTo(SIM.simulator().baseUrl() + "/chataibot")
                .matches("http://127\\.0\\.0\\.1:\\d+/chataibot");
        assertThat(SIM.simulator().vendors()).extracting(VendorSimulation::name).contains("ebbot", "chataibot");
        assertThat(SIM.chataibot()).isSameAs(chataibot).isSameAs(SIM.simulator().chataibot()).isSameAs(injected);
        chataibot.registerKnowledgeBase(876);
        assertThat(chataibot.connectionInfo()).containsExactly(
                "ChatAIBot simulator: baseUrl=" + chataibot.baseUrl()
                        + " accessToken=sim-chataibot-account-token-0123456789 accountId=73105",
                "ChatAIBot bot: bot_key=" + BOT_KEY,
                "ChatAIBot knowledge base: knowledge_base_id=876");
    }

    @Test
    void everyRouteNeedsAKnownBearerToken() {
        for (String authorization : new String[] {null, "Bearer wrong-token", chataibot.accessToken(),
            "Basic " + chataibot.accessToken(), "Bearer"}) {
            assertThat(everyRoute(authorization)).as("Authorization: %s", authorization).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.body()).isEqualTo("{\"ok\":false,\"error\":\"Unauthorized\"}");
            });
        }
        assertThat(chataibot.conversationIds()).as("only those the Java API started").hasSize(5);
        assertThat(chataibot.sources()).isEmpty();

        assertThat(everyRoute("bearer " + chataibot.accessToken())).as("the scheme is case-insensitive")
                .extracting(HttpResponse::statusCode).containsOnly(200);
        chataibot.addAccessToken("another-token");
        assertThat(everyRoute("Bearer another-token")).extracting(HttpResponse::statusCode).containsOnly(200);
    }

    @Test
    void unknownPathsAndMethodsGetTheEnvelope() {
        assertError(http.get("/api/v1/nothing"), 404, "Not Found");
        assertError(http.get("/api/v1/conversations"), 405, "Method Not Allowed");
        assertError(http.post("/api/v1/conversation/x/messages/y", "{}"), 404, "Not Found");
    }

    @Test
    void injectedFaultsUseTheEnvelope() {
        SIM.simulator().faults().on("POST", "/api/v1/conversations").vendor("chataibot")
                .status(503, Duration.ofSeconds(2));
        SIM.simulator().faults().on("POST", "/api/v1/conversations").vendor("ebbot").always().status(500);

        HttpResponse<String> faulted = http.post(START, ChataibotHttp.startRequest(BOT_KEY, VISITOR));

        assertError(faulted, 503, "Service Unavailable");
        assertThat(faulted.headers().firstValue("retry-after")).hasValue("2");
        assertThat(chataibot.conversationIds()).isEmpty();
        assertThat(http.post(START, ChataibotHttp.startRequest(BOT_KEY, VISITOR)).statusCode())
                .as("the rule was used up; the other is for another vendor").isEqualTo(200);
    }

    @Test
    void scheduledOkFalseAnswersComeInside200AndProcessNothing() {
        chataibot.respondOkFalse(2, "Something went wrong, please try again");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = http.post(START, ChataibotHttp.startRequest(BOT_KEY, VISITOR));
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body())
                    .isEqualTo("{\"ok\":false,\"message\":\"Something went wrong, please try again\"}");
        }

        assertThat(chataibot.conversationIds()).isEmpty();
        assertThat(chataibot.pendingOkFalseAnswers()).isZero();
        ChataibotHttp.ok(http.post(START, ChataibotHttp.startRequest(BOT_KEY, VISITOR)));
        assertThat(chataibot.conversationIds()).hasSize(1);
    }

    @Test
    void scheduledOkFalseAnswersCanBeLimitedToMatchingPaths() {
        String conversation = http.start(BOT_KEY, VISITOR);
        chataibot.respondOkFalse(1, "/api/v1/conversation/[^/]+/messages", "Conversation is closed");
        chataibot.registerKnowledgeBase(876);

        assertThat(http.get("/api/v1/ai/status/sources?source_ids=1").statusCode()).isEqualTo(200);
        ChataibotHttp.ok(http.post(START, ChataibotHttp.startRequest(BOT_KEY, "other-visitor")));
        assertThat(http.send("POST", messages(conversation), "{}", "application/json", null).statusCode())
                .as("an unauthorized request does not use it up").isEqualTo(401);
        HttpResponse<String> refused = http.post(messages(conversation), ChataibotHttp.sendRequest("hi"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(refused)).isEqualTo(TestHttp.json(
                "{\"ok\":false,\"message\":\"Conversation is closed\"}"));
        assertThat(chataibot.conversation(conversation).messages()).as("not processed")
                .extracting(ChataibotSimulation.Message::text).doesNotContain("hi");
        assertThat(http.say(conversation, "hi").get("message_id").asText()).hasSize(32);
    }

    @Test
    void okFalseAnswersCanCarryTheErrorFieldInstead() {
        String conversation = http.start(BOT_KEY, VISITOR);
        chataibot.respondOkFalseWithError(1, "/api/v1/conversation/[^/]+/messages", "Conversation is closed");
        chataibot.respondOkFalseWithError(1, null, "Service unavailable");

        HttpResponse<String> refused = http.post(messages(conversation), ChataibotHttp.sendRequest("hi"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).isEqualTo("{\"ok\":false,\"error\":\"Conversation is closed\"}");
        HttpResponse<String> anyPath = http.get("/api/v1/ai/status/sources?source_ids=1");
        assertThat(anyPath.statusCode()).isEqualTo(200);
        assertThat(anyPath.body()).isEqualTo("{\"ok\":false,\"error\":\"Service unavailable\"}");

        assertThat(chataibot.pendingOkFalseAnswers()).isZero();
        assertThat(chataibot.conversation(conversation).messages()).as("not processed")
                .extracting(ChataibotSimulation.Message::text).doesNotContain("hi");
        assertThat(http.say(conversation, "hi").get("ok").asBoolean()).isTrue();
    }

    @Test
    void noRateLimitByDefault() {
        for (int i = 0; i < 30; i++) {
            assertThat(http.get("/api/v1/ai/status/sources?source_ids=1").statusCode()).isEqualTo(200);
        }
        assertThat(chataibot.rejectedByRateLimit()).isZero();
        assertThat(chataibot.requestCount()).isEqualTo(30);
    }

    @Test
    void overTheRateLimitAnswers429WithRetryAfter() {
        chataibot.setRateLimit(2, Duration.ofMinutes(1));
        assertThat(http.get("/api/v1/ai/status/sources?source_ids=1").statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/api/v1/ai/status/sources?source_ids=1", null, null, null).statusCode())
                .as("an unauthorized request counts too").isEqualTo(401);

        HttpResponse<String> limited = http.post(START, ChataibotHttp.startRequest(BOT_KEY, VISITOR));

        assertError(limited, 429, "rate limit of 2 requests per 60000 ms exceeded");
        assertThat(limited.headers().firstValue("retry-after")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(chataibot.rejectedByRateLimit()).isEqualTo(1);
        assertThat(chataibot.conversationIds()).isEmpty();
    }

    @Test
    void everyRequestIsRecorded() {
        String conversation = http.start(BOT_KEY, VISITOR);
        http.say(conversation, "hi");

        List<RecordedRequest> requests = chataibot.requests();

        assertThat(requests).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(
                tuple("POST", START),
                tuple("POST", messages(conversation)));
        assertThat(requests.get(0).header("authorization")).isEqualTo("Bearer " + chataibot.accessToken());
        assertThat(TestHttp.json(requests.get(1).body())).isEqualTo(TestHttp.json(ChataibotHttp.sendRequest("hi")));
        assertThat(chataibot.requestCount()).isEqualTo(2);
    }

    @Test
    void resetRestoresEveryDefault() {
        http.start(BOT_KEY, VISITOR);
        chataibot.registerKnowledgeBase(876);
        chataibot.uploadText(876, "faq", "text");
        chataibot.addAccessToken("extra-token");
        chataibot.setAccountId("999");
        chataibot.setReplyDelivery(ReplyDelivery.CALLBACK);
        chataibot.registerCallback("http://127.0.0.1:1/callback");
        chataibot.setSourceProcessingTime(Duration.ZERO);
        chataibot.setRateLimit(100, Duration.ofMinutes(1));
        chataibot.respondOkFalse(5, "no");
        chataibot.followRealTime(true);
        chataibot.advanceTime(Duration.ofDays(1));

        SIM.simulator().reset();

        assertThat(chataibot.bots()).isEmpty();
        assertThat(chataibot.conversationIds()).isEmpty();
        assertThat(chataibot.knowledgeBaseIds()).isEmpty();
        assertThat(chataibot.sources()).isEmpty();
        assertThat(chataibot.requests()).isEmpty();
        assertThat(chataibot.callbackCalls()).isEmpty();
        assertThat(chataibot.callbackUrl()).isNull();
        assertThat(chataibot.accountId()).isEqualTo(ChataibotSimulation.DEFAULT_ACCOUNT_ID);
        assertThat(chataibot.replyDelivery()).isEqualTo(ReplyDelivery.IN_ANSWER);
        assertThat(chataibot.pendingOkFalseAnswers()).isZero();
        assertThat(chataibot.now()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(1));
        Instant standing = chataibot.now();
        assertThat(chataibot.now()).as("the clock stands still again").isEqualTo(standing);
        assertThat(http.send("GET", "/api/v1/ai/status/sources?source_ids=1", null, null, "Bearer extra-token")
                .statusCode()).isEqualTo(401);
        chataibot.registerKnowledgeBase(876);
        int source = chataibot.uploadText(876, "faq", "text");
        assertThat(chataibot.source(source).readyAt())
                .isEqualTo(standing.plus(ChataibotSimulation.DEFAULT_SOURCE_PROCESSING_TIME));
    }
}
