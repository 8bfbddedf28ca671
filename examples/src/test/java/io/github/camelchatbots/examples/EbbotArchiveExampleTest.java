package io.github.camelchatbots.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation;
import io.github.camelchatbots.support.model.ChatTranscript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the example as its users do, without EBBOT_API_KEY: against the embedded simulator's demo chats. */
class EbbotArchiveExampleTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @TempDir
    Path archive;

    @Test
    @Timeout(60)
    void archivesEveryChatOfTheSimulatorAsOneTranscriptFile() throws Exception {
        EbbotArchiveApplication application = new EbbotArchiveApplication(Map.of())
                .override("archive.dir", archive.toString())
                // the demo idles 10 s so that people see it poll; the whole archive is written within the first poll
                .override("camel.main.durationMaxIdleSeconds", "3")
                // a broken route fails this test instead of leaving it waiting for chats that never come
                .override("camel.main.durationMaxSeconds", "30");

        assertThat(application.run()).isZero();

        EbbotSimulation ebbot = application.simulator().ebbot();
        List<String> chatIds = ebbot.chatIds();
        assertThat(chatIds).hasSizeGreaterThan(20);
        assertThat(jsonFiles()).containsExactlyInAnyOrderElementsOf(
                chatIds.stream().map(chatId -> chatId + ".json").toList());

        for (String chatId : chatIds) {
            Path file = archive.resolve(chatId + ".json");
            ChatTranscript transcript = JSON.readValue(file.toFile(), ChatTranscript.class);
            assertThat(transcript.conversation().vendor()).isEqualTo("ebbot");
            assertThat(transcript.conversation().conversationId()).isEqualTo(chatId);
            assertThat(transcript.messages()).as("messages of %s", chatId).hasSameSizeAs(ebbot.transcript(chatId));
            assertThat(transcript.messages()).allSatisfy(message -> assertThat(message.text()).isNotBlank());

            // an archive outlives the code that wrote it: times as ISO-8601 text, not epoch numbers
            JsonNode tree = JSON.readTree(file.toFile());
            assertThat(tree.at("/conversation/startedAt").isTextual()).as("startedAt of %s", chatId).isTrue();
            assertThat(tree.at("/messages/0/sentAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        }
    }

    private List<String> jsonFiles() throws IOException {
        try (Stream<Path> files = Files.list(archive)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).toList();
        }
    }
}
