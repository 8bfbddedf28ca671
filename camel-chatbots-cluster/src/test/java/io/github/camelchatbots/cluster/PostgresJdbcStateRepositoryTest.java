package io.github.camelchatbots.cluster;

import javax.sql.DataSource;

/** The contract on a real PostgreSQL, each node with its own pool. */
class PostgresJdbcStateRepositoryTest extends JdbcStateRepositoryContract {

    @Override
    protected DataSource newNodeDataSource() {
        return TestPostgres.newPool("state-node");
    }
}
