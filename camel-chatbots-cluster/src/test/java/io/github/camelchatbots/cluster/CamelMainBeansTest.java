package io.github.camelchatbots.cluster;

import java.time.Duration;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's application.properties, bound by Camel Main as an application would have them. */
class CamelMainBeansTest {

    @Test
    void theReadmePropertiesMakeWorkingBeans() throws Exception {
        String table = TestPostgres.uniqueName("main_state");
        String bucketKey = TestPostgres.uniqueName("ebbot_acme");
        Properties properties = new Properties();
        properties.put("camel.beans.chatbotsDb", "#class:org.postgresql.ds.PGSimpleDataSource");
        properties.put("camel.beans.chatbotsDb.url", TestPostgres.jdbcUrl());
        properties.put("camel.beans.cursors", "#class:io.github.camelchatbots.cluster.JdbcStateRepository");
        properties.put("camel.beans.cursors.dataSource", "#bean:chatbotsDb");
        properties.put("camel.beans.cursors.tableName", table);
        properties.put("camel.beans.ebbotLimit", "#class:io.github.camelchatbots.cluster.Bucket4jRateLimiter");
        properties.put("camel.beans.ebbotLimit.dataSource", "#bean:chatbotsDb");
        properties.put("camel.beans.ebbotLimit.bucketKey", bucketKey);
        properties.put("camel.beans.ebbotLimit.permits", "20");
        properties.put("camel.beans.ebbotLimit.window", "1m");
        properties.put("camel.beans.ebbotLimit.windowMargin", "5s");
        properties.put("camel.beans.ebbotLimit.burst", "8");

        Main main = new Main();
        main.setInitialProperties(properties);
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            JdbcStateRepository cursors = context.getRegistry().lookupByNameAndType("cursors", JdbcStateRepository.class);
            cursors.setState("ebbot:transcript", "{\"cursor\":1}");
            assertThat(cursors.getState("ebbot:transcript")).isEqualTo("{\"cursor\":1}");
            assertThat(cursors.getTableName()).isEqualTo(table);

            Bucket4jRateLimiter limiter = context.getRegistry().lookupByNameAndType("ebbotLimit",
                    Bucket4jRateLimiter.class);
            assertThat(limiter.getWindow()).isEqualTo(Duration.ofMinutes(1));
            assertThat(limiter.getCountedWindow()).isEqualTo(Duration.ofSeconds(65));
            assertThat(limiter.getBurst()).isEqualTo(8);
            assertThat(limiter.hasBudget()).isTrue();
            limiter.acquire().close();
        } finally {
            main.stop();
        }
    }
}
