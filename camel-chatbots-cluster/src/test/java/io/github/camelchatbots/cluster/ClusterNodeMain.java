package io.github.camelchatbots.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One node of {@link TwoJvmClusterTest}, run in a JVM of its own: it opens its own pool, limiter and repository,
 * says {@code ready}, waits for {@code go} on stdin, takes its permits on two threads printing each grant's span,
 * records what it did in the shared repository and says {@code done}.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    /** Arguments: JDBC URL, node name, bucket key, permits, window ms, margin ms, grants to take, state table. */
    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String node = args[1];
        int grants = Integer.parseInt(args[6]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(3);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(pool, args[2], Integer.parseInt(args[3]),
                    Duration.ofMillis(Long.parseLong(args[4])));
            limiter.setWindowMargin(Duration.ofMillis(Long.parseLong(args[5])));
            limiter.start();
            JdbcStateRepository state = new JdbcStateRepository(pool, args[7]);
            state.start();

            out.println("ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"go".equals(in.readLine())) {
                throw new IllegalStateException("expected go");
            }
            List<Thread> takers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int share = grants / 2 + (t == 0 ? grants % 2 : 0);
                Thread taker = new Thread(() -> {
                    try {
                        for (int i = 0; i < share; i++) {
                            long before = System.currentTimeMillis();
                            limiter.acquire().close();
                            out.println("grant " + before + " " + System.currentTimeMillis());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                takers.add(taker);
                taker.start();
            }
            for (Thread taker : takers) {
                taker.join();
            }
            state.setState("node:" + node, "{\"grants\":" + grants + "}");
            out.println("done");
        }
    }
}
