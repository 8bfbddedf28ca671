package io.github.camelchatbots.simulator.konversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.ChatbotSimulator;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ChatMessage;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.OrderView;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubscriberView;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class KonversationDemoDataTest {

    private static final Instant UNTIL = Instant.parse("2024-08-12T10:00:00Z");

    /** Everything the Java API shows, for comparing two worlds. */
    private static Map<String, Object> world(KonversationSimulation konversation) {
        Map<String, Object> world = new LinkedHashMap<>();
        world.put("tags", konversation.tags());
        world.put("fields", konversation.userFields());
        world.put("botFields", konversation.botFields());
        world.put("subFlows", konversation.subFlows());
        List<SubscriberView> subscribers = konversation.subscribers();
        world.put("subscribers", subscribers);
        subscribers.forEach(s -> world.put(s.userNs(), konversation.chatHistory(s.userNs())));
        world.put("orders", konversation.orders());
        world.put("sends", konversation.subFlowSends());
        return world;
    }

    @Test
    void sameSeedSameWorld() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start();
                ChatbotSimulator other = ChatbotSimulator.start()) {
            first.konversation().seedDemo(42, UNTIL);
            second.konversation().seedDemo(42, UNTIL);
            other.konversation().seedDemo(7, UNTIL);

            assertThat(world(second.konversation())).isEqualTo(world(first.konversation()));
            assertThat(world(other.konversation()).get("subscribers"))
                    .isNotEqualTo(world(first.konversation()).get("subscribers"));
        }
    }

    @Test
    void looksLikeThreeWeeksOfACoffeeShopsBot() {
        try (ChatbotSimulator sim = ChatbotSimulator.start()) {
            KonversationSimulation konversation = sim.konversation();
            konversation.seedDemo(42, UNTIL);

            List<SubscriberView> subscribers = konversation.subscribers();
            assertThat(subscribers).hasSize(30);
            assertThat(konversation.tags()).extracting(Tag::name).contains("needs-agent", "vip", "customer");
            assertThat(konversation.subFlows()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(konversation.userFields()).isNotEmpty();
            assertThat(konversation.botFields()).isNotEmpty();
            assertThat(subscribers)
                    .allSatisfy(s -> {
                        assertThat(s.createdAt()).isBetween(UNTIL.minus(Duration.ofDays(21)), UNTIL);
                        assertThat(s.lastInteraction()).isBefore(UNTIL);
                        assertThat(konversation.chatHistory(s.userNs())).extracting(ChatMessage::at).isSorted();
                    })
                    .anySatisfy(s -> assertThat(s.tags()).extracting(Tag::name).contains("needs-agent"))
                    .anySatisfy(s -> assertThat(s.channel()).isEqualTo("whatsapp_cloud"))
                    .anySatisfy(s -> assertThat(s.channel()).isNotEqualTo("whatsapp_cloud"))
                    .anySatisfy(s -> assertThat(s.userFields()).containsKey("city"));
            assertThat(subscribers).extracting(SubscriberView::lastInteraction).as("the list's order")
                    .isSortedAccordingTo((a, b) -> b.compareTo(a));
            List<String> types = subscribers.stream().flatMap(s -> konversation.chatHistory(s.userNs()).stream())
                    .map(ChatMessage::type).distinct().toList();
            assertThat(types).contains("in", "out", "agent", "note", "system");
            assertThat(konversation.product(1).variants()).hasSize(2);
            List<OrderView> orders = konversation.orders();
            assertThat(orders).hasSizeGreaterThan(5);
            assertThat(orders).extracting(OrderView::status).contains("paid", "completed");
            assertThat(orders).extracting(OrderView::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        }
    }

    @Test
    void oneArgumentSeedEndsBeforeNowAndServesRecentHistory() {
        try (ChatbotSimulator sim = ChatbotSimulator.startDemo(0, 42)) {
            KonversationSimulation konversation = sim.konversation();
            KonversationHttp http = new KonversationHttp(konversation);

            JsonNode page = KonversationHttp.ok(http.get("/subscribers?limit=100"));
            String chatty = page.at("/data/0/user_ns").asText();
            JsonNode chat = KonversationHttp.ok(http.get("/subscriber/chat-messages?include_bot=1&user_ns=" + chatty));
            JsonNode agents = KonversationHttp.ok(http.get("/subscribers?tag_ns="
                    + konversation.tags().stream().filter(t -> t.name().equals("needs-agent")).findFirst().orElseThrow()
                            .tagNs()));

            assertThat(page.at("/meta/total").asInt()).isEqualTo(30);
            assertThat(chat.get("data")).isNotEmpty();
            assertThat(agents.at("/meta/total").asInt()).isPositive();
            assertThat(konversation.now()).as("the clock runs in the present again")
                    .isAfter(Instant.now().minusSeconds(5));
            assertThat(konversation.subscribers()).allSatisfy(s -> assertThat(s.lastInteraction())
                    .isBefore(Instant.now()));
        }
    }

    @Test
    void liveActivityMovesTheWorldDeterministically() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start()) {
            first.konversation().seedDemo(42, UNTIL);
            second.konversation().seedDemo(42, UNTIL);
            Runnable firstLive = first.konversation().demoActivity(42);
            Runnable secondLive = second.konversation().demoActivity(42);
            int messagesBefore = messages(first.konversation()).size();
            for (int i = 0; i < 60; i++) {
                firstLive.run();
                secondLive.run();
            }

            assertThat(first.konversation().subscribers()).hasSizeGreaterThan(30);
            assertThat(messages(first.konversation())).isEqualTo(messages(second.konversation()))
                    .hasSizeGreaterThan(messagesBefore + 30);
            assertThat(first.konversation().orders()).extracting(OrderView::status)
                    .isEqualTo(second.konversation().orders().stream().map(OrderView::status).toList());
            Instant now = first.konversation().now();
            assertThat(first.konversation().subscribers()).as("live steps happen now, none ahead of the clock")
                    .allSatisfy(s -> assertThat(s.lastInteraction()).isBeforeOrEqualTo(now));

            first.reset();
            for (int i = 0; i < 10; i++) {
                firstLive.run();
            }
            assertThat(first.konversation().subscribers()).as("a reset does not break a running demo").isNotEmpty();
            KonversationHttp.assertOk(new KonversationHttp(second.konversation())
                    .delete("/flow/delete-user-field-by-name", "name", "order_number"));
            for (int i = 0; i < 60; i++) {
                secondLive.run();
            }
            assertThat(messages(second.konversation())).as("steps needing the field are skipped, the rest go on")
                    .hasSizeGreaterThan(messages(first.konversation()).size());
        }
    }

    /** The live steps run at the real clock, so compare what was said, not when. */
    private static List<String> messages(KonversationSimulation konversation) {
        return konversation.subscribers().stream()
                .flatMap(s -> konversation.chatHistory(s.userNs()).stream())
                .map(m -> m.type() + ":" + m.content())
                .sorted()
                .toList();
    }
}
