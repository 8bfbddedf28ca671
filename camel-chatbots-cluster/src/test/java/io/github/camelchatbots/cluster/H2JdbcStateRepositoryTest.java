package io.github.camelchatbots.cluster;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/** The contract on H2 in PostgreSQL mode, as single-host setups and tests use it: one in-memory database per test. */
class H2JdbcStateRepositoryTest extends JdbcStateRepositoryContract {

    private String url;

    @BeforeEach
    void database(TestInfo test) {
        url = "jdbc:h2:mem:" + TestPostgres.uniqueName(test.getTestMethod().orElseThrow().getName())
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    @Override
    protected DataSource newNodeDataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }
}
