package io.github.camelchatbots.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link JdbcStateRepository} must do on every database it claims, each subclass giving one database and two
 * independent data sources on it, as two nodes have.
 */
abstract class JdbcStateRepositoryContract {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A data source of its own (a node's pool) on the database every call of this test shares. */
    protected abstract DataSource newNodeDataSource();

    protected DataSource node() {
        DataSource dataSource = newNodeDataSource();
        if (dataSource instanceof AutoCloseable closeable) {
            opened.add(closeable);
        }
        return dataSource;
    }

    @AfterEach
    void closeNodes() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private JdbcStateRepository started(DataSource dataSource, String table) {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource, table);
        ServiceHelper.startService(repository);
        return repository;
    }

    @Test
    void roundTrip() {
        JdbcStateRepository repository = started(node(), TestPostgres.uniqueName("state"));

        assertThat(repository.getState("ebbot:transcript")).isNull();
        repository.setState("ebbot:transcript", "{\"endedAt\":\"2026-01-01T10:00:00Z\",\"ids\":[\"a\"]}");
        assertThat(repository.getState("ebbot:transcript"))
                .isEqualTo("{\"endedAt\":\"2026-01-01T10:00:00Z\",\"ids\":[\"a\"]}");

        repository.setState("ebbot:transcript", "{\"endedAt\":\"2026-01-01T11:00:00Z\",\"ids\":[]}");
        assertThat(repository.getState("ebbot:transcript")).isEqualTo("{\"endedAt\":\"2026-01-01T11:00:00Z\",\"ids\":[]}");

        repository.removeState("ebbot:transcript");
        assertThat(repository.getState("ebbot:transcript")).isNull();
        repository.removeState("ebbot:transcript");

        repository.setState("chataibot:memory", "[]");
        repository.setState("chataibot:memory", null);
        assertThat(repository.getState("chataibot:memory")).isNull();
        ServiceHelper.stopService(repository);
    }

    @Test
    void createsItsTableWithTheDocumentedColumns() throws SQLException {
        DataSource dataSource = node();
        String table = TestPostgres.uniqueName("created");
        JdbcStateRepository repository = started(dataSource, table);
        repository.setState("k", "v");

        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT \"key\", \"value\", \"updated_at\" FROM " + table)) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("k");
            assertThat(row.getString(2)).isEqualTo("v");
            assertThat(row.getTimestamp(3)).isNotNull();
            assertThat(row.next()).isFalse();
        }

        // a second repository, or a restart, finds the table and its rows
        assertThat(started(node(), table).getState("k")).isEqualTo("v");
        assertThat(new JdbcStateRepository(dataSource).getTableName()).isEqualTo("camel_chatbots_state");
    }

    @Test
    void updatedAtMovesWithEveryWrite() throws SQLException {
        DataSource dataSource = node();
        String table = TestPostgres.uniqueName("stamped");
        JdbcStateRepository repository = started(dataSource, table);
        repository.setState("k", "1");
        Timestamp first = updatedAt(dataSource, table, "k");
        repository.setState("k", "2");
        assertThat(updatedAt(dataSource, table, "k")).isAfterOrEqualTo(first);
    }

    private static Timestamp updatedAt(DataSource dataSource, String table, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var select = connection.prepareStatement("SELECT \"updated_at\" FROM " + table + " WHERE \"key\" = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getTimestamp(1);
            }
        }
    }

    @Test
    void usableWithoutBeingStarted() {
        JdbcStateRepository repository = new JdbcStateRepository(node(), TestPostgres.uniqueName("lazy"));
        repository.setState("k", "v");
        assertThat(repository.getState("k")).isEqualTo("v");
    }

    @Test
    void keysAndValuesWithOddCharacters() {
        JdbcStateRepository writer = started(node(), TestPostgres.uniqueName("odd"));
        JdbcStateRepository reader = started(node(), writer.getTableName());
        Map<String, String> states = Map.of(
                "ebbot:transcript@https://v2.ebbot.app:443#a1b2c3", "{\"cursor\":1}",
                "chatbotcom:users/https://api.chatbot.com:443/#token", "{\"cursor\":2}",
                "it's \"quoted\"; DROP TABLE x; --", "{\"text\":\"it's \\\"quoted\\\"\"}",
                "100%_like\\backslash", "line one\nline two\ttab",
                "konversation:räksmörgås:用户:🙂", "{\"name\":\"Zoë 🙂\"}",
                " leading and trailing ", "",
                "x".repeat(JdbcStateRepository.MAX_KEY_LENGTH), "{\"ids\":[" + "\"id\",".repeat(5000) + "\"id\"]}");
        states.forEach(writer::setState);
        states.forEach((key, value) -> assertThat(reader.getState(key)).as(key).isEqualTo(value));
        // LIKE wildcards and trailing blanks must not make one key match another
        assertThat(reader.getState("100%_like\\backslas")).isNull();
        assertThat(reader.getState("100X_like\\backslash")).isNull();
        assertThat(reader.getState(" leading and trailing")).isNull();
    }

    @Test
    void refusesKeysItCannotStore() {
        JdbcStateRepository repository = started(node(), TestPostgres.uniqueName("refused"));
        assertThatThrownBy(() -> repository.setState("x".repeat(JdbcStateRepository.MAX_KEY_LENGTH + 1), "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1024");
        assertThatThrownBy(() -> repository.getState("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.getState(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTableNamesThatAreNotPlainIdentifiers() {
        DataSource dataSource = node();
        for (String name : List.of("state; DROP TABLE bucket", "my-state", "\"state\"", "", "1state", "a.b.c")) {
            assertThatThrownBy(() -> new JdbcStateRepository(dataSource, name))
                    .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tableName");
        }
        assertThat(new JdbcStateRepository(dataSource, "Chat_State_2").getTableName()).isEqualTo("Chat_State_2");
    }

    @Test
    void withoutCreateTableAMissingTableFailsAtStart() {
        JdbcStateRepository repository = new JdbcStateRepository(node(), TestPostgres.uniqueName("missing"));
        repository.setCreateTable(false);
        assertThatThrownBy(() -> ServiceHelper.startService(repository))
                .isInstanceOf(RuntimeCamelException.class).hasMessageContaining("does not exist");
    }

    @Test
    void optionsAreFixedOnceInUse() {
        JdbcStateRepository repository = started(node(), TestPostgres.uniqueName("fixed"));
        assertThatThrownBy(() -> repository.setTableName("other")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JdbcStateRepository().getState("k"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dataSource");
    }

    @Test
    void nodesStartingTogetherOnAFreshTableAllSucceed() throws Exception {
        String table = TestPostgres.uniqueName("raced");
        int nodes = 6;
        List<DataSource> dataSources = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            dataSources.add(node());
        }
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<JdbcStateRepository>> started = new ArrayList<>();
            for (DataSource dataSource : dataSources) {
                started.add(threads.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return started(dataSource, table);
                }));
            }
            for (int i = 0; i < nodes; i++) {
                started.get(i).get(60, TimeUnit.SECONDS).setState("node-" + i, "up");
            }
        } finally {
            threads.shutdownNow();
        }
        JdbcStateRepository reader = started(node(), table);
        for (int i = 0; i < nodes; i++) {
            assertThat(reader.getState("node-" + i)).isEqualTo("up");
        }
    }

    /**
     * Two nodes, many threads each: writes of the same key race (fresh keys included, where an insert meets an
     * insert), none fails, and every key ends holding a value that was written; a key only one thread writes holds its
     * last value, and the other node reads it at once.
     */
    @Test
    void concurrentWritersOnTwoNodes() throws Exception {
        String table = TestPostgres.uniqueName("contended");
        JdbcStateRepository nodeA = started(node(), table);
        JdbcStateRepository nodeB = started(node(), table);
        int threadsPerNode = 4;
        int rounds = 150;
        int sharedKeys = 5;
        Map<String, List<String>> written = new ConcurrentHashMap<>();
        CyclicBarrier together = new CyclicBarrier(2 * threadsPerNode);
        ExecutorService threads = Executors.newFixedThreadPool(2 * threadsPerNode);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 2 * threadsPerNode; t++) {
                JdbcStateRepository mine = t % 2 == 0 ? nodeA : nodeB;
                JdbcStateRepository theirs = t % 2 == 0 ? nodeB : nodeA;
                String writer = "w" + t;
                writers.add(threads.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    for (int round = 0; round < rounds; round++) {
                        String value = "{\"writer\":\"" + writer + "\",\"round\":" + round + "}";
                        String shared = "shared:" + round % sharedKeys + "#" + round / 50;
                        written.computeIfAbsent(shared, k -> new ArrayList<>());
                        synchronized (written.get(shared)) {
                            written.get(shared).add(value);
                        }
                        mine.setState(shared, value);
                        mine.setState("own:" + writer, value);
                        assertThat(theirs.getState("own:" + writer)).isEqualTo(value);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        for (int t = 0; t < 2 * threadsPerNode; t++) {
            assertThat(nodeA.getState("own:w" + t))
                    .isEqualTo("{\"writer\":\"w" + t + "\",\"round\":" + (rounds - 1) + "}");
        }
        assertThat(written).hasSize(sharedKeys * 3);
        written.forEach((key, values) -> {
            assertThat(values).hasSize(2 * threadsPerNode * 10);
            assertThat(nodeB.getState(key)).as(key).isIn(values);
        });
    }
}
