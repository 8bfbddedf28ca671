package io.github.camelchatbots.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two JVMs, as two nodes of a cluster are, share one account's limit and one state table on a real PostgreSQL: the
 * grants of both together never exceed the permits in any window, and each reads what the other wrote.
 */
class TwoJvmClusterTest {

    private static final int PERMITS = 4;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofMillis(250);
    private static final int GRANTS_PER_NODE = 6;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        processes.forEach(Process::destroyForcibly);
    }

    private static final class Node {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Node(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null;) {
                        lines.add(line);
                    }
                } catch (Exception e) {
                    lines.add("failed: " + e);
                }
                lines.add("exited");
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line of the node's protocol, skipping anything else it prints; null when it ended first. */
        private String await(String prefix) throws InterruptedException {
            for (String line; (line = lines.poll(60, TimeUnit.SECONDS)) != null;) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                if (line.equals("exited")) {
                    return null;
                }
            }
            return null;
        }
    }

    private Node start(String name, String key, String table, Path logs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, "-XX:TieredStopAtLevel=1",
                ClusterNodeMain.class.getName(), TestPostgres.jdbcUrl(), name, key, String.valueOf(PERMITS),
                String.valueOf(WINDOW.toMillis()), String.valueOf(MARGIN.toMillis()), String.valueOf(GRANTS_PER_NODE),
                table);
        builder.redirectError(logs.resolve(name + ".err").toFile());
        Process process = builder.start();
        processes.add(process);
        return new Node(process);
    }

    @Test
    void twoJvmsShareTheLimitAndTheState() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "two-jvm-nodes"));
        String key = TestPostgres.uniqueName("two_jvms");
        String table = TestPostgres.uniqueName("two_jvm_state");
        List<Node> nodes = List.of(start("a", key, table, logs), start("b", key, table, logs));

        for (Node node : nodes) {
            assertThat(node.await("ready")).as("node ready; see " + logs.toAbsolutePath() + File.separator).isNotNull();
        }
        // both start taking only once both are up, so that their requests overlap
        for (Node node : nodes) {
            Writer in = new OutputStreamWriter(node.process.getOutputStream(), StandardCharsets.UTF_8);
            in.write("go\n");
            in.flush();
        }

        Grants grants = new Grants();
        for (int n = 0; n < nodes.size(); n++) {
            for (int i = 0; i < GRANTS_PER_NODE; i++) {
                String[] grant = nodes.get(n).await("grant ").split(" ");
                grants.add(TimeUnit.MILLISECONDS.toNanos(Long.parseLong(grant[1])),
                        TimeUnit.MILLISECONDS.toNanos(Long.parseLong(grant[2])), "node-" + n);
            }
            assertThat(nodes.get(n).await("done")).isNotNull();
            assertThat(nodes.get(n).process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(nodes.get(n).process.exitValue()).isZero();
        }

        assertThat(grants.size()).isEqualTo(2 * GRANTS_PER_NODE);
        assertThat(grants.mostInAnyWindow(WINDOW.plus(MARGIN))).isLessThanOrEqualTo(PERMITS);

        try (var pool = TestPostgres.newPool("reader")) {
            JdbcStateRepository state = new JdbcStateRepository(pool, table);
            assertThat(state.getState("node:a")).isEqualTo("{\"grants\":" + GRANTS_PER_NODE + "}");
            assertThat(state.getState("node:b")).isEqualTo("{\"grants\":" + GRANTS_PER_NODE + "}");
        }
    }
}
