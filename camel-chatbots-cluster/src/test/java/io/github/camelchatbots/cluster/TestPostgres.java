package io.github.camelchatbots.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for every test of the JVM (starting one takes seconds), and connection pools on it as separate
 * nodes would each have. Tests keep apart by table names and bucket keys of their own.
 */
final class TestPostgres {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // its own shutdown hook stops the server when the test JVM ends
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    static String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    /** A node's own pool on the shared database. */
    static HikariDataSource newPool(String node) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername("postgres");
        config.setPoolName(node + "-" + NAMES.incrementAndGet());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** A name no other test uses, for a table or a bucket key. */
    static String uniqueName(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    }
}
