package io.github.camelchatbots.simulator.konversation;

import static io.github.camelchatbots.simulator.konversation.KonversationHttp.assertOk;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.badRequest;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.data;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.TestHttp;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ErrorEnvelope;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Mounting, tokens and bots, the three error envelopes, single-object envelopes, faults and the reset. */
class KonversationBasicsTest extends KonversationApiTestSupport {

    @Test
    void isMountedUnderItsPrefixWithTheApiPath() {
        assertThat(konversation.baseUrl()).isEqualTo(SIM.simulator().baseUrl() + "/konversation/api")
                .matches("http://127\\.0\\.0\\.1:\\d+/konversation/api");
        assertThat(SIM.simulator().vendors()).extracting(v -> v.name()).contains("konversation");
        assertThat(SIM.konversation()).isSameAs(konversation).isSameAs(SIM.simulator().konversation());
        assertThat(konversation.connectionInfo()).containsExactly("konversation simulator: baseUrl="
                + konversation.baseUrl() + " token=" + KonversationSimulation.DEFAULT_TOKEN + " (flow 131667)");
    }

    @Test
    void missingOrUnknownTokensAreUnauthenticated() {
        for (String authorization : new String[] {null, "Bearer wrong-token", KonversationSimulation.DEFAULT_TOKEN,
            "Basic " + KonversationSimulation.DEFAULT_TOKEN}) {
            HttpResponse<String> response = http.send("GET", "/flow/tags", null, authorization);
            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"message\":\"Unauthenticated.\"}");
            assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        }
        assertThat(http.send("DELETE", "/subscriber/delete", "{}", null).statusCode()).isEqualTo(401);
        assertThat(http.send("GET", "/flow/tags", null, "bearer " + konversation.token()).statusCode())
                .as("the scheme is case-insensitive").isEqualTo(200);
        konversation.addToken("second-token");
        assertThat(new KonversationHttp(konversation, "second-token").get("/flow/tags").statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenReachesOnlyItsOwnBot() {
        konversation.createTag("vip");
        konversation.addToken("other-bot-token", 42);
        KonversationHttp other = new KonversationHttp(konversation, "other-bot-token");

        assertThat(ok(other.get("/flow/tags")).get("data")).isEmpty();
        JsonNode created = data(other.post("/flow/create-tag", "name", "vip"));
        String userNs = data(other.post("/subscriber/create", "first_name", "Ann", "phone", "+61400000001"))
                .get("user_ns").asText();

        assertThat(created.get("tag_ns").asText()).isEqualTo("f42t1");
        assertThat(userNs).isEqualTo("f42u1");
        assertThat(konversation.tags()).extracting(KonversationSimulation.Tag::tagNs).containsExactly("f131667t1");
        assertThat(badRequest(http.get("/subscriber/get-info?user_ns=" + userNs)))
                .as("another bot's subscriber names nothing here").isEqualTo("The selected user_ns is invalid.");
    }

    @Test
    void namespacesCarryTheFlowId() {
        String tagNs = konversation.createTag("vip").tagNs();
        String fieldNs = konversation.createUserField("city", "text").varNs();
        String botFieldNs = konversation.createBotField("promo", "text", "X").varNs();
        String subFlowNs = konversation.registerSubFlow("Welcome", "Hi").subFlowNs();
        String userNs = subscriber("Ann", 1);

        assertThat(tagNs).isEqualTo("f131667t1");
        assertThat(fieldNs).isEqualTo("f131667v1");
        assertThat(botFieldNs).as("user and bot fields share the v sequence").isEqualTo("f131667v2");
        assertThat(subFlowNs).isEqualTo("f131667s1");
        assertThat(userNs).isEqualTo("f131667u1");
    }

    @Test
    void singleObjectsComeWrappedOrBare() {
        String userNs = subscriber("Ann", 1);

        JsonNode wrapped = ok(http.get("/subscriber/get-info?user_ns=" + userNs));
        konversation.answerSingleObjectsBare(true);
        JsonNode bare = ok(http.get("/subscriber/get-info?user_ns=" + userNs));
        JsonNode bareTag = ok(http.post("/flow/create-tag", "name", "vip"));

        assertThat(wrapped.fieldNames()).toIterable().containsExactly("status", "data");
        assertThat(wrapped.get("status").asText()).isEqualTo("ok");
        assertThat(bare).isEqualTo(wrapped.get("data"));
        assertThat(bareTag.toString()).isEqualTo("{\"name\":\"vip\",\"tag_ns\":\"f131667t1\"}");
        assertOk(http.post("/subscriber/add-tag", "user_ns", userNs, "tag_ns", "f131667t1"));
    }

    @Test
    void errorsComeInTheChosenEnvelope() {
        String message = badRequest(http.post("/flow/create-tag"));
        assertThat(message).isEqualTo("The name field is required.");

        konversation.setErrorEnvelope(ErrorEnvelope.STATUS_ERROR);
        HttpResponse<String> statusError = http.post("/flow/create-tag");
        konversation.setErrorEnvelope(ErrorEnvelope.ERROR);
        HttpResponse<String> errorKey = http.post("/flow/create-tag");
        HttpResponse<String> unauthenticated = http.send("GET", "/flow/tags", null, null);

        assertThat(statusError.statusCode()).isEqualTo(200);
        assertThat(statusError.body()).isEqualTo("{\"status\":\"error\",\"message\":\"" + message + "\"}");
        assertThat(errorKey.statusCode()).isEqualTo(400);
        assertThat(errorKey.body()).isEqualTo("{\"error\":\"" + message + "\"}");
        assertThat(unauthenticated.body()).as("the framework's own answers keep their shape")
                .isEqualTo("{\"message\":\"Unauthenticated.\"}");
    }

    @Test
    void unparsableBodiesAreNoInputAtAll() {
        HttpResponse<String> response = http.send("POST", "/flow/create-tag", "{\"name\":", "Bearer "
                + konversation.token());

        assertThat(badRequest(response)).isEqualTo("The name field is required.");
    }

    @Test
    void queryParametersCountAsInputForEveryMethod() {
        String userNs = subscriber("Ann", 1);
        konversation.createTag("vip");

        assertOk(http.send("POST", "/subscriber/add-tag-by-name?user_ns=" + userNs + "&tag_name=vip", null,
                "Bearer " + konversation.token()));

        assertThat(konversation.subscriber(userNs).tags()).extracting(KonversationSimulation.Tag::name)
                .containsExactly("vip");
    }

    @Test
    void unknownPathsAndMethodsAnswerInThePlatformsShape() {
        HttpResponse<String> notFound = http.get("/nothing/here");
        HttpResponse<String> wrongMethod = http.send("POST", "/subscriber/remove-tag", "{}", "Bearer "
                + konversation.token());

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(wrongMethod.statusCode()).as("remove-tag is a DELETE").isEqualTo(405);
        assertThat(TestHttp.json(wrongMethod).get("message").asText()).isEqualTo("Method Not Allowed");
    }

    @Test
    void injectedFaultsUseThePlatformsShape() {
        SIM.simulator().faults().on("GET", "/api/flow/tags").vendor("konversation").status(503,
                Duration.ofSeconds(3));
        SIM.simulator().faults().on("GET", "/api/flow/tags").vendor("chatbotcom").status(500);

        HttpResponse<String> faulted = http.get("/flow/tags");

        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
        assertThat(faulted.headers().firstValue("retry-after")).hasValue("3");
        assertThat(http.get("/flow/tags").statusCode()).as("the other vendor's rule does not apply").isEqualTo(200);
    }

    @Test
    void requestsAreRecordedWithTheirBodies() {
        String userNs = subscriber("Ann", 1);
        konversation.createTag("vip");

        http.delete("/subscriber/remove-tag-by-name", "user_ns", userNs, "tag_name", "vip");

        assertThat(konversation.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("DELETE");
            assertThat(request.path()).isEqualTo("/api/subscriber/remove-tag-by-name");
            assertThat(TestHttp.json(request.body()).get("tag_name").asText()).isEqualTo("vip");
            assertThat(request.header("authorization")).isEqualTo("Bearer " + konversation.token());
        });
        assertThat(konversation.requestCount()).isEqualTo(1);
    }

    @Test
    void resetRestoresEveryDefault() {
        konversation.createTag("vip");
        subscriber("Ann", 1);
        konversation.addToken("extra-token");
        konversation.addToken("other-bot", 7);
        konversation.answerSingleObjectsBare(true);
        konversation.setErrorEnvelope(ErrorEnvelope.ERROR);
        konversation.setRateLimit(1, Duration.ofMinutes(1));
        konversation.advanceTime(Duration.ofDays(3));
        http.get("/flow/tags");

        SIM.simulator().reset();

        assertThat(konversation.tags()).isEmpty();
        assertThat(konversation.subscribers()).isEmpty();
        assertThat(konversation.requests()).isEmpty();
        assertThat(konversation.acceptedRequests(konversation.token())).isZero();
        assertThat(konversation.now()).isBefore(Instant.now().plusSeconds(5));
        assertThat(new KonversationHttp(konversation, "extra-token").get("/flow/tags").statusCode()).isEqualTo(401);
        assertThat(new KonversationHttp(konversation, "other-bot").get("/flow/tags").statusCode()).isEqualTo(401);
        assertThat(ok(http.post("/flow/create-tag", "name", "vip")).has("status")).as("wrapped again").isTrue();
        assertThat(badRequest(http.post("/flow/create-tag"))).isNotEmpty();
        assertThat(http.get("/flow/tags").headers().firstValue("x-ratelimit-limit")).hasValue("600");
        assertThat(konversation.createTag("vip").tagNs()).as("namespaces start again").isEqualTo("f131667t1");
    }
}
