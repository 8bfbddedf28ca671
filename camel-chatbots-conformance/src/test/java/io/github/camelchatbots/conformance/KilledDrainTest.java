package io.github.camelchatbots.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import io.github.camelchatbots.simulator.ChatbotSimulator;
import io.github.camelchatbots.support.consumer.cursor.DurableFileStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Camel Main application draining a backlog with its cursors in a file, killed with {@code kill -9} at random
 * points and started again, several times: every chat and every transcript is delivered, none is lost, and a chat
 * delivered twice is one whose exchange the kill may have cut (it carries the same id header each time).
 */
class KilledDrainTest {

    private static final int CHATS = 300;
    private static final int KILLS = 4;
    private static final Duration RUN = Duration.ofMinutes(3);

    private static ChatbotSimulator simulator;

    @TempDir
    Path directory;

    @BeforeAll
    static void startSimulator() {
        simulator = ChatbotSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void aDrainKilledAtRandomPointsLosesNothing() throws Exception {
        simulator.reset();
        String apiKey = "pk" + UUID.randomUUID().toString().replace("-", "") + ".sk" + UUID.randomUUID();
        simulator.ebbot().addApiKey(apiKey);
        simulator.ebbot().setRateLimit(100_000, Duration.ofMinutes(1));
        simulator.ebbot().seedChats(CHATS, Instant.now().minus(Duration.ofDays(3)), Duration.ofMinutes(5), 2, true);
        List<String> chats = new ArrayList<>(simulator.ebbot().chatIds());
        assertThat(chats).hasSize(CHATS);

        Properties properties = application();
        Random random = new Random(20261202L);
        for (int kill = 0; kill < KILLS; kill++) {
            int seenBefore = lines("chats.txt").size() + lines("transcripts.txt").size();
            // somewhere in what is left, so that later kills still land in the middle of the drain
            int target = seenBefore + 1 + random.nextInt(Math.max(1, (2 * CHATS - seenBefore) / (KILLS - kill + 1)));
            try (ChildJvm child = ChildJvm.start(directory, properties, Map.of("EBBOT_API_KEY", apiKey))) {
                awaitIn(child, () -> !child.isAlive()
                                     || lines("chats.txt").size() + lines("transcripts.txt").size() >= target);
                assertThat(child.isAlive()).as(child.output()).isTrue();
                child.kill();
            }
            int seenAtKill = lines("chats.txt").size() + lines("transcripts.txt").size();
            assertThat(new HashSet<>(lines("chats.txt")).size() + new HashSet<>(lines("transcripts.txt")).size())
                    .as("kill %d landed in the middle of the drain (%d lines)", kill + 1, seenAtKill)
                    .isLessThan(2 * CHATS);
            // a kill before the first write leaves no file; one after leaves a whole one
            Path cursors = directory.resolve("cursors.json");
            if (Files.exists(cursors)) {
                assertThat(DurableFileStateRepository.readFile(cursors)).as("the cursors after kill %d", kill + 1)
                        .containsKeys("ebbot:chats@127.0.0.1");
            }
        }
        try (ChildJvm child = ChildJvm.start(directory, properties, Map.of("EBBOT_API_KEY", apiKey))) {
            awaitIn(child, () -> !child.isAlive() || new HashSet<>(lines("chats.txt")).containsAll(chats)
                                                    && new HashSet<>(lines("transcripts.txt")).containsAll(chats));
            assertThat(child.isAlive()).as(child.output()).isTrue();
        }

        for (String file : List.of("chats.txt", "transcripts.txt")) {
            List<String> delivered = lines(file);
            assertThat(new HashSet<>(delivered)).as(file).containsExactlyInAnyOrderElementsOf(chats);
            Map<String, Integer> times = new HashMap<>();
            delivered.forEach(id -> times.merge(id, 1, Integer::sum));
            // each run may deliver again what the one before delivered after its cursor was last written
            assertThat(times.values()).as(file).allMatch(count -> count <= KILLS + 1);
        }
    }

    private void awaitIn(ChildJvm child, java.util.concurrent.Callable<Boolean> condition) throws IOException {
        try {
            await().atMost(RUN).pollInterval(Duration.ofMillis(10)).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            String output = child.output();
            throw new AssertionError("chats " + lines("chats.txt").size() + ", transcripts "
                                     + lines("transcripts.txt").size() + "; the child's output ends:\n"
                                     + output.substring(Math.max(0, output.length() - 6_000)), timeout);
        }
    }

    private Properties application() throws IOException {
        Path routes = directory.resolve("routes.camel.yaml");
        Files.writeString(routes, """
                - route:
                    id: chats
                    from:
                      uri: ebbot:chats
                      parameters: { cursorFile: cursors.json, initialDelay: 0, delay: 100, limit: 20, rateLimit: 0 }
                      steps:
                        - delay: { constant: 5 }
                        - setBody: { simple: { expression: "${header.CamelEbbotChatId}\\n", trim: false } }
                        - to: "file:.?fileName=chats.txt&fileExist=Append"
                - route:
                    id: transcripts
                    from:
                      uri: ebbot:transcript
                      parameters: { cursorFile: cursors.json, initialDelay: 0, delay: 100, limit: 20, rateLimit: 0 }
                      steps:
                        - delay: { constant: 5 }
                        - setBody: { simple: { expression: "${header.CamelEbbotChatId}\\n", trim: false } }
                        - to: "file:.?fileName=transcripts.txt&fileExist=Append"
                """);
        Properties properties = new Properties();
        properties.setProperty("camel.main.routesIncludePattern", "file:" + routes.toAbsolutePath());
        properties.setProperty("camel.main.name", "drain");
        properties.setProperty("camel.component.ebbot.api-key", "{{env:EBBOT_API_KEY}}");
        properties.setProperty("camel.component.ebbot.base-url", simulator.ebbot().baseUrl());
        properties.setProperty("camel.component.ebbot.rate-limit-state-directory",
                directory.resolve("rate-limits").toString());
        return properties;
    }

    /** The ids written so far; a last line the kill cut short was not delivered, so it does not count. */
    private List<String> lines(String file) throws IOException {
        Path path = directory.resolve(file);
        if (!Files.exists(path)) {
            return List.of();
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : text.substring(0, end).lines().filter(line -> !line.isBlank()).toList();
    }
}
