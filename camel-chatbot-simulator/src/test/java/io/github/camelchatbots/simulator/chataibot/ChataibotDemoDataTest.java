package io.github.camelchatbots.simulator.chataibot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.ChatbotSimulator;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.ConversationView;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Message;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Source;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

class ChataibotDemoDataTest {

    private static final Instant UNTIL = Instant.parse("2024-08-12T10:00:00Z");

    private static List<ConversationView> world(ChataibotSimulation chataibot) {
        return chataibot.conversationIds().stream().map(chataibot::conversation).toList();
    }

    @Test
    void sameSeedSameWorld() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start();
                ChatbotSimulator other = ChatbotSimulator.start()) {
            first.chataibot().seedDemo(42, UNTIL);
            second.chataibot().seedDemo(42, UNTIL);
            other.chataibot().seedDemo(7, UNTIL);

            assertThat(world(second.chataibot())).isEqualTo(world(first.chataibot()));
            assertThat(second.chataibot().bots()).isEqualTo(first.chataibot().bots());
            assertThat(world(other.chataibot())).isNotEqualTo(world(first.chataibot()));
        }
    }

    @Test
    void looksLikeASupportBotWithAKnowledgeBase() {
        try (ChatbotSimulator sim = ChatbotSimulator.start()) {
            ChataibotSimulation chataibot = sim.chataibot();
            chataibot.seedDemo(42, UNTIL);

            assertThat(chataibot.bots()).singleElement().satisfies(bot -> {
                assertThat(bot.botKey()).isEqualTo(ChataibotSimulation.DEMO_BOT_KEY);
                assertThat(bot.userId()).matches("[0-9a-f]{24}");
            });
            List<ConversationView> conversations = world(chataibot);
            assertThat(conversations).hasSize(8).allSatisfy(conversation -> {
                assertThat(conversation.createdAt()).isBetween(UNTIL.minus(Duration.ofDays(2)), UNTIL);
                assertThat(conversation.messages()).extracting(Message::createdAt).isSorted().allSatisfy(
                        at -> assertThat(at).isBefore(UNTIL));
                assertThat(conversation.messages().get(0).from()).isEqualTo("VISITOR");
                assertThat(conversation.contact().name()).isNotBlank();
                assertThat(conversation.visitorKey()).endsWith("_" + ChataibotSimulation.DEFAULT_ACCOUNT_ID);
            });
            List<String> botAnswers = conversations.stream().flatMap(c -> c.messages().stream())
                    .filter(message -> message.from().equals("BOT")).map(Message::text).toList();
            assertThat(botAnswers).as("greeting, opening hours, pricing and fallback answers")
                    .contains(DemoData.GREETING, DemoData.OPENING_HOURS, DemoData.PRICING.get(0), DemoData.FALLBACK);
            assertThat(chataibot.knowledgeBaseIds()).containsExactly(ChataibotSimulation.DEMO_KNOWLEDGE_BASE_ID);
            assertThat(chataibot.sources()).extracting(Source::name, Source::status).containsExactly(
                    tuple("faq.txt", "completed"),
                    tuple("price-list.csv", "completed"),
                    tuple("shipping-policy", "completed"),
                    tuple("brochure-scan.pdf", "failed"));
            assertThat(chataibot.callbackCalls()).as("the past delivers nothing").isEmpty();
            assertThat(chataibot.connectionInfo()).contains(
                    "ChatAIBot bot: bot_key=" + ChataibotSimulation.DEMO_BOT_KEY,
                    "ChatAIBot knowledge base: knowledge_base_id=" + ChataibotSimulation.DEMO_KNOWLEDGE_BASE_ID);
        }
    }

    @Test
    void theStartedDemoAnswersOverHttpWithTheClockFollowingRealTime() {
        try (ChatbotSimulator sim = ChatbotSimulator.startDemo(0, 42)) {
            ChataibotSimulation chataibot = sim.chataibot();
            ChataibotHttp http = new ChataibotHttp(chataibot);

            String conversationId = http.start(ChataibotSimulation.DEMO_BOT_KEY, "demo-visitor");
            JsonNode answer = http.say(conversationId, "Hi, what does the Pro plan cost?");

            assertThat(answer.get("replies").findValuesAsText("body")).containsExactly(DemoData.GREETING,
                    DemoData.PRICING.get(0), DemoData.PRICING.get(1));
            assertThat(chataibot.conversation(world(chataibot).get(0).id()).createdAt())
                    .isBefore(Instant.now().truncatedTo(ChronoUnit.HOURS));
            assertThat(chataibot.now()).as("the demo's clock follows real time")
                    .isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(1));
        }
    }

    @Test
    void liveActivityMovesTheWorldDeterministically() {
        try (ChatbotSimulator first = ChatbotSimulator.start(); ChatbotSimulator second = ChatbotSimulator.start()) {
            Runnable firstLive = first.chataibot().demoActivity(42);
            Runnable secondLive = second.chataibot().demoActivity(42);
            for (int i = 0; i < 40; i++) {
                firstLive.run();
                secondLive.run();
            }

            assertThat(first.chataibot().conversationIds()).hasSizeGreaterThan(3);
            assertThat(texts(first.chataibot())).isEqualTo(texts(second.chataibot())).hasSizeGreaterThan(40);
            List<Source> sources = first.chataibot().sources();
            assertThat(sources).isNotEmpty()
                    .allSatisfy(source -> assertThat(source.name()).startsWith("notice-"))
                    .extracting(Source::status).as("each step is 10 s on a standing clock").contains("completed");
            assertThat(second.chataibot().sources()).extracting(Source::name, Source::status)
                    .isEqualTo(sources.stream().map(s -> tuple(s.name(), s.status()))
                            .toList());
            first.reset();
            firstLive.run();
            firstLive.run();
            assertThat(first.chataibot().bots()).as("a reset does not break a running demo").isNotEmpty();
        }
    }

    private static List<String> texts(ChataibotSimulation chataibot) {
        return chataibot.conversationIds().stream()
                .flatMap(id -> chataibot.conversation(id).messages().stream())
                .map(Message::text)
                .toList();
    }
}
