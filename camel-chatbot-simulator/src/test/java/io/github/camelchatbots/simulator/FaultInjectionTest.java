package io.github.camelchatbots.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

class FaultInjectionTest {

    @RegisterExtension
    static SimulatorExtension SIM = new SimulatorExtension();

    private static final String LIST = "/api/chats/company_chats";

    private final TestHttp http = new TestHttp();

    @BeforeEach
    void oneChat() {
        SIM.ebbot().createChat(Instant.parse("2024-08-12T09:15:03.158Z"), "Jane");
    }

    private HttpResponse<String> list() throws Exception {
        return http.get(SIM.ebbot().baseUrl() + LIST + "?page=1", SIM.ebbot().apiKey());
    }

    @Test
    void latencyDelaysThenAnswersNormally() throws Exception {
        SIM.simulator().faults().on("GET", "/api/chats/company_chats.*").latency(Duration.ofMillis(400));

        long start = System.nanoTime();
        HttpResponse<String> slow = list();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(TestHttp.json(slow).get("data")).hasSize(1);
        assertThat(SIM.simulator().faults().remaining()).isZero();
    }

    @Test
    void statusAnswersWithTheVendorsErrorShapeAndRetryAfter() throws Exception {
        SIM.simulator().faults().on("GET", LIST + ".*").status(503);
        SIM.simulator().faults().on("GET", LIST + ".*").status(429, Duration.ofMillis(1500));

        HttpResponse<String> unavailable = list();
        HttpResponse<String> tooMany = list();

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("retry-after")).isEmpty();
        assertThat(TestHttp.json(unavailable).get("success").asBoolean()).isFalse();
        assertThat(TestHttp.json(unavailable).get("error").asText()).isEqualTo("Service Unavailable");
        assertThat(TestHttp.json(unavailable).get("request_id").asText()).isNotBlank();
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.headers().firstValue("retry-after")).hasValue("2");
        assertThat(list().statusCode()).as("both rules used up").isEqualTo(200);
    }

    @Test
    void malformedJsonIsAnOkWithABrokenBody() throws Exception {
        SIM.simulator().faults().on("GET", LIST + ".*").malformedJson();

        HttpResponse<String> response = list();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThatThrownBy(() -> TestHttp.json(response)).hasCauseInstanceOf(JsonProcessingException.class);
    }

    @Test
    void dropConnectionCutsTheBodyShort() throws Exception {
        SIM.simulator().faults().on("GET", LIST + ".*").dropConnection();

        assertThatThrownBy(this::list).isInstanceOf(IOException.class);
        assertThat(list().statusCode()).as("the next request is served normally").isEqualTo(200);
    }

    @Test
    void timesAlwaysAndRemaining() throws Exception {
        FaultInjector faults = SIM.simulator().faults();
        faults.on("GET", LIST + ".*").times(2).status(500);
        assertThat(faults.remaining()).isEqualTo(2);

        assertThat(list().statusCode()).isEqualTo(500);
        assertThat(faults.remaining()).isEqualTo(1);
        assertThat(list().statusCode()).isEqualTo(500);
        assertThat(list().statusCode()).isEqualTo(200);
        assertThat(faults.remaining()).isZero();

        faults.on("GET", LIST + ".*").status(502).always();
        for (int i = 0; i < 3; i++) {
            assertThat(list().statusCode()).isEqualTo(502);
        }
        faults.clear();
        assertThat(list().statusCode()).isEqualTo(200);
    }

    @Test
    void rulesMatchMethodPathAndVendor() throws Exception {
        FaultInjector faults = SIM.simulator().faults();
        faults.on("POST", LIST + ".*").status(500);
        faults.on("GET", "/api/chats/company_chats/.*/transcript").status(500);
        faults.on("GET", LIST + ".*").vendor("chatbotcom").status(500);

        assertThat(list().statusCode()).isEqualTo(200);
        assertThat(faults.remaining()).isEqualTo(3);

        faults.on("GET", LIST + ".*").vendor("ebbot").status(500);
        assertThat(list().statusCode()).isEqualTo(500);
    }

    @Test
    void faultsAlsoApplyToWebhooks() throws Exception {
        String webhook = SIM.ebbot().createIncomingWebhook();
        SIM.simulator().faults().on("POST", "/api/webhooks/.*").status(500);

        HttpResponse<String> response =
                http.postJson(SIM.ebbot().baseUrl() + "/api/webhooks/" + webhook, "{\"value\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(500);
    }

    @Test
    void aFaultedRequestConsumesRateLimitBudget() throws Exception {
        SIM.ebbot().setRateLimit(1, Duration.ofMinutes(1));
        SIM.ebbot().setHangTimeout(Duration.ofSeconds(1));
        SIM.simulator().faults().on("GET", LIST + ".*").status(503);

        assertThat(list().statusCode()).isEqualTo(503);
        assertThatThrownBy(() -> http.get(SIM.ebbot().baseUrl() + LIST, SIM.ebbot().apiKey(), Duration.ofMillis(300)))
                .isInstanceOf(IOException.class);

        assertThat(SIM.ebbot().requestCount()).isEqualTo(1);
        assertThat(SIM.ebbot().rejectedByRateLimit()).isEqualTo(1);
    }
}
