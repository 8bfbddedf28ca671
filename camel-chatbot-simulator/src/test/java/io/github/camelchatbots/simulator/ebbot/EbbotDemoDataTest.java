package io.github.camelchatbots.simulator.ebbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelchatbots.simulator.ChatbotSimulator;
import io.github.camelchatbots.simulator.TestHttp;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation.Message;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

class EbbotDemoDataTest {

    private static final Instant UNTIL = Instant.parse("2024-08-12T10:00:00Z");

    private static Map<String, List<Message>> world(EbbotSimulation ebbot) {
        return ebbot.chatIds().stream().collect(Collectors.toMap(Function.identity(), ebbot::transcript));
    }

    @Test
    void sameSeedSameWorld() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start();
                ChatbotSimulator other = ChatbotSimulator.start()) {
            first.ebbot().seedDemoData(42, UNTIL);
            second.ebbot().seedDemoData(42, UNTIL);
            other.ebbot().seedDemoData(7, UNTIL);

            assertThat(second.ebbot().chatIds()).isEqualTo(first.ebbot().chatIds());
            assertThat(world(second.ebbot())).isEqualTo(world(first.ebbot()));
            assertThat(other.ebbot().chatIds()).isNotEqualTo(first.ebbot().chatIds());
        }
    }

    @Test
    void looksLikeAWeekOfSupportChats() throws Exception {
        try (ChatbotSimulator sim = ChatbotSimulator.start()) {
            EbbotSimulation ebbot = sim.ebbot();
            ebbot.seedDemoData(42, UNTIL);
            List<String> ids = ebbot.chatIds();

            assertThat(ids).hasSize(25);
            for (String id : ids) {
                List<Message> transcript = ebbot.transcript(id);
                assertThat(transcript).hasSizeBetween(3, 12);
                assertThat(transcript).allSatisfy(message -> assertThat(message.at()).isBefore(UNTIL)
                        .isAfter(UNTIL.minus(Duration.ofDays(8))));
                assertThat(transcript).extracting(Message::at).isSorted();
            }
            var chats = TestHttp.json(new TestHttp().get(ebbot.baseUrl() + "/api/chats/company_chats?limit=100",
                    ebbot.apiKey())).get("data");
            assertThat(chats).extracting(chat -> chat.get("status").asText()).contains("ongoing", "closed");
            assertThat(chats).extracting(chat -> chat.get("handled_by").asText()).contains("bot", "agent");
            assertThat(chats).extracting(chat -> Instant.parse(chat.get("updatedAt").asText()))
                    .allSatisfy(updatedAt -> assertThat(updatedAt).isBefore(UNTIL));
            assertThat(ids.stream().flatMap(id -> ebbot.transcript(id).stream()).map(Message::text))
                    .anyMatch(text -> text.contains("order"))
                    .anyMatch(text -> text.contains("return"))
                    .anyMatch(text -> text.contains("open"));
        }
    }

    @Test
    void oneArgumentSeedIsRecentAndRepeatable() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start()) {
            first.ebbot().seedDemoData(42);
            second.ebbot().seedDemoData(42);

            String newest = first.ebbot().chatIds().get(0);
            List<Message> transcript = first.ebbot().transcript(newest);
            assertThat(transcript.get(transcript.size() - 1).at()).isBefore(Instant.now())
                    .isAfter(Instant.now().minus(Duration.ofHours(2)));
            // Anchored at the start of the hour: equal unless the two calls straddle an hour boundary.
            assertThat(world(second.ebbot()).values()).hasSameSizeAs(world(first.ebbot()).values());
            assertThat(second.ebbot().transcript(second.ebbot().chatIds().get(0))).extracting(Message::text)
                    .isEqualTo(transcript.stream().map(Message::text).toList());
        }
    }

    @Test
    void demoWebhookTalksToAScriptedBot() throws Exception {
        try (ChatbotSimulator sim = ChatbotSimulator.startDemo(0, 42)) {
            EbbotSimulation ebbot = sim.ebbot();
            assertThat(ebbot.webhookIds()).singleElement().isEqualTo(DemoData.webhookId(42));
            assertThat(ebbot.connectionInfo()).containsExactly(
                    "Ebbot simulator: baseUrl=" + ebbot.baseUrl() + " apiKey=simpublic.simsecret-0123456789",
                    "Ebbot incoming webhook: POST " + ebbot.baseUrl() + "/api/webhooks/" + DemoData.webhookId(42));

            String reply = new TestHttp().postJson(ebbot.baseUrl() + "/api/webhooks/" + ebbot.webhookIds().get(0),
                    "{\"type\":\"text\",\"value\":\"What are your opening hours?\"}").body();

            assertThat(TestHttp.json(reply).at("/data/scenario/name").asText()).isEqualTo("openinghours");
        }
    }

    @Test
    void liveActivityMovesTheWorldDeterministically() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start()) {
            Runnable firstLive = first.ebbot().demoActivity(42);
            Runnable secondLive = second.ebbot().demoActivity(42);
            for (int i = 0; i < 30; i++) {
                firstLive.run();
                secondLive.run();
            }

            assertThat(first.ebbot().chatIds()).isNotEmpty().hasSameSizeAs(second.ebbot().chatIds());
            assertThat(texts(first.ebbot())).isEqualTo(texts(second.ebbot())).hasSizeGreaterThan(30);

            first.reset();
            firstLive.run();
            assertThat(first.ebbot().chatIds()).as("a reset does not break a running demo").hasSize(1);
        }
    }

    private static List<String> texts(EbbotSimulation ebbot) {
        // Live chats are created at the real clock, so order them by their content, not by id.
        return ebbot.chatIds().stream()
                .flatMap(id -> ebbot.transcript(id).stream())
                .map(Message::text)
                .sorted()
                .toList();
    }
}
