package io.github.camelchatbots.simulator.engati;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.ChatbotSimulator;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.Message;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.User;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

class EngatiDemoDataTest {

    private static final Instant UNTIL = Instant.parse("2024-08-12T10:00:00Z");

    private static Map<User, List<Message>> world(EngatiSimulation engati) {
        return engati.users().stream().collect(Collectors.toMap(Function.identity(),
                user -> engati.messages(user.channelUserId())));
    }

    /** What the live demo said, without the real timestamps it said it at. */
    private static Map<String, List<String>> script(EngatiSimulation engati) {
        return engati.users().stream().collect(Collectors.toMap(User::channelUserId,
                user -> engati.messages(user.channelUserId()).stream()
                        .map(message -> message.sender() + ": " + message.text()).toList()));
    }

    @Test
    void sameSeedSameWorld() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start();
                ChatbotSimulator other = ChatbotSimulator.start()) {
            first.engati().seedDemo(42, UNTIL);
            second.engati().seedDemo(42, UNTIL);
            other.engati().seedDemo(7, UNTIL);

            assertThat(second.engati().users()).isEqualTo(first.engati().users());
            assertThat(world(second.engati())).isEqualTo(world(first.engati()));
            assertThat(world(other.engati())).isNotEqualTo(world(first.engati()));
        }
    }

    @Test
    void looksLikeThreeDaysOfAWhatsappBot() {
        try (ChatbotSimulator sim = ChatbotSimulator.start()) {
            EngatiSimulation engati = sim.engati();
            engati.seedDemo(42, UNTIL);

            List<User> users = engati.users();
            assertThat(users).hasSize(10).allSatisfy(user -> {
                assertThat(user.channel()).isEqualTo("whatsapp");
                assertThat(user.channelUserId()).matches("91[6-9]\\d{9}");
                assertThat(user.attributes()).containsOnlyKeys("c1", "lead_status", "feedback", "city");
                assertThat(user.attributes().get("lead_status")).isIn("new", "qualified");
                List<Message> messages = engati.messages(user.channelUserId());
                assertThat(messages).hasSizeGreaterThanOrEqualTo(6);
                assertThat(messages).extracting(Message::at).isSorted()
                        .allSatisfy(at -> assertThat(at).isBetween(UNTIL.minus(Duration.ofDays(3)), UNTIL));
                assertThat(messages).extracting(Message::sender).contains("user", "bot");
            });
            assertThat(users).extracting(user -> user.attributes().get("c1"))
                    .contains("straberry", "mango", "chocolate", "pista");
            assertThat(users).extracting(user -> user.attributes().get("lead_status")).contains("new", "qualified");
            assertThat(engati.bot().flowKeys()).containsExactly(DemoData.FLOW_KEY);

            EngatiHttp http = new EngatiHttp(engati);
            JsonNode straberry = EngatiHttp.success(http.get(http.botApi("v1.0")
                    + "/users?attribute_name=c1&attribute_value=straberry")).at("/responseObject/users");
            assertThat(straberry.size()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theLiveDemoChatsAndQualifiesLeads() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start()) {
            first.engati().seedDemo(42, UNTIL);
            second.engati().seedDemo(42, UNTIL);
            int messagesBefore = world(first.engati()).values().stream().mapToInt(List::size).sum();
            long newLeadsBefore = newLeads(first.engati());
            Runnable firstLive = first.engati().demoActivity(42);
            Runnable secondLive = second.engati().demoActivity(42);

            for (int i = 0; i < 40; i++) {
                firstLive.run();
                secondLive.run();
            }

            int messagesAfter = world(first.engati()).values().stream().mapToInt(List::size).sum();
            assertThat(messagesAfter).isGreaterThanOrEqualTo(messagesBefore + 40 * 3);
            assertThat(newLeads(first.engati())).isLessThan(newLeadsBefore);
            assertThat(script(second.engati())).isEqualTo(script(first.engati()));
            assertThat(second.engati().users()).extracting(User::attributes)
                    .isEqualTo(first.engati().users().stream().map(User::attributes).toList());
        }
    }

    @Test
    void theLiveDemoStartsFromAnEmptyBot() {
        try (ChatbotSimulator sim = ChatbotSimulator.start()) {
            sim.engati().demoActivity(1).run();

            assertThat(sim.engati().users()).singleElement()
                    .satisfies(user -> assertThat(sim.engati().messages(user.channelUserId())).isNotEmpty());
        }
    }

    @Test
    void startDemoFillsEngatiAndTellsHowToConnect() {
        try (ChatbotSimulator sim = ChatbotSimulator.startDemo(0, 42)) {
            EngatiSimulation engati = sim.engati();

            assertThat(engati.users()).hasSize(10);
            assertThat(engati.connectionInfo()).first().asString()
                    .contains(engati.baseUrl(), EngatiSimulation.DEFAULT_API_KEY, "customerId=10294",
                            "botKey=1a1c9bfa5e0f41ed");
            assertThat(engati.connectionInfo()).anySatisfy(line -> assertThat(line)
                    .contains("/bot-api/v2.0/customer/10294/bot/1a1c9bfa5e0f41ed/flow/" + DemoData.FLOW_KEY));
        }
    }

    private static long newLeads(EngatiSimulation engati) {
        return engati.users().stream().filter(user -> "new".equals(user.attributes().get("lead_status"))).count();
    }
}
