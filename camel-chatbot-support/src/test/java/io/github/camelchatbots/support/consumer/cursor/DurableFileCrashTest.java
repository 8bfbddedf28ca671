package io.github.camelchatbots.support.consumer.cursor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store across JVMs: a second process cannot use a file in use, and a writer killed with SIGKILL at random
 * moments leaves, every time, a file that reads whole and never goes back.
 * <p>
 * The children report on stdout and the test waits for their lines, never for time to pass. The timeouts only
 * keep a hung child from hanging the build; nothing depends on them.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DurableFileCrashTest {

    private static final int KILLS = 24;
    private static final List<String> KEYS = List.of("conversations", "messages/ключ=1", "line\nbreak");

    @TempDir
    Path dir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private ChildJvm child(String... args) throws IOException {
        ChildJvm child = ChildJvm.start(dir, args);
        toClose.add(child);
        return child;
    }

    private DurableFileStateRepository repository(Path file) {
        DurableFileStateRepository repository = new DurableFileStateRepository(file);
        toClose.add(repository::stop);
        return repository;
    }

    private List<Path> temporaryFiles(Path file) throws IOException {
        Pattern pattern = Pattern.compile(Pattern.quote(file.getFileName().toString()) + "\\.[0-9a-f]{16}\\.tmp");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> pattern.matcher(path.getFileName().toString()).matches())
                    .collect(Collectors.toList());
        }
    }

    @Test
    void aFileHeldByAnotherJvmCannotBeStartedUntilThatJvmLetsGo() throws Exception {
        Path file = dir.resolve("cursors.json");
        ChildJvm holder = child("hold", file.toString());
        holder.awaitLine("STARTED"::equals);

        DurableFileStateRepository mine = repository(file);
        assertThatThrownBy(mine::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("The cursor file " + file.toAbsolutePath() + " is in use by another process; each "
                            + "consumer's cursor file may be used by one JVM at a time (share one across nodes with "
                            + "a cursorRepository bean instead)");

        holder.closeStdin();
        holder.awaitLine("STOPPED"::equals);
        assertThat(holder.waitFor()).isZero();
        mine.start();
        mine.setState("k", "v");
    }

    /**
     * On Linux, closing any channel on a locked file drops the JVM's lock for every channel: a refused second store
     * in this JVM must not have opened the lock file at all, or a third process could now take the file.
     */
    @Test
    void aStoreRefusedInThisJvmLeavesTheFirstOnesLockInForce() throws Exception {
        Path file = dir.resolve("cursors.json");
        DurableFileStateRepository first = repository(file);
        first.start();
        assertThatThrownBy(repository(file)::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by another cursor repository in this JVM");

        ChildJvm other = child("hold", file.toString());
        String answer = other.awaitLine(line -> line.startsWith("STARTED") || line.startsWith("FAILED"));
        assertThat(answer).isEqualTo("FAILED The cursor file " + file.toAbsolutePath() + " is in use by another "
                                     + "process; each consumer's cursor file may be used by one JVM at a time "
                                     + "(share one across nodes with a cursorRepository bean instead)");
        assertThat(other.waitFor()).isEqualTo(3);

        first.stop();
        ChildJvm next = child("hold", file.toString());
        next.awaitLine("STARTED"::equals);
    }

    /**
     * A child writes an increasing counter under a few keys as fast as it can, with every change written, and is
     * killed after a seeded random number of rounds plus a seeded random instant within the write cycle. After every
     * kill the file must read, every value must be one whole counter, the keys must hold one snapshot (all the same
     * counter, or the earlier keys one ahead), no key may be behind what the child had reported written (each
     * setState with flushInterval zero is on disk when it returns) or behind the previous round, and the next child
     * must find exactly that and clean up any temporary file the kill left.
     */
    @Test
    void killedAtRandomMomentsTheFileAlwaysReadsWholeAndNeverGoesBack() throws Exception {
        long seed = Long.getLong("crash.seed", 20_240_611L);
        Random random = new Random(seed);
        Path file = dir.resolve("cursors.json");
        List<String> args = new ArrayList<>(List.of("count", file.toString()));
        args.addAll(KEYS);

        Map<String, Long> previous = new HashMap<>();
        KEYS.forEach(key -> previous.put(key, 0L));
        List<Path> leftBehind = List.of();
        int killsLeavingTemporaryFiles = 0;
        long started = System.nanoTime();
        for (int kill = 1; kill <= KILLS; kill++) {
            String round = "kill " + kill + " of seed " + seed;
            ChildJvm writer = child(args.toArray(new String[0]));
            long resumedAt = Long.parseLong(writer.awaitLine(line -> line.startsWith("STARTED ")).substring(8));
            assertThat(resumedAt).as(round + ": resumes where the file was")
                    .isEqualTo(previous.values().stream().mapToLong(Long::longValue).max().orElseThrow());
            assertThat(leftBehind).as(round + ": temporary files left by the previous kill are gone at start")
                    .allSatisfy(leftover -> assertThat(leftover).doesNotExist());

            long rounds = 1 + random.nextInt(30);
            long reported = resumedAt;
            while (reported < resumedAt + rounds) {
                reported = Long.parseLong(writer.awaitLine(line -> line.startsWith("WROTE ")).substring(6));
            }
            // where in the write cycle the kill lands; nothing waits on this
            Thread.sleep(random.nextInt(8));
            writer.kill();

            SortedMap<String, String> read = DurableFileStateRepository.readFile(file);
            assertThat(read.keySet()).as(round).containsExactlyInAnyOrderElementsOf(KEYS);
            Map<String, Long> counters = new HashMap<>();
            read.forEach((key, value) -> counters.put(key, DurableFileChild.counter(value)));
            for (String key : KEYS) {
                assertThat(counters.get(key)).as(round + ", key " + key + ": not behind what was reported written")
                        .isGreaterThanOrEqualTo(reported)
                        .as(round + ", key " + key + ": not behind the previous round")
                        .isGreaterThanOrEqualTo(previous.get(key));
            }
            for (int i = 1; i < KEYS.size(); i++) {
                long earlier = counters.get(KEYS.get(i - 1));
                long later = counters.get(KEYS.get(i));
                assertThat(earlier - later).as(round + ": one snapshot, keys written in order").isBetween(0L, 1L);
            }
            previous.putAll(counters);
            leftBehind = temporaryFiles(file);
            if (!leftBehind.isEmpty()) {
                killsLeavingTemporaryFiles++;
            }
        }

        DurableFileStateRepository mine = repository(file);
        mine.start();
        assertThat(temporaryFiles(file)).isEmpty();
        KEYS.forEach(key -> assertThat(DurableFileChild.counter(mine.getState(key))).isEqualTo(previous.get(key)));
        System.out.printf("%d kills (seed %d) in %d ms; %d left a temporary file; final counter %d%n", KILLS, seed,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), killsLeavingTemporaryFiles,
                previous.get(KEYS.get(0)));
    }
}
