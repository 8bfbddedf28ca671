package io.github.camelchatbots.support.consumer.cursor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The store in one JVM, on real files: what it keeps, when it writes, how it refuses a file it cannot read (leaving
 * it byte for byte), how it fails a write (leaving the last complete one), and how it keeps a second store off its
 * file.
 */
class DurableFileStateRepositoryTest {

    /** Any write after it would show in the modification time, whatever the file system's granularity. */
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

    @TempDir
    Path dir;

    private final List<DurableFileStateRepository> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(DurableFileStateRepository::stop);
    }

    private DurableFileStateRepository started(Path file, Duration flushInterval) {
        DurableFileStateRepository repository = DurableFileStateRepository.durableFileStateRepository(file);
        repository.setFlushInterval(flushInterval);
        repository.start();
        started.add(repository);
        return repository;
    }

    private DurableFileStateRepository started(Path file) {
        return started(file, DurableFileStateRepository.DEFAULT_FLUSH_INTERVAL);
    }

    private Set<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    // ---- what it keeps

    @Test
    void cursorsSurviveARestartInANewInstance() {
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository first = started(file);
        first.setState("a", "1");
        first.setState("b", "2");
        first.setState("c", "3");
        first.setState("b", null);
        first.removeState("c");
        first.setState("d", "4");
        first.stop();

        DurableFileStateRepository second = started(file);
        assertThat(second.keys()).containsExactly("a", "d");
        assertThat(second.getState("a")).isEqualTo("1");
        assertThat(second.getState("b")).isNull();
        assertThat(second.getState("d")).isEqualTo("4");
        assertThat(second.getFile()).isEqualTo(file.toAbsolutePath());
    }

    @Test
    void theSameInstanceRestartsWithWhatItWrote() {
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository repository = started(file);
        repository.setState("a", "1");
        repository.stop();
        repository.start();
        assertThat(repository.getState("a")).isEqualTo("1");
    }

    @Test
    void manyKeys() {
        Path file = dir.resolve("many.json");
        DurableFileStateRepository first = started(file);
        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < 5_000; i++) {
            String key = "conversation/" + i;
            String value = "{\"after\":\"2024-01-01T00:00:00Z\",\"id\":\"" + i + "\"}";
            first.setState(key, value);
            expected.put(key, value);
        }
        first.stop();

        assertThat(DurableFileStateRepository.readFile(file)).isEqualTo(expected);
        assertThat(started(file).keys()).isEqualTo(expected.keySet());
    }

    /** All of which Camel's FileStateRepository refuses or garbles. */
    @Test
    void keysAndValuesMayHoldAnyText() throws IOException {
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("a=b", "c=d==");
        odd.put("line\nbreak", "two\nlines\r\nand a CR\r");
        odd.put("ключ 鍵 🔑", "значение 値 🦄");
        odd.put("\"quoted\" \\back\\slash\t", "{\"json\":\"inside\",\"n\":[1,2]}");
        odd.put("", "empty key");
        odd.put("empty value", "");
        odd.put("nul \u0000 and bell \u0007", "\u2028\u2029");
        odd.put("lone surrogate \uD800", "\uDC00 reversed \uDBFF");
        Path file = dir.resolve("odd.json");
        DurableFileStateRepository first = started(file);
        odd.forEach(first::setState);
        first.stop();

        DurableFileStateRepository second = started(file);
        odd.forEach((key, value) -> assertThat(second.getState(key)).as(key).isEqualTo(value));
        assertThat(second.keys()).hasSize(odd.size());
        // the file is strict UTF-8 throughout, whatever the strings held: text in UTF-8, and what UTF-8 cannot
        // hold (a lone surrogate) or JSON must escape, and characters beyond the BMP, as \\u escapes
        String strictlyDecoded = StandardCharsets.UTF_8.newDecoder()
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        assertThat(strictlyDecoded).contains("\"ключ 鍵 \\uD83D\\uDD11\"", "\\uD800", "\"a=b\" : \"c=d==\"");

        FileStateRepository camels = FileStateRepository.fileStateRepository(dir.resolve("camel.txt").toFile());
        camels.start();
        try {
            assertThatThrownBy(() -> camels.setState("a=b", "c")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> camels.setState("line\nbreak", "c")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> camels.setState("k", "two\nlines")).isInstanceOf(IllegalArgumentException.class);
        } finally {
            camels.stop();
        }
    }

    @Test
    void theFileIsTheDocumentedJsonWithSortedKeys() throws IOException {
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository repository = started(file);
        repository.setState("zebra", "z");
        repository.setState("apple", "a");
        repository.setState("mango", "{\"page\":3}");
        repository.stop();

        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode root = new ObjectMapper().readTree(text);
        assertThat(root.get("format").textValue()).isEqualTo("camel-chatbots-cursors");
        assertThat(root.get("version").intValue()).isEqualTo(1);
        assertThat(root.get("cursors").get("mango").textValue()).isEqualTo("{\"page\":3}");
        assertThat(root.size()).isEqualTo(3);
        List<String> order = new ArrayList<>();
        root.get("cursors").fieldNames().forEachRemaining(order::add);
        assertThat(order).containsExactly("apple", "mango", "zebra");
        assertThat(text.indexOf("\"apple\"")).isLessThan(text.indexOf("\"mango\""))
                .isLessThan(text.indexOf("\"zebra\""));
        assertThat(text).endsWith("}\n");
    }

    @Test
    void keysIsASnapshot() {
        DurableFileStateRepository repository = started(dir.resolve("cursors.json"));
        repository.setState("p/1", "x");
        Set<String> keys = repository.keys();
        repository.setState("p/2", "y");
        assertThat(keys).containsExactly("p/1");
        assertThatThrownBy(() -> keys.add("p/3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStoreThatIsNotStartedRefusesRatherThanOverwriteTheFileWithoutItsCursors() {
        DurableFileStateRepository repository = new DurableFileStateRepository(dir.resolve("cursors.json"));
        assertThatThrownBy(() -> repository.setState("a", "1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
        assertThatThrownBy(() -> repository.getState("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> repository.setFlushInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("cursors.json")).doesNotExist();
    }

    @Test
    void parentDirectoriesAreCreated() {
        Path file = dir.resolve("a/b/c/cursors.json");
        started(file, Duration.ZERO).setState("k", "v");
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "v");
        assertThat(DurableFileStateRepository.readFile(dir.resolve("missing.json"))).isEmpty();
    }

    @Test
    void concurrentMovesAreAllKept() throws Exception {
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository repository = started(file, Duration.ofMillis(5));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i <= 300; i++) {
                        repository.setState("thread-" + thread, Integer.toString(i));
                        repository.setState("thread-" + thread + "/" + i, "x");
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        repository.flush();
        Map<String, String> read = DurableFileStateRepository.readFile(file);
        assertThat(read).hasSize(4 * 302);
        for (int t = 0; t < 4; t++) {
            assertThat(read).containsEntry("thread-" + t, "300");
        }
    }

    // ---- when it writes

    @Test
    void movesWithinTheFlushIntervalReachTheFileOnlyAtFlushOrStop() {
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository repository = started(file, Duration.ofHours(1));

        // the first move after a start is written at once: there is no write to be within the interval of
        repository.setState("k", "1");
        assertThat(repository.isDirty()).isFalse();
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "1");

        // what a crash now would leave: the old value, read without stopping the store or taking its lock
        repository.setState("k", "2");
        repository.setState("other", "x");
        assertThat(repository.isDirty()).isTrue();
        assertThat(repository.getState("k")).isEqualTo("2");
        assertThat(DurableFileStateRepository.readFile(file)).containsExactly(Map.entry("k", "1"));

        repository.flush();
        assertThat(repository.isDirty()).isFalse();
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "2").containsEntry("other", "x");

        repository.setState("k", "3");
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "2");
        repository.stop();
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "3");
    }

    @Test
    void aMoveWritesAtOnceWhenTheLastWriteIsOlderThanTheInterval() {
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository repository = started(file, Duration.ofHours(1));
        repository.setState("k", "1");
        repository.setState("k", "2");
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "1");
        // rather than wait an hour, make the last write older than the interval by shrinking the interval
        repository.setFlushInterval(Duration.ZERO);
        repository.setState("j", "1");
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "2").containsEntry("j", "1");
        repository.setState("k", "3");
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "3");
        assertThat(repository.isDirty()).isFalse();
    }

    @Test
    void anUnchangedValueDoesNotDirtyTheStore() {
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository repository = started(file, Duration.ofHours(1));
        repository.setState("k", "1");
        repository.setState("k", "1");
        repository.setState("absent", null);
        assertThat(repository.isDirty()).isFalse();
    }

    // ---- leftovers of crashed writes

    @Test
    void temporaryFilesOfThisFileLeftByACrashAreDeletedAtStartAndNoOthers() throws IOException {
        Path file = dir.resolve("cursors.json");
        Files.writeString(file, "{\"format\":\"camel-chatbots-cursors\",\"version\":1,\"cursors\":{\"k\":\"v\"}}");
        Path leftover = Files.writeString(dir.resolve("cursors.json.0123456789abcdef.tmp"), "{\"half");
        List<Path> others = List.of(
                Files.writeString(dir.resolve("cursors.json.tmp"), "mine"),
                Files.writeString(dir.resolve("cursors.json.0123456789ABCDEF.tmp"), "mine"),
                Files.writeString(dir.resolve("cursors.json.0123456789abcde.tmp"), "mine"),
                Files.writeString(dir.resolve("other.json.0123456789abcdef.tmp"), "another store's"),
                Files.writeString(dir.resolve("xcursors.json.0123456789abcdef.tmp"), "another store's"),
                Files.writeString(dir.resolve("cursors.json.0123456789abcdef.tmp.bak"), "mine"));

        assertThat(started(file).getState("k")).isEqualTo("v");
        assertThat(leftover).doesNotExist();
        assertThat(others).allSatisfy(other -> assertThat(other).exists());
    }

    // ---- files it cannot read

    static Stream<Arguments> damagedFiles() throws IOException {
        String valid = "{\n  \"format\" : \"camel-chatbots-cursors\",\n  \"version\" : 1,\n  \"cursors\" : {\n"
                       + "    \"conversation-key\" : \"{\\\"after\\\":\\\"2024-05-01T10:00:00Z\\\"}\",\n"
                       + "    \"z\" : \"1\"\n  }\n}\n";
        int inKey = valid.indexOf("\"conversation-key\"") + 8;
        int inValue = valid.indexOf("2024-05-01");
        byte[] invalidUtf8 = "{\"format\":\"camel-chatbots-cursors\",\"version\":1,\"cursors\":{\"k\":\"caf__\"}}"
                .getBytes(StandardCharsets.US_ASCII);
        int broken = indexOf(invalidUtf8, "__");
        // 0xC3 starts a two-byte character, '(' cannot continue it
        invalidUtf8[broken] = (byte) 0xC3;
        invalidUtf8[broken + 1] = '(';
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
        return Stream.of(
                Arguments.of("empty", new byte[0], "is empty (0 bytes)"),
                Arguments.of("white space only", bytes(" \n\t\n"), "is not JSON: it holds only white space"),
                Arguments.of("text garbage", bytes("this is not a cursor file\n"),
                        "is not JSON: Unrecognized token 'this'"),
                Arguments.of("binary garbage", png, "is not UTF-8 text: the byte 0x89 at offset 0"),
                Arguments.of("cut in a key", bytes(valid.substring(0, inKey)),
                        "is not JSON: Unexpected end-of-input in field name at line 5 column"),
                Arguments.of("cut in a value", bytes(valid.substring(0, inValue)),
                        "is not JSON: Unexpected end-of-input: was expecting closing quote for a string value at "
                        + "line 5 column"),
                Arguments.of("cut before the last brace", bytes(valid.substring(0, valid.lastIndexOf('}'))),
                        "is not JSON: Unexpected end-of-input"),
                Arguments.of("a second document after the first", bytes(valid + "{}"),
                        "is not JSON: there is more after the end of its first JSON value"),
                Arguments.of("a duplicate key", bytes(
                        "{\"format\":\"camel-chatbots-cursors\",\"version\":1,\"cursors\":{\"k\":\"1\",\"k\":\"2\"}}"),
                        "is not JSON: Duplicate field 'k'"),
                Arguments.of("Camel FileStateRepository lines", camelFileStateRepositoryFile(),
                        "looks like the key=value lines of Camel's FileStateRepository"),
                Arguments.of("invalid UTF-8", invalidUtf8, "is not UTF-8 text: the byte 0xC3 at offset " + broken),
                Arguments.of("an array", bytes("[\"camel-chatbots-cursors\"]"),
                        "is JSON but not a camel-chatbots cursor file: it is an array, not an object"),
                Arguments.of("another program's JSON", bytes("{\"offsets\":{\"k\":1}}"),
                        "is JSON but not a camel-chatbots cursor file: it has no \"format\" field"),
                Arguments.of("another format", bytes("{\"format\":\"kafka-offsets\",\"version\":1,\"cursors\":{}}"),
                        "its \"format\" is \"kafka-offsets\", not \"camel-chatbots-cursors\""),
                Arguments.of("a newer version", bytes("{\"format\":\"camel-chatbots-cursors\",\"version\":2,"
                                                      + "\"cursors\":{}}"),
                        "has format version 2, newer than the version 1"),
                Arguments.of("a version in quotes", bytes("{\"format\":\"camel-chatbots-cursors\",\"version\":\"1\","
                                                          + "\"cursors\":{}}"),
                        "it has no whole-number \"version\""),
                Arguments.of("version 0", bytes("{\"format\":\"camel-chatbots-cursors\",\"version\":0,"
                                                + "\"cursors\":{}}"),
                        "its \"version\" is 0, which no camel-chatbots writes"),
                Arguments.of("no cursors", bytes("{\"format\":\"camel-chatbots-cursors\",\"version\":1}"),
                        "it has no \"cursors\" field"),
                Arguments.of("cursors a list", bytes("{\"format\":\"camel-chatbots-cursors\",\"version\":1,"
                                                     + "\"cursors\":[]}"),
                        "its \"cursors\" is an array, not an object"),
                Arguments.of("a number value", bytes("{\"format\":\"camel-chatbots-cursors\",\"version\":1,"
                                                     + "\"cursors\":{\"a\":\"1\",\"x\":2}}"),
                        "holds a non-text value under key \"x\" (a number)"),
                Arguments.of("a null value", bytes("{\"format\":\"camel-chatbots-cursors\",\"version\":1,"
                                                   + "\"cursors\":{\"x\":null}}"),
                        "holds a non-text value under key \"x\" (null)"),
                Arguments.of("an object value", bytes("{\"format\":\"camel-chatbots-cursors\",\"version\":1,"
                                                      + "\"cursors\":{\"x\":{\"after\":1}}}"),
                        "holds a non-text value under key \"x\" (an object)"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, String ascii) {
        return new String(bytes, StandardCharsets.US_ASCII).indexOf(ascii);
    }

    /** Written by Camel's own store, so that the case is the real thing a user migrating would have. */
    private static byte[] camelFileStateRepositoryFile() throws IOException {
        Path directory = Files.createTempDirectory("camel-file-state");
        try {
            Path file = directory.resolve("cursors");
            FileStateRepository camels = FileStateRepository.fileStateRepository(file.toFile());
            camels.start();
            camels.setState("chatbotcom-archives", "{\"before\":\"2024-05-01T10:00:00Z\"}");
            camels.setState("ebbot-conversations", "2024-05-01T10:00:00Z");
            camels.stop();
            byte[] bytes = Files.readAllBytes(file);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("chatbotcom-archives={\"before\"");
            return bytes;
        } finally {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path path : (Iterable<Path>) files::iterator) {
                    Files.delete(path);
                }
            }
            Files.delete(directory);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void aFileItCannotReadFailsTheStartNamingFileAndDamageAndIsLeftByteForByte(String name, byte[] content,
                                                                                String problem) throws IOException {
        Path file = dir.resolve("cursors.json");
        Files.write(file, content);
        Files.setLastModifiedTime(file, LONG_AGO);
        DurableFileStateRepository repository = new DurableFileStateRepository(file);

        CursorFileUnreadableException failure =
                catchThrowableOfType(CursorFileUnreadableException.class, repository::start);

        assertThat(failure).as("start fails").isNotNull();
        assertThat(failure.getFile()).isEqualTo(file.toAbsolutePath());
        assertThat(failure.getProblem()).contains(problem);
        assertThat(failure.getMessage())
                .startsWith("The cursor file " + file.toAbsolutePath() + " " + failure.getProblem())
                .contains("restore it from a backup, or set unreadableCursor=beginning or now to start over")
                .endsWith("the file is left as it is");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
        assertThat(namesIn(dir)).containsExactly("cursors.json", "cursors.json.lock");

        // the failed start released the file: trying again fails the same way, not with "in use"
        assertThatThrownBy(repository::start).isInstanceOf(CursorFileUnreadableException.class)
                .hasMessage(failure.getMessage());
        assertThatThrownBy(() -> DurableFileStateRepository.readFile(file))
                .isInstanceOf(CursorFileUnreadableException.class).hasMessage(failure.getMessage());
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
    }

    @Test
    void aByteOrderMarkIsTolerated() throws IOException {
        Path file = dir.resolve("cursors.json");
        Files.writeString(file,
                "\uFEFF{\"format\":\"camel-chatbots-cursors\",\"version\":1,\"cursors\":{\"k\":\"v\"}}");
        assertThat(started(file).getState("k")).isEqualTo("v");
    }

    @Test
    void anUnreadableFileMovedAsideLeavesRoomForAFreshStart() throws IOException {
        Path file = dir.resolve("cursors.json");
        Files.writeString(file, "k=v\n");
        assertThatThrownBy(() -> started(file)).isInstanceOf(CursorFileUnreadableException.class);

        Path aside = DurableFileStateRepository.moveAside(file);

        assertThat(aside.getParent()).isEqualTo(file.toAbsolutePath().getParent().toRealPath());
        assertThat(aside.getFileName().toString()).matches("cursors\\.json\\.unreadable-\\d{8}T\\d{6}Z");
        assertThat(aside).hasContent("k=v");
        assertThat(file).doesNotExist();
        DurableFileStateRepository fresh = started(file, Duration.ZERO);
        assertThat(fresh.keys()).isEmpty();
        fresh.setState("k", "new");
        assertThat(aside).hasContent("k=v");
    }

    @Test
    void filesMovedAsideInTheSameSecondAreNumbered() throws IOException {
        Path file = dir.resolve("cursors.json");
        Pattern asideName = Pattern.compile("cursors\\.json\\.unreadable-(\\d{8}T\\d{6}Z)(?:-(\\d+))?");
        Map<String, List<Integer>> numbersByStamp = new TreeMap<>();
        // until two fall in one second, which the clock decides, not a margin: each iteration takes microseconds
        while (numbersByStamp.values().stream().noneMatch(numbers -> numbers.size() >= 3)) {
            String content = "bad " + numbersByStamp.values().stream().mapToInt(List::size).sum();
            Files.writeString(file, content);
            Path aside = DurableFileStateRepository.moveAside(file);
            assertThat(aside).hasContent(content);
            Matcher matcher = asideName.matcher(aside.getFileName().toString());
            assertThat(matcher.matches()).as(aside.toString()).isTrue();
            numbersByStamp.computeIfAbsent(matcher.group(1), stamp -> new ArrayList<>())
                    .add(matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2)));
        }
        numbersByStamp.values().forEach(numbers ->
                assertThat(numbers).isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed()
                        .collect(Collectors.toList())));
    }

    @Test
    void aFileInUseIsNotMovedAside() throws IOException {
        Path file = dir.resolve("cursors.json");
        started(file, Duration.ZERO).setState("k", "v");
        assertThatThrownBy(() -> DurableFileStateRepository.moveAside(file))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is in use by");
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "v");
    }

    @Test
    void aFileThatCannotBeOpenedIsAnIoErrorNotAnUnreadableCursorFile() throws IOException {
        // a directory at the file's name: the file may be fine elsewhere, so no start-over choice may apply
        Path file = Files.createDirectory(dir.resolve("cursors.json"));
        DurableFileStateRepository repository = new DurableFileStateRepository(file);
        assertThatThrownBy(repository::start).isInstanceOf(UncheckedIOException.class)
                .isNotInstanceOf(CursorFileUnreadableException.class)
                .hasMessageContaining("Could not read the cursor file " + file.toAbsolutePath());
        // and the failed start released the lock
        Files.delete(file);
        assertThat(started(file).keys()).isEmpty();
    }

    // ---- one store per file

    @Test
    void aSecondStoreOnTheFileInThisJvmFailsToStartUntilTheFirstStops() throws IOException {
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository first = started(file, Duration.ZERO);
        first.setState("k", "first");
        DurableFileStateRepository second = new DurableFileStateRepository(file);
        Files.createDirectory(dir.resolve("sub"));
        DurableFileStateRepository sameFileOtherSpelling =
                new DurableFileStateRepository(dir.resolve("sub/../cursors.json"));

        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The cursor file " + file.toAbsolutePath() + " is in use by another cursor "
                                        + "repository in this JVM");
        assertThatThrownBy(sameFileOtherSpelling::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by");

        first.stop();
        second.start();
        started.add(second);
        assertThat(second.getState("k")).isEqualTo("first");
    }

    @Test
    void aDirectoryReachedThroughALinkIsTheSameFile() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link"), real);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("cannot create symbolic links here: " + e);
            return;
        }
        started(real.resolve("cursors.json"));
        assertThatThrownBy(() -> started(link.resolve("cursors.json"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by");
    }

    @Test
    void theLockFileIsLeftInPlaceAtStop() {
        Path file = dir.resolve("cursors.json");
        started(file).stop();
        assertThat(dir.resolve("cursors.json.lock")).exists();
    }

    // ---- failed writes

    /**
     * Makes {@code directory} refuse new entries, or aborts the test where nothing can: root ignores permissions,
     * but not the immutable attribute, which root (with CAP_LINUX_IMMUTABLE) can set.
     *
     * @return what gives the directory back
     */
    private static AutoCloseable makeUnwritable(Path directory) throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(directory).supportsFileAttributeView("posix"),
                "POSIX permissions are not supported here");
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        AutoCloseable restorePermissions = () -> Files.setPosixFilePermissions(directory, before);
        if (refusesNewFiles(directory)) {
            return restorePermissions;
        }
        restorePermissions.close();
        // running as root: try the immutable attribute
        boolean immutable;
        try {
            immutable = new ProcessBuilder("chattr", "+i", directory.toString()).redirectErrorStream(true)
                                .start().waitFor() == 0;
        } catch (IOException noChattr) {
            immutable = false;
        }
        AutoCloseable restoreMutable = () -> new ProcessBuilder("chattr", "-i", directory.toString()).start().waitFor();
        if (immutable && refusesNewFiles(directory)) {
            return restoreMutable;
        }
        if (immutable) {
            restoreMutable.close();
        }
        Assumptions.abort("running with privileges that ignore permissions, and without chattr +i");
        return null;
    }

    private static boolean refusesNewFiles(Path directory) throws IOException {
        Path probe = directory.resolve("probe");
        try {
            Files.createFile(probe);
        } catch (IOException refused) {
            return true;
        }
        Files.delete(probe);
        return false;
    }

    @Test
    @SuppressWarnings("try") // the resource is the restoring of the directory, not something used inside
    void aFailedWriteNamesTheFileKeepsItsLastCompleteWriteAndIsRetried() throws Exception {
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository repository = started(file, Duration.ZERO);
        repository.setState("k", "old");
        byte[] before = Files.readAllBytes(file);

        UncheckedIOException failure;
        try (AutoCloseable restore = makeUnwritable(dir)) {
            failure = catchThrowableOfType(UncheckedIOException.class, () -> repository.setState("k", "new"));
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).startsWith("Could not write the cursor file " + file.toAbsolutePath())
                    .contains("still holds its last complete write");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(repository.isDirty()).isTrue();
            assertThat(repository.getState("k")).isEqualTo("new");
            assertThatThrownBy(repository::flush).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(file.toAbsolutePath().toString());
        }
        assertThat(namesIn(dir)).containsExactly("cursors.json", "cursors.json.lock");

        repository.flush();
        assertThat(repository.isDirty()).isFalse();
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "new");
    }

    @Test
    void aRenameThatFailsLeavesNoTemporaryFile() throws IOException {
        // a non-empty directory where the file goes: writing the temporary file works, renaming it over fails,
        // whatever the privileges
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository repository = started(file, Duration.ZERO);
        Files.createDirectory(file);
        Files.writeString(file.resolve("in the way"), "x");

        assertThatThrownBy(() -> repository.setState("k", "v")).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Could not write the cursor file " + file.toAbsolutePath());
        assertThat(namesIn(dir)).containsExactly("cursors.json", "cursors.json.lock");
        assertThat(repository.isDirty()).isTrue();

        Files.delete(file.resolve("in the way"));
        Files.delete(file);
        repository.flush();
        assertThat(DurableFileStateRepository.readFile(file)).containsEntry("k", "v");
    }
}
