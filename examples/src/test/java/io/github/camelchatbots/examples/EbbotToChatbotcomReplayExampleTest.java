package io.github.camelchatbots.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation;
import io.github.camelchatbots.support.model.ChatConversation;
import io.github.camelchatbots.support.model.ChatMessage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatTranscript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs the example as its users do, without keys: the simulator's demo Ebbot chats, archived, then replayed into the
 * simulator's ChatBot.com bot. The expected numbers come from what the simulators recorded, never from the report's
 * own arithmetic: the Ebbot transcripts say what had to be asked, the ChatBot.com answers (kept by a proxy in front
 * of the simulator) say how the bot answered.
 */
class EbbotToChatbotcomReplayExampleTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** An answer of ChatBot.com to one replayed user message. */
    private record Turn(String sessionId, String question, String interaction) {
    }

    @TempDir
    Path reportDir;

    @Test
    @Timeout(90)
    void replaysEveryUserMessageOfEveryArchivedChatInAFreshSessionAndReportsHowTheBotAnswered() throws Exception {
        EbbotToChatbotcomReplayApplication application = new EbbotToChatbotcomReplayApplication(Map.of())
                .override("replay.reportDir", reportDir.toString())
                // a broken route fails this test instead of leaving it waiting
                .override("camel.main.durationMaxSeconds", "40");
        try (RecordingProxy proxy = new RecordingProxy(() -> application.simulator().chatbotcom().baseUrl())) {
            application.override("chatbotcom.baseUrl", proxy.baseUrl());

            assertThat(application.run()).isZero();

            EbbotSimulation ebbot = application.simulator().ebbot();
            ChatbotcomSimulation chatbotcom = application.simulator().chatbotcom();
            List<Turn> turns = turns(proxy);
            assertThat(turns).as("what the proxy passed on is what the simulator received")
                    .extracting(turn -> turn.question())
                    .containsExactlyElementsOf(chatbotcom.requests().stream()
                            .filter(request -> request.method().equals("POST") && request.path().equals("/query"))
                            .map(EbbotToChatbotcomReplayExampleTest::queryText)
                            .toList());

            // every user message of every chat, in its chat's order, each chat in a session of its own
            List<List<String>> askedPerChat = ebbot.chatIds().stream()
                    .map(chatId -> ebbot.transcript(chatId).stream()
                            .filter(message -> message.sender().equals("user"))
                            .map(EbbotSimulation.Message::text)
                            .toList())
                    .toList();
            assertThat(askedPerChat.stream().flatMap(List::stream))
                    .as("the demo has no message ChatBot.com would refuse, else this test proves less")
                    .allSatisfy(text -> assertThat(text.length()).isBetween(1, 256));
            Map<String, List<String>> questionsBySession = turns.stream().collect(Collectors.groupingBy(
                    Turn::sessionId, LinkedHashMap::new, Collectors.mapping(Turn::question, Collectors.toList())));
            assertThat(new ArrayList<>(questionsBySession.values())).containsExactlyInAnyOrderElementsOf(askedPerChat);
            for (ChatbotcomSimulation.SessionView session : chatbotcom.sessions()) {
                if (questionsBySession.containsKey(session.sessionId())) {
                    // a session left over from the simulator's own chats would hold messages before the replayed ones
                    assertThat(chatbotcom.chat(session.chatId()).messages().stream()
                            .filter(message -> message.author().equals("user"))
                            .map(ChatbotcomSimulation.Message::text))
                            .as("chat of session %s", session.sessionId())
                            .containsExactlyElementsOf(questionsBySession.get(session.sessionId()));
                }
            }

            JsonNode report = JSON.readTree(reportDir.resolve("replay-report.json").toFile());
            long fellBack = turns.stream().filter(turn -> "fallback".equals(turn.interaction())).count();
            long matched = turns.size() - fellBack;
            assertThat(fellBack).as("the demo has questions the bot misses").isPositive();
            assertThat(matched).as("the demo has questions the bot answers").isPositive();
            assertThat(report.path("transcriptsReplayed").asInt()).isEqualTo(ebbot.chatIds().size());
            assertThat(report.path("transcriptsFailed").asInt()).isZero();
            assertThat(report.path("userMessagesReplayed").asInt()).isEqualTo(turns.size());
            assertThat(report.path("matched").asLong()).isEqualTo(matched);
            assertThat(report.path("fellBack").asLong()).isEqualTo(fellBack);
            assertThat(report.path("matchRate").asDouble()).isCloseTo((double) matched / turns.size(), within(1e-4));
            assertThat(counts(report.path("interactions"))).isEqualTo(turns.stream()
                    .collect(Collectors.groupingBy(Turn::interaction, TreeMap::new, Collectors.counting())));
            assertThat(report.path("notReplayed")).isEmpty();
            assertThat(report.path("failedTranscripts")).isEmpty();

            List<String> questionsThatFellBack = turns.stream()
                    .filter(turn -> "fallback".equals(turn.interaction()))
                    .map(turn -> ReplayTally.normalized(turn.question()))
                    .toList();
            List<String> reported = new ArrayList<>();
            Set<String> chatIds = Set.copyOf(ebbot.chatIds());
            for (JsonNode question : report.path("fallbackQuestions")) {
                assertThat(question.path("chatIds")).hasSize(question.path("times").asInt());
                assertThat(question.path("chatIds")).allSatisfy(chatId -> assertThat(chatIds).contains(chatId.asText()));
                for (int i = 0; i < question.path("times").asInt(); i++) {
                    reported.add(ReplayTally.normalized(question.path("question").asText()));
                }
            }
            assertThat(reported).containsExactlyInAnyOrderElementsOf(questionsThatFellBack);
        }
    }

    @Test
    @Timeout(60)
    void replaysAnExistingArchiveAsItIsAndListsWhatItCouldNotReplay(@TempDir Path archive) throws Exception {
        Instant at = Instant.parse("2024-08-12T09:15:03Z");
        write(archive.resolve("1723454103.000.a.json"), transcript("1723454103.000.a", at,
                message(ChatParticipant.USER, "hello", at),
                message(ChatParticipant.BOT, "Hi there! How can I help?", at),
                message(ChatParticipant.USER, "what are your opening hours", at),
                message(ChatParticipant.AGENT, "We are open 10-18.", at),
                message(ChatParticipant.USER, "   ", at),
                message(ChatParticipant.USER, "a".repeat(257), at)));
        write(archive.resolve("1723454200.000.b.json"), transcript("1723454200.000.b", at,
                message(ChatParticipant.USER, "I want a refund", at),
                message(ChatParticipant.USER, "my order number is 4711", at),
                message(ChatParticipant.USER, "do you sell gift cards", at)));
        Files.writeString(archive.resolve("1723454300.000.c.json"), "{\"conversation\": ");
        Files.writeString(archive.resolve(".ebbot-cursor"), "not a transcript");

        EbbotToChatbotcomReplayApplication application = new EbbotToChatbotcomReplayApplication(Map.of())
                .override("replay.archiveDir", archive.toString())
                .override("replay.reportDir", reportDir.toString())
                .override("replay.fallbackInteractions", "fallback,greeting")
                .override("camel.main.durationMaxSeconds", "30");
        try (RecordingProxy proxy = new RecordingProxy(() -> application.simulator().chatbotcom().baseUrl())) {
            application.override("chatbotcom.baseUrl", proxy.baseUrl());

            assertThat(application.run()).as("a chat that could not be replayed fails the run").isEqualTo(1);

            assertThat(application.simulator().ebbot().requests()).as("an existing archive needs no Ebbot").isEmpty();
            List<Turn> turns = turns(proxy);
            assertThat(turns).extracting(Turn::question).containsExactly("hello", "what are your opening hours",
                    "I want a refund", "my order number is 4711", "do you sell gift cards");
            assertThat(turns.stream().map(Turn::sessionId).distinct()).hasSize(2);
            assertThat(turns).extracting(Turn::interaction).as("the bot's answers the counts below rely on")
                    .contains("greeting", "fallback");

            JsonNode report = JSON.readTree(reportDir.resolve("replay-report.json").toFile());
            long fellBack = turns.stream().filter(turn -> Set.of("fallback", "greeting").contains(turn.interaction()))
                    .count();
            assertThat(report.path("transcriptsReplayed").asInt()).isEqualTo(2);
            assertThat(report.path("transcriptsFailed").asInt()).isEqualTo(1);
            assertThat(report.path("failedTranscripts").get(0).path("file").asText()).isEqualTo("1723454300.000.c.json");
            assertThat(report.path("userMessagesReplayed").asInt()).isEqualTo(turns.size());
            assertThat(report.path("fellBack").asLong()).isEqualTo(fellBack);
            assertThat(report.path("matched").asLong()).isEqualTo(turns.size() - fellBack);
            assertThat(report.path("notReplayed")).extracting(node -> node.path("reason").asText())
                    .containsExactly("no text", "longer than the 256 characters ChatBot.com accepts");
        }
    }

    @Test
    @Timeout(60)
    void stopsAtTheFirstChatWhenChatBotComRefusesTheAccessToken(@TempDir Path archive) throws Exception {
        Instant at = Instant.parse("2024-08-12T09:15:03Z");
        for (String chatId : List.of("1723454103.000.a", "1723454200.000.b", "1723454300.000.c")) {
            write(archive.resolve(chatId + ".json"), transcript(chatId, at,
                    message(ChatParticipant.USER, "hello", at), message(ChatParticipant.USER, "opening hours", at)));
        }
        String wrongToken = "not-the-simulators-token-4711";
        EbbotToChatbotcomReplayApplication application = new EbbotToChatbotcomReplayApplication(Map.of())
                .override("replay.archiveDir", archive.toString())
                .override("replay.reportDir", reportDir.toString())
                .override("chatbotcom.access-token", wrongToken)
                .override("camel.main.durationMaxSeconds", "30");

        assertThat(application.run()).isEqualTo(1);

        assertThat(application.simulator().chatbotcom().requests()).as("one refused call, not one per chat")
                .hasSize(1)
                .allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + wrongToken));
        String reportText = Files.readString(reportDir.resolve("replay-report.json"));
        assertThat(reportText).doesNotContain(wrongToken);
        JsonNode report = JSON.readTree(reportText);
        assertThat(report.path("transcriptsReplayed").asInt()).isZero();
        assertThat(report.path("transcriptsFailed").asInt()).isEqualTo(1);
        assertThat(report.path("transcriptsNotAttempted").asInt()).isEqualTo(2);
        assertThat(report.path("stoppedBecause").asText()).contains("ChatbotAuthenticationException", "401");
    }

    /** The /query calls the proxy saw, with the interaction that answered each. */
    private static List<Turn> turns(RecordingProxy proxy) throws Exception {
        List<Turn> turns = new ArrayList<>();
        for (RecordingProxy.Exchange exchange : proxy.exchanges()) {
            if (exchange.method().equals("POST") && exchange.path().equals("/query")) {
                assertThat(exchange.status()).as("answer to %s", exchange.requestBody()).isEqualTo(200);
                JsonNode request = JSON.readTree(exchange.requestBody());
                JsonNode answer = JSON.readTree(exchange.responseBody());
                turns.add(new Turn(request.path("sessionId").asText(), request.path("query").asText(),
                        answer.at("/result/interaction/name").asText()));
            }
        }
        return turns;
    }

    private static String queryText(RecordedRequest request) {
        try {
            return JSON.readTree(request.body()).path("query").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON query: " + request.body(), e);
        }
    }

    private static Map<String, Long> counts(JsonNode counts) {
        return StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) counts::fields).spliterator(), false)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().asLong(), Long::sum,
                        TreeMap::new));
    }

    private static ChatTranscript transcript(String chatId, Instant startedAt, ChatMessage... messages) {
        List<ChatMessage> withIds = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            ChatMessage message = messages[i];
            withIds.add(new ChatMessage("ebbot", chatId, chatId + "/" + i, message.sender(), message.senderName(),
                    message.text(), message.sentAt()));
        }
        return new ChatTranscript(new ChatConversation("ebbot", chatId, null, null, "closed", startedAt, startedAt),
                withIds);
    }

    private static ChatMessage message(ChatParticipant sender, String text, Instant at) {
        return new ChatMessage("ebbot", null, null, sender, sender.name().toLowerCase(), text, at);
    }

    private static void write(Path file, ChatTranscript transcript) throws Exception {
        JSON.writeValue(file.toFile(), transcript);
    }
}
