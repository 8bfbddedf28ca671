package io.github.camelchatbots.simulator.chatbotcom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.ChatbotSimulator;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.ChatView;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.Message;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

class ChatbotcomDemoDataTest {

    private static final Instant UNTIL = Instant.parse("2024-08-12T10:00:00Z");

    private static Map<String, ChatView> world(ChatbotcomSimulation chatbotcom) {
        return chatbotcom.chatIds().stream().collect(Collectors.toMap(Function.identity(), chatbotcom::chat));
    }

    @Test
    void sameSeedSameWorld() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start();
                ChatbotSimulator other = ChatbotSimulator.start()) {
            first.chatbotcom().seedDemo(42, UNTIL);
            second.chatbotcom().seedDemo(42, UNTIL);
            other.chatbotcom().seedDemo(7, UNTIL);

            assertThat(second.chatbotcom().userIds()).isEqualTo(first.chatbotcom().userIds());
            assertThat(second.chatbotcom().chatIds()).isEqualTo(first.chatbotcom().chatIds());
            assertThat(world(second.chatbotcom())).isEqualTo(world(first.chatbotcom()));
            assertThat(second.chatbotcom().user(second.chatbotcom().userIds().get(3)))
                    .isEqualTo(first.chatbotcom().user(first.chatbotcom().userIds().get(3)));
            assertThat(world(other.chatbotcom())).isNotEqualTo(world(first.chatbotcom()));
        }
    }

    @Test
    void looksLikeThreeDaysOfASupportBot() {
        try (ChatbotSimulator sim = ChatbotSimulator.start()) {
            ChatbotcomSimulation chatbotcom = sim.chatbotcom();
            chatbotcom.seedDemo(42, UNTIL);

            assertThat(chatbotcom.userIds()).hasSize(20);
            assertThat(chatbotcom.chatIds()).hasSize(15);
            assertThat(chatbotcom.sessions()).isEmpty();
            List<ChatView> chats = chatbotcom.chatIds().stream().map(chatbotcom::chat).toList();
            assertThat(chats).allSatisfy(chat -> {
                assertThat(chat.finished()).isTrue();
                assertThat(chat.createdAt()).isBetween(UNTIL.minus(Duration.ofDays(3)), UNTIL);
                assertThat(chat.updatedAt()).isBefore(UNTIL);
                assertThat(chat.messages()).extracting(Message::createdAt).isSorted();
                assertThat(chat.messages()).extracting(Message::author).contains("bot");
                assertThat(chat.userName()).isNotEqualTo("Visitor");
            });
            List<String> botAnswers = chats.stream().flatMap(chat -> chat.messages().stream())
                    .filter(message -> message.author().equals("bot")).map(Message::text).toList();
            assertThat(botAnswers).as("matched and fallback answers")
                    .contains("Sorry, I did not understand that. Could you rephrase?")
                    .contains("I'm sorry to hear that. What is your order number?");
            assertThat(chatbotcom.userIds().stream().map(chatbotcom::user))
                    .anySatisfy(user -> assertThat(user.segments()).extracting(s -> s.name()).contains("Leads"))
                    .anySatisfy(user -> assertThat(user.segments()).extracting(s -> s.name()).contains("Customers"))
                    .anySatisfy(user -> assertThat(user.attributes().get("default_email")).isNull())
                    .anySatisfy(user -> assertThat(user.conversations()).hasSize(1))
                    .allSatisfy(user -> assertThat(user.lastSeen()).isBefore(UNTIL));

            JsonNode page = new ChatbotcomHttp(chatbotcom).ok(new ChatbotcomHttp(chatbotcom).get("/users?limit=40"));
            assertThat(page.get("count").asInt()).isEqualTo(20);
        }
    }

    @Test
    void oneArgumentSeedEndsBeforeNow() {
        try (ChatbotSimulator sim = ChatbotSimulator.startDemo(0, 42)) {
            ChatbotcomSimulation chatbotcom = sim.chatbotcom();

            assertThat(chatbotcom.chatIds()).hasSize(15);
            Instant newest = chatbotcom.chat(chatbotcom.chatIds().get(0)).updatedAt();
            assertThat(newest).isBefore(Instant.now()).isAfter(Instant.now().minus(Duration.ofDays(3)));
            assertThat(chatbotcom.now()).as("the clock runs in the present again")
                    .isAfter(Instant.now().minusSeconds(5));
        }
    }

    @Test
    void liveActivityMovesTheWorldDeterministically() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start()) {
            Runnable firstLive = first.chatbotcom().demoActivity(42);
            Runnable secondLive = second.chatbotcom().demoActivity(42);
            for (int i = 0; i < 30; i++) {
                firstLive.run();
                secondLive.run();
            }

            assertThat(first.chatbotcom().userIds()).hasSizeGreaterThan(3)
                    .hasSameSizeAs(second.chatbotcom().userIds());
            assertThat(texts(first.chatbotcom())).isEqualTo(texts(second.chatbotcom())).hasSizeGreaterThan(30);

            first.reset();
            firstLive.run();
            firstLive.run();
            assertThat(first.chatbotcom().userIds()).as("a reset does not break a running demo").isNotEmpty();
        }
    }

    private static List<String> texts(ChatbotcomSimulation chatbotcom) {
        // Live chats are created at the real clock, so order them by their content, not by id.
        return chatbotcom.chatIds().stream()
                .flatMap(id -> chatbotcom.chat(id).messages().stream())
                .map(Message::text)
                .sorted()
                .toList();
    }
}
