package io.github.camelchatbots.component.ebbot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.github.camelchatbots.support.consumer.cursor.DurableFileStateRepository;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A cursor that cannot be read is never silently replaced: the route does not start, the message names the file,
 * the key and what is wrong, and the file stays byte for byte; {@code unreadableCursor} says to start over instead.
 */
class EbbotCursorDamageTest extends EbbotTestSupport {

    private static final String FAST = "delay=100&initialDelay=0";
    private static final String KEY = "ebbot:chats@127.0.0.1";

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private Path cursorFile;
    private List<String> chats;

    /** Three chats delivered, and a cursor file a clean stop wrote: what the damage is done to. */
    private byte[] deliveredThreeAndStopped() throws Exception {
        cursorFile = dir.resolve("cursors.json");
        chats = List.of(chat(Instant.now().minusSeconds(60)), chat(Instant.now().minusSeconds(50)),
                chat(Instant.now().minusSeconds(40)));
        try (CamelContext first = standaloneContext(uri(""), e -> delivered.add(id(e.getMessage().getHeaders())))) {
            first.start();
            await().until(() -> delivered.size() == 3);
        }
        delivered.clear();
        return Files.readAllBytes(cursorFile);
    }

    private String uri(String more) {
        return "ebbot:chats?" + FAST + "&cursorFile=" + cursorFile + more;
    }

    static Stream<Arguments> damagedFiles() {
        return Stream.of(
                Arguments.of("empty", (Damage) whole -> new byte[0], "is empty"),
                Arguments.of("garbage", (Damage) whole -> "\u0000\u0007garbage%%".getBytes(StandardCharsets.UTF_8),
                        "is not JSON"),
                Arguments.of("cut inside the key", (Damage) whole -> cut(whole, new String(whole,
                        StandardCharsets.UTF_8).indexOf(KEY) + 5), "is not JSON"),
                Arguments.of("cut inside the value", (Damage) whole -> cut(whole, new String(whole,
                        StandardCharsets.UTF_8).indexOf("\\\"position") + 4), "is not JSON"));
    }

    @FunctionalInterface
    interface Damage {
        byte[] apply(byte[] whole);
    }

    private static byte[] cut(byte[] whole, int length) {
        byte[] part = new byte[length];
        System.arraycopy(whole, 0, part, 0, length);
        return part;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void aDamagedFileStopsTheStartNamingItAndStaysAsItIs(String damage, Damage how, String problem) throws Exception {
        byte[] damaged = how.apply(deliveredThreeAndStopped());
        Files.write(cursorFile, damaged);
        FileTime modified = Files.getLastModifiedTime(cursorFile);

        try (CamelContext second = standaloneContext(uri(""), e -> delivered.add("again"))) {
            assertThatThrownBy(second::start).hasStackTraceContaining(cursorFile.toString())
                    .hasStackTraceContaining(problem).hasStackTraceContaining("unreadableCursor=beginning or now");
        }

        assertThat(Files.readAllBytes(cursorFile)).isEqualTo(damaged);
        assertThat(Files.getLastModifiedTime(cursorFile)).isEqualTo(modified);
        assertThat(delivered).isEmpty();
    }

    @Test
    void aValueCutShortStopsTheStartNamingTheKey() throws Exception {
        deliveredThreeAndStopped();
        rewriteValue(value -> value.substring(0, value.length() / 2));
        byte[] before = Files.readAllBytes(cursorFile);

        try (CamelContext second = standaloneContext(uri(""), e -> delivered.add("again"))) {
            assertThatThrownBy(second::start).hasStackTraceContaining("The cursor '" + KEY + "' in the cursor file "
                                                                      + cursorFile + " cannot be read: it is not JSON");
        }
        assertThat(Files.readAllBytes(cursorFile)).isEqualTo(before);
        assertThat(delivered).isEmpty();
    }

    @Test
    void anotherConsumersCursorUnderTheKeyIsRefusedNotMisread() throws Exception {
        deliveredThreeAndStopped();

        try (CamelContext other = standaloneContext("ebbot:transcript?" + FAST + "&cursorKey=" + KEY
                                                    + "&cursorFile=" + cursorFile, e -> delivered.add("again"))) {
            assertThatThrownBy(other::start).hasStackTraceContaining("it is the cursor of a ebbot:chats consumer,"
                                                                     + " not of this ebbot:transcript consumer")
                    .hasStackTraceContaining("give this consumer its own cursorKey");
        }
    }

    @Test
    void startingOverFromTheBeginningKeepsTheDamagedFileAside() throws Exception {
        deliveredThreeAndStopped();
        Files.writeString(cursorFile, "{\"format\":\"camel-chatbots-cursors\",\"version\":1,\"cur");

        try (CamelContext second = standaloneContext(uri("&unreadableCursor=beginning"),
                e -> delivered.add(id(e.getMessage().getHeaders())))) {
            second.start();
            await().until(() -> delivered.size() == 3);
        }

        assertThat(delivered).containsExactlyElementsOf(chats);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("cursors.json.unreadable-"));
        }
    }

    @Test
    void startingOverFromNowKeepsTheUnreadableValueAside() throws Exception {
        deliveredThreeAndStopped();
        rewriteValue(value -> "{\"kind\":\"ebbot:chats\",\"version\":1,\"progress\":{\"position\":");

        String later;
        try (CamelContext second = standaloneContext(uri("&unreadableCursor=now"),
                e -> delivered.add(id(e.getMessage().getHeaders())))) {
            second.start();
            await().until(() -> ebbot().requests().size() >= 2);
            later = chat(Instant.now().plusSeconds(5));
            await().until(() -> delivered.size() == 1);
        }

        assertThat(delivered).containsExactly(later);
        assertThat(DurableFileStateRepository.readFile(cursorFile).keySet())
                .anyMatch(key -> key.startsWith(KEY + "#unreadable-"));
    }

    private void rewriteValue(java.util.function.UnaryOperator<String> change) throws Exception {
        DurableFileStateRepository repository = new DurableFileStateRepository(cursorFile);
        repository.start();
        repository.setState(KEY, change.apply(repository.getState(KEY)));
        repository.stop();
    }

    private static String id(java.util.Map<String, Object> headers) {
        return (String) headers.get(EbbotConstants.CHAT_ID);
    }

    private String chat(Instant createdAt) {
        String chatId = ebbot().createChat(createdAt);
        ebbot().addMessage(chatId, "user", "hello", createdAt);
        return chatId;
    }
}
