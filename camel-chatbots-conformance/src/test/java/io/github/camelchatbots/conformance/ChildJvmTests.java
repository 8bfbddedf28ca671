package io.github.camelchatbots.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelchatbots.simulator.ChatbotSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What only an application in a JVM of its own can show: the environment it is configured from, the README's route
 * run as printed, and a restart that must not exceed the vendor's limit.
 */
class ChildJvmTests {

    private static final Duration START = Duration.ofSeconds(90);

    private static ChatbotSimulator simulator;

    @TempDir
    Path directory;

    private String apiKey;

    @BeforeAll
    static void startSimulator() {
        simulator = ChatbotSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void freshAccount() {
        simulator.reset();
        apiKey = "pk" + UUID.randomUUID().toString().replace("-", "") + ".sk" + UUID.randomUUID();
        simulator.ebbot().addApiKey(apiKey);
        simulator.ebbot().setRateLimit(1000, Duration.ofMinutes(1));
    }

    private List<String> someChats(int count) {
        Instant start = Instant.now().minus(Duration.ofHours(2));
        for (int i = 0; i < count; i++) {
            String chatId = simulator.ebbot().createChat(start.plusSeconds(60L * i), "Visitor " + i);
            simulator.ebbot().addMessage(chatId, "user", "Question " + i, start.plusSeconds(60L * i + 5));
            simulator.ebbot().addMessage(chatId, "bot", "Answer " + i, start.plusSeconds(60L * i + 6));
            simulator.ebbot().closeChat(chatId);
        }
        return simulator.ebbot().chatIds();
    }

    private Properties routesFrom(String yaml) throws IOException {
        Path routes = directory.resolve("routes.camel.yaml");
        Files.writeString(routes, yaml);
        Properties properties = new Properties();
        properties.setProperty("camel.main.routesIncludePattern", "file:" + routes.toAbsolutePath());
        properties.setProperty("camel.main.name", "child");
        return properties;
    }

    /**
     * Camel Main 4.18 maps {@code CAMEL_COMPONENT_<NAME>_<OPTION>} variables only for the components in its own list,
     * so the docs configure ours from the environment with {@code {{env:NAME}}} placeholders.
     */
    @Test
    void environmentVariablesReachTheComponentsAsTheDocsSay() throws Exception {
        List<String> chats = someChats(3);
        Properties properties = routesFrom("""
                - route:
                    from:
                      uri: ebbot:chats
                      parameters:
                        initialDelay: 0
                        delay: 500
                      steps:
                        - log: "delivered ${header.CamelEbbotChatId}"
                """);

        properties.setProperty("camel.component.ebbot.api-key", "{{env:EBBOT_API_KEY}}");
        properties.setProperty("camel.component.ebbot.base-url", "{{env:EBBOT_BASE_URL:https://ebbot.eu}}");

        try (ChildJvm child = ChildJvm.start(directory, properties, Map.of(
                "EBBOT_API_KEY", apiKey,
                "EBBOT_BASE_URL", simulator.ebbot().baseUrl()))) {
            await().atMost(START).until(() -> chats.stream().allMatch(id -> child.output().contains("delivered " + id))
                                              || !child.isAlive());
            assertThat(child.output()).as(child.output())
                    .contains(chats.stream().map(id -> "delivered " + id).toList());
            assertThat(simulator.ebbot().requests()).allMatch(request -> apiKey.equals(request.header("x-api-key")));
            assertThat(child.output()).doesNotContain(apiKey);
        }
    }

    @Test
    void theReadmesRouteRunsAsPrinted() throws Exception {
        List<String> chats = someChats(3);
        Properties properties = routesFrom(readmeBlock("yaml"));
        properties.load(new java.io.StringReader(readmeBlock("properties")));
        properties.setProperty("camel.component.ebbot.base-url", simulator.ebbot().baseUrl());

        try (ChildJvm child = ChildJvm.start(directory, properties, Map.of("EBBOT_API_KEY", apiKey))) {
            await().atMost(START).until(() -> chats.stream().allMatch(id -> Files.exists(archived(id)))
                                              || !child.isAlive());
            assertThat(chats).as(child.output()).allMatch(id -> Files.exists(archived(id)));
            ObjectMapper json = new ObjectMapper();
            for (String chatId : chats) {
                JsonNode transcript = json.readTree(Files.readString(archived(chatId), StandardCharsets.UTF_8));
                assertThat(transcript.path("conversation").path("conversationId").asText()).isEqualTo(chatId);
                assertThat(transcript.path("messages")).hasSize(2);
                assertThat(transcript.path("messages").get(0).path("sentAt").asText()).endsWith("Z");
            }
            assertThat(directory.resolve("data/ebbot.cursor")).exists();
        }
    }

    private Path archived(String chatId) {
        return directory.resolve("archive").resolve(chatId + ".json");
    }

    /** The README's first block of the language, as a user would copy it. */
    private static String readmeBlock(String language) throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("a " + language + " block in README.md").isTrue();
        return block.group(1);
    }

    @Test
    void aRestartWithinTheWindowDoesNotExceedTheVendorsLimit() throws Exception {
        int limit = 20;
        Duration window = Duration.ofSeconds(5);
        simulator.ebbot().setRateLimit(limit, window);
        simulator.ebbot().setHangTimeout(Duration.ofSeconds(20));
        Properties properties = routesFrom("""
                - route:
                    from:
                      uri: "timer:calls?period=1&repeatCount=%d"
                      steps:
                        - to: "ebbot:chats?rateLimit=%d&rateLimitPeriod=%d&responseTimeout=30s"
                        - log: "called"
                """.formatted(limit, limit, window.toMillis()));
        properties.setProperty("camel.component.ebbot.api-key", apiKey);
        properties.setProperty("camel.component.ebbot.base-url", simulator.ebbot().baseUrl());
        properties.setProperty("camel.component.ebbot.rate-limit-state-directory", directory.resolve("limits").toString());

        String printed;
        try (ChildJvm first = ChildJvm.start(directory.resolve("first"), properties, Map.of())) {
            await().atMost(START).until(() -> simulator.ebbot().requestCount() >= limit || !first.isAlive());
            first.kill();
            printed = first.output();
        }
        try (ChildJvm second = ChildJvm.start(directory.resolve("second"), properties, Map.of())) {
            await().atMost(START).until(() -> simulator.ebbot().requestCount() >= 2 * limit || !second.isAlive());
            printed += second.output();
        }

        assertThat(simulator.ebbot().requestCount()).as(printed).isEqualTo(2 * limit);
        assertThat(simulator.ebbot().rejectedByRateLimit()).isZero();
        assertThat(simulator.ebbot().maxRequestsInAnyWindow()).isLessThanOrEqualTo(limit);
    }
}
