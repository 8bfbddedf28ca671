package io.github.camelchatbots.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The limiter in real time: nodes with their own pools and threads on one PostgreSQL. Timing is only ever asserted
 * as a lower bound or within the window, so a slow machine makes these tests slower, never red.
 */
class Bucket4jRateLimiterTest {

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private HikariDataSource pool() {
        HikariDataSource pool = TestPostgres.newPool("limiter-node");
        pools.add(pool);
        return pool;
    }

    private Bucket4jRateLimiter node(String key, int permits, Duration window, Duration margin) {
        Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(pool(), key, permits, window);
        limiter.setWindowMargin(margin);
        ServiceHelper.startService(limiter);
        return limiter;
    }

    /** Bucket4j decides by the wall clock in milliseconds: grants are timed on the same clock. */
    private static long now() {
        return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    }

    @Test
    void threeNodesTogetherStayWithinTheLimit() throws Exception {
        String key = TestPostgres.uniqueName("three");
        int permits = 4;
        Duration window = Duration.ofSeconds(1);
        List<Bucket4jRateLimiter> nodes = List.of(node(key, permits, window, Duration.ofMillis(250)),
                node(key, permits, window, Duration.ofMillis(250)), node(key, permits, window, Duration.ofMillis(250)));
        int threadsPerNode = 2;
        int grantsPerThread = 2;
        Grants grants = new Grants();
        CyclicBarrier together = new CyclicBarrier(nodes.size() * threadsPerNode);
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size() * threadsPerNode);
        try {
            List<Future<?>> takers = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                Bucket4jRateLimiter node = nodes.get(n);
                String name = "node-" + n;
                for (int t = 0; t < threadsPerNode; t++) {
                    takers.add(threads.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        for (int i = 0; i < grantsPerThread; i++) {
                            long before = now();
                            node.acquire().close();
                            grants.add(before, now(), name);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> taker : takers) {
                taker.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(grants.size()).isEqualTo(nodes.size() * threadsPerNode * grantsPerThread);
        assertThat(grants.mostInAnyWindow(nodes.get(0).getCountedWindow())).isLessThanOrEqualTo(permits);
        assertThat(grants.mostInAnyWindow(window)).isLessThanOrEqualTo(permits);
    }

    @Test
    void aPauseOnOneNodeHoldsBackTheOthers() throws Exception {
        String key = TestPostgres.uniqueName("retry_after");
        Duration window = Duration.ofSeconds(1);
        Bucket4jRateLimiter answered429 = node(key, 10, window, Duration.ofMillis(100));
        Bucket4jRateLimiter other = node(key, 10, window, Duration.ofMillis(100));
        Bucket4jRateLimiter third = node(key, 10, window, Duration.ofMillis(100));
        assertThat(other.hasBudget()).isTrue();

        Duration retryAfter = Duration.ofSeconds(2);
        long pausedAt = now();
        answered429.pauseFor(retryAfter);
        boolean budgetDuringPause = other.hasBudget();
        if (now() - pausedAt < retryAfter.toNanos()) {
            assertThat(budgetDuringPause).isFalse();
        }

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Long> otherGranted = threads.submit(() -> {
                other.acquire().close();
                return now();
            });
            Future<Long> thirdGranted = threads.submit(() -> {
                third.acquire().close();
                return now();
            });
            assertThat(otherGranted.get(1, TimeUnit.MINUTES) - pausedAt).isGreaterThanOrEqualTo(retryAfter.toNanos());
            assertThat(thirdGranted.get(1, TimeUnit.MINUTES) - pausedAt).isGreaterThanOrEqualTo(retryAfter.toNanos());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aWaitingAcquireEndsWhenInterrupted() throws Exception {
        String key = TestPostgres.uniqueName("interrupted");
        Bucket4jRateLimiter pausing = node(key, 3, Duration.ofSeconds(1), Duration.ZERO);
        Bucket4jRateLimiter waiting = node(key, 3, Duration.ofSeconds(1), Duration.ZERO);
        pausing.pauseFor(Duration.ofMinutes(10));

        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread taker = new Thread(() -> {
            try {
                waiting.acquire();
                ended.set(new AssertionError("granted during a ten-minute pause"));
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        taker.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> taker.getState() == Thread.State.TIMED_WAITING);
        taker.interrupt();
        taker.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void createsItsTableWhenMissing() throws SQLException {
        HikariDataSource pool = pool();
        String table = TestPostgres.uniqueName("buckets");
        Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(pool, "ebbot:acme", 20, Duration.ofMinutes(1));
        limiter.setTableName(table);
        ServiceHelper.startService(limiter);
        assertThat(limiter.hasBudget()).isTrue();

        try (Connection connection = pool.getConnection();
             ResultSet columns = connection.getMetaData().getColumns(null, null, table, null)) {
            List<String> found = new ArrayList<>();
            while (columns.next()) {
                found.add(columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME"));
            }
            assertThat(found).containsExactly("id varchar", "state bytea");
        }

        // another node, and the buckets of other accounts, share the table
        Bucket4jRateLimiter otherAccount = new Bucket4jRateLimiter(pool(), "chatbotcom:acme", 5, Duration.ofSeconds(1));
        otherAccount.setTableName(table);
        assertThat(otherAccount.hasBudget()).isTrue();
    }

    @Test
    void withoutCreateTableAMissingTableFailsAtStart() {
        Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(pool(), "k", 1, Duration.ofSeconds(1));
        limiter.setTableName(TestPostgres.uniqueName("absent"));
        limiter.setCreateTable(false);
        assertThatThrownBy(() -> ServiceHelper.startService(limiter))
                .isInstanceOf(RuntimeCamelException.class).hasMessageContaining("does not exist");
    }

    @Test
    void refusesIncompleteOrImpossibleOptionsAtStart() {
        HikariDataSource pool = pool();
        assertThatThrownBy(() -> ServiceHelper.startService(new Bucket4jRateLimiter()))
                .hasMessageContaining("dataSource");
        assertThatThrownBy(() -> ServiceHelper.startService(new Bucket4jRateLimiter(pool, " ", 1, Duration.ofSeconds(1))))
                .hasMessageContaining("bucketKey");
        assertThatThrownBy(() -> ServiceHelper.startService(new Bucket4jRateLimiter(pool, "k", 0, Duration.ofSeconds(1))))
                .hasMessageContaining("permits");
        assertThatThrownBy(() -> ServiceHelper.startService(new Bucket4jRateLimiter(pool, "k", 1, Duration.ZERO)))
                .hasMessageContaining("window");
        Bucket4jRateLimiter tooBursty = new Bucket4jRateLimiter(pool, "k", 5, Duration.ofSeconds(1));
        tooBursty.setBurst(6);
        assertThatThrownBy(() -> ServiceHelper.startService(tooBursty)).hasMessageContaining("burst");
        Bucket4jRateLimiter negativeMargin = new Bucket4jRateLimiter(pool, "k", 5, Duration.ofSeconds(1));
        negativeMargin.setWindowMargin(Duration.ofSeconds(-1));
        assertThatThrownBy(() -> ServiceHelper.startService(negativeMargin)).hasMessageContaining("windowMargin");
        assertThatThrownBy(() -> new Bucket4jRateLimiter().setTableName("bucket; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class);

        Bucket4jRateLimiter started = node(TestPostgres.uniqueName("fixed"), 5, Duration.ofSeconds(1), Duration.ZERO);
        assertThatThrownBy(() -> started.setPermits(50)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void defaultsFollowTheWindow() {
        Bucket4jRateLimiter ebbot = new Bucket4jRateLimiter(pool(), "ebbot:acme", 20, Duration.ofMinutes(1));
        assertThat(ebbot.getBurst()).isEqualTo(10);
        assertThat(ebbot.getWindowMargin()).isEqualTo(Duration.ofSeconds(3));
        assertThat(ebbot.getCountedWindow()).isEqualTo(Duration.ofSeconds(63));
        assertThat(ebbot.getTableName()).isEqualTo("bucket");
        assertThat(ebbot).hasToString("Bucket4jRateLimiter[ebbot:acme, 20 per PT1M, burst 10, counted over PT1M3S]");

        Bucket4jRateLimiter shortWindow = new Bucket4jRateLimiter(pool(), "k", 1, Duration.ofSeconds(2));
        assertThat(shortWindow.getBurst()).isEqualTo(1);
        assertThat(shortWindow.getWindowMargin()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void accountKeysNameTheAccountWithoutItsCredential() {
        String key = Bucket4jRateLimiter.accountKey("Ebbot", "https://V2.Ebbot.app/api", "secret-api-key");
        assertThat(key).startsWith("ebbot:https://v2.ebbot.app:443#").doesNotContain("secret");
        assertThat(key.substring(key.indexOf('#') + 1)).hasSize(16);
        assertThat(Bucket4jRateLimiter.accountKey("ebbot", "https://v2.ebbot.app:443", "secret-api-key"))
                .isEqualTo(key);
        assertThat(Bucket4jRateLimiter.accountKey("ebbot", "https://v2.ebbot.app", "another-key")).isNotEqualTo(key);
        assertThat(Bucket4jRateLimiter.accountKey("chatbotcom", "http://localhost:8080", null))
                .isEqualTo("chatbotcom:http://localhost:8080#anonymous");
        assertThatThrownBy(() -> Bucket4jRateLimiter.accountKey("ebbot", "v2.ebbot.app", "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
