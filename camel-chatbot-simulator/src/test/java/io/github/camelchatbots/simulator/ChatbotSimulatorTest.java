package io.github.camelchatbots.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelchatbots.simulator.ebbot.EbbotSimulation;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Lifecycle of a plain-Java simulator: start, reset, close. */
class ChatbotSimulatorTest {

    private final TestHttp http = new TestHttp();

    @Test
    void startsOnAFixedLoopbackPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (ChatbotSimulator sim = ChatbotSimulator.start(port)) {
            assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(sim.ebbot().baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/ebbot");
            assertThat(http.get(sim.ebbot().baseUrl() + "/api/chats/company_chats", sim.ebbot().apiKey())
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void resetRestoresEveryDefault() throws Exception {
        try (ChatbotSimulator sim = ChatbotSimulator.start()) {
            EbbotSimulation ebbot = sim.ebbot();
            String url = ebbot.baseUrl() + "/api/chats/company_chats";
            ebbot.createChat(Instant.parse("2024-08-12T09:15:03.158Z"));
            String webhook = ebbot.createIncomingWebhook();
            ebbot.addApiKey("extra.key");
            ebbot.scriptAnswer("hi", "greeting", "Hello!");
            ebbot.setRateLimit(1, Duration.ofMinutes(1));
            ebbot.setHangTimeout(Duration.ofSeconds(3));
            http.get(url, ebbot.apiKey());
            assertThatThrownBy(() -> http.get(url, ebbot.apiKey(), Duration.ofMillis(300)))
                    .isInstanceOf(HttpTimeoutException.class);
            sim.faults().on("GET", ".*").times(5).status(500);

            sim.reset();

            assertThat(ebbot.chatIds()).isEmpty();
            assertThat(ebbot.requests()).isEmpty();
            assertThat(ebbot.requestCount()).isZero();
            assertThat(ebbot.rejectedByRateLimit()).isZero();
            assertThat(ebbot.maxRequestsInAnyWindow()).isZero();
            assertThat(sim.faults().remaining()).isZero();
            assertThat(http.get(url, "extra.key").statusCode()).as("request 1 of the default 20").isEqualTo(401);
            assertThat(http.postJson(ebbot.baseUrl() + "/api/webhooks/" + webhook, "{\"value\":\"hi\"}").statusCode())
                    .isEqualTo(404);
            for (int i = 2; i <= 20; i++) {
                assertThat(http.get(url, ebbot.apiKey()).statusCode()).as("request %d of 20", i).isEqualTo(200);
            }
            assertThatThrownBy(() -> http.get(url, ebbot.apiKey(), Duration.ofMillis(300)))
                    .isInstanceOf(HttpTimeoutException.class);
            String newWebhook = ebbot.createIncomingWebhook();
            String reply = http.postJson(ebbot.baseUrl() + "/api/webhooks/" + newWebhook, "{\"value\":\"hi\"}").body();
            assertThat(TestHttp.json(reply).at("/data/scenario/name").asText()).isEqualTo("generalcatchall");
        }
    }

    @Test
    void closeReleasesHangingRequests() throws Exception {
        ChatbotSimulator sim = ChatbotSimulator.start();
        sim.ebbot().setRateLimit(1, Duration.ofMinutes(1));
        String url = sim.ebbot().baseUrl() + "/api/chats/company_chats";
        http.get(url, sim.ebbot().apiKey());
        CompletableFuture<Integer> hanging = CompletableFuture.supplyAsync(() -> {
            try {
                return new TestHttp().get(url, sim.ebbot().apiKey(), Duration.ofSeconds(30)).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sim.ebbot().rejectedByRateLimit() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        sim.close();

        assertThat(hanging).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void unknownPathsGetTheVendorsNotFound() throws Exception {
        try (ChatbotSimulator sim = ChatbotSimulator.start()) {
            var response = http.get(sim.ebbot().baseUrl() + "/api/nothing", sim.ebbot().apiKey());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(TestHttp.json(response).get("success").asBoolean()).isFalse();
        }
    }
}
