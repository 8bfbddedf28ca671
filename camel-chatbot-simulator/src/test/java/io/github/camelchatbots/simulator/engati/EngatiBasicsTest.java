package io.github.camelchatbots.simulator.engati;

import static io.github.camelchatbots.simulator.engati.EngatiHttp.failure;
import static io.github.camelchatbots.simulator.engati.EngatiHttp.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Authentication, the customer and bot checks, generic errors, injected failures, the rate limit and reset. */
class EngatiBasicsTest extends EngatiApiTestSupport {

    private static final String OTHER_KEY = "2082e8f4-0011-479b-9edb-74293c62d91b-GkoUziQ";
    private static final String OTHER_BOT = "0123456789abcdef";

    private String usersPath() {
        return http.botApi("v1.0") + "/users?attribute_name=c1&attribute_value=mango";
    }

    private HttpResponse<String> usersWith(String authorization) {
        return http.send("GET", usersPath(), null, null, authorization);
    }

    @Test
    void isMountedUnderEngati() {
        assertThat(engati.baseUrl()).isEqualTo(SIM.simulator().baseUrl() + "/engati");
        assertThat(SIM.engati()).isSameAs(engati).isSameAs(SIM.simulator().engati());
        assertThat(SIM.simulator().vendors()).contains(engati);
    }

    @Test
    void theKeyGoesInAsIssued() {
        success(usersWith("Basic " + EngatiSimulation.DEFAULT_API_KEY));
        success(usersWith("basic " + EngatiSimulation.DEFAULT_API_KEY));
    }

    @Test
    void aMissingOrUnknownKeyIs401() {
        assertThat(failure(usersWith(null), 401, EngatiStatus.FAILURE)).contains("Authorization");
        assertThat(failure(usersWith("Bearer " + engati.apiKey()), 401, EngatiStatus.FAILURE))
                .contains("Basic <API key>");
        assertThat(failure(usersWith("Basic " + OTHER_KEY), 401, EngatiStatus.FAILURE)).contains("unknown");
        String encoded = Base64.getEncoder().encodeToString(engati.apiKey().getBytes(StandardCharsets.UTF_8));
        assertThat(failure(usersWith("Basic " + encoded), 401, EngatiStatus.FAILURE))
                .as("the key is never base64 decoded").contains("unknown");
    }

    @Test
    void anotherCustomersPathIs403() {
        HttpResponse<String> response = http.get("/bot-api/v1.0/customer/61179/bot/" + engati.botKey()
                + "/users?attribute_name=c1&attribute_value=mango");

        assertThat(failure(response, 403, EngatiStatus.FAILURE)).contains("customer 61179");
    }

    @Test
    void aBotTheKeyDoesNotOwnIsBotNotFoundInA200() {
        engati.addApiKey(OTHER_KEY, engati.customerId(), OTHER_BOT);
        String path = "/bot-api/v1.0/customer/" + engati.customerId() + "/bot/%s/users?attribute_name=c1"
                + "&attribute_value=mango";

        assertThat(failure(http.get(path.formatted(OTHER_BOT)), 200, EngatiStatus.BOT_NOT_FOUND))
                .as("exists, but for another key").contains(OTHER_BOT);
        assertThat(failure(http.get(path.formatted("ffffffffffffffff")), 200, EngatiStatus.BOT_NOT_FOUND))
                .as("does not exist").contains("ffffffffffffffff");
        success(http.send("GET", path.formatted(OTHER_BOT), null, null, "Basic " + OTHER_KEY));
    }

    @Test
    void keysAreBoundToOneCustomerAndItsBots() {
        engati.addApiKey(OTHER_KEY, 61179, OTHER_BOT);
        engati.bot(OTHER_BOT).addUser("919000000001", "whatsapp", "Asha", Map.of("c1", "mango"));

        HttpResponse<String> response = http.send("GET", "/bot-api/v1.0/customer/61179/bot/" + OTHER_BOT
                + "/users?attribute_name=c1&attribute_value=mango", null, null, "Basic " + OTHER_KEY);

        assertThat(success(response).at("/responseObject/users/0/name").asText()).isEqualTo("Asha");
        assertThat(engati.users()).as("the default bot is another bot").isEmpty();
        assertThatThrownBy(() -> engati.addApiKey("not-a-key", 61179, OTHER_BOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> engati.addApiKey(OTHER_KEY, 61179, "NOT-HEX"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 lowercase hexadecimal");
        assertThatThrownBy(() -> engati.addApiKey(OTHER_KEY, 999, OTHER_BOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to customer 61179");
        assertThatThrownBy(() -> engati.bot("aaaaaaaaaaaaaaaa")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownPathIs404WithTheEnvelope() {
        assertThat(failure(http.get("/bot-api/v1.0/nothing"), 404, EngatiStatus.FAILURE)).isEqualTo("Not Found");
        assertThat(failure(http.get(http.botApi("v3.0") + "/users"), 404, EngatiStatus.FAILURE))
                .isEqualTo("Not Found");
    }

    @Test
    void aWrongMethodIs405WithTheEnvelope() {
        HttpResponse<String> response = http.send("DELETE", usersPath(), null, null, "Basic " + engati.apiKey());

        assertThat(failure(response, 405, EngatiStatus.FAILURE)).isEqualTo("Method Not Allowed");
    }

    @Test
    void injectedHttpFaultsAnswerTheEnvelope() {
        SIM.simulator().faults().on("GET", "/bot-api/.*").vendor("engati").status(503, Duration.ofSeconds(2));

        HttpResponse<String> response = http.get(usersPath());

        assertThat(failure(response, 503, EngatiStatus.FAILURE)).isEqualTo("Service Unavailable");
        assertThat(response.headers().firstValue("retry-after")).hasValue("2");
        success(http.get(usersPath()));
    }

    @Test
    void failNextWithAnswersTheCodeInA200ForTheGivenNumberOfRequests() {
        engati.failNextWith(2000, "Internal failure", 2);

        assertThat(failure(http.get(usersPath()), 200, EngatiStatus.FAILURE)).isEqualTo("Internal failure");
        assertThat(failure(http.get(usersPath()), 200, EngatiStatus.FAILURE)).isEqualTo("Internal failure");
        success(http.get(usersPath()));
        assertThat(engati.pendingFailures()).isZero();
    }

    @Test
    void failNextWithCanBeLimitedToAPath() {
        engati.failNextWith(2004, "360dialog is not configured", 1, "/whatsapp-api/.*");

        success(http.get(usersPath()));
        assertThat(failure(usersWith(null), 401, EngatiStatus.FAILURE)).as("refused before any failure applies")
                .isNotEqualTo("360dialog is not configured");
        HttpResponse<String> template = http.postJson(http.whatsappApi() + "/template",
                "{\"phoneNumber\":\"+919876543210\",\"payload\":{\"name\":\"t\",\"language\":{\"code\":\"en\"}}}");
        assertThat(failure(template, 200, EngatiStatus.API_KEY_NOT_FOUND)).isEqualTo("360dialog is not configured");
        assertThat(engati.templateSends()).isEmpty();
        assertThatThrownBy(() -> engati.failNextWith(1000, "no", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engati.failNextWith(2001, "no", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2001");
    }

    @Test
    void overTheRateLimitAnswers429WithRetryAfter() {
        engati.setRateLimit(2, Duration.ofMinutes(1));
        success(http.get(usersPath()));
        assertThat(usersWith(null).statusCode()).as("refused requests count too").isEqualTo(401);

        HttpResponse<String> limited = http.get(usersPath());

        assertThat(failure(limited, 429, EngatiStatus.FAILURE)).contains("rate limit");
        assertThat(limited.headers().firstValue("retry-after")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(engati.rejectedByRateLimit()).isEqualTo(1);
        assertThat(engati.requests()).hasSize(3);
    }

    @Test
    void noRateLimitByDefault() {
        for (int i = 0; i < 30; i++) {
            success(http.get(usersPath()));
        }
        assertThat(engati.rejectedByRateLimit()).isZero();
        assertThat(engati.requestCount()).isEqualTo(30);
    }

    @Test
    void resetRestoresEveryDefault() {
        engati.addApiKey(OTHER_KEY, 61179, OTHER_BOT);
        engati.addUser("919000000001", "whatsapp", "Asha", Map.of("c1", "mango"));
        engati.registerFlow(DemoData.FLOW_KEY, "hi");
        engati.setUsersShape(EngatiSimulation.UsersShape.BARE_ARRAY);
        engati.setRateLimit(1, Duration.ofMinutes(1));
        engati.failNextWith(2000, "Internal failure", 5);
        http.get(usersPath());

        SIM.simulator().reset();

        assertThat(engati.users()).isEmpty();
        assertThat(engati.bot().flowKeys()).isEmpty();
        assertThat(engati.requests()).isEmpty();
        assertThat(engati.pendingFailures()).isZero();
        assertThatThrownBy(() -> engati.bot(OTHER_BOT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(usersWith("Basic " + OTHER_KEY).statusCode()).isEqualTo(401);
        for (int i = 0; i < 3; i++) {
            assertThat(success(http.get(usersPath())).at("/responseObject/users").isArray()).isTrue();
        }
        assertThat(TestHttp.json(http.get(usersPath())).at("/status/code").asInt()).isEqualTo(1000);
    }
}
