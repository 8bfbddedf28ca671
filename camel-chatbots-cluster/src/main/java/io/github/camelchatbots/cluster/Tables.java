package io.github.camelchatbots.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both classes do with the tables they keep: names checked, created when missing, transactions ended. */
final class Tables {

    private static final Logger LOG = LoggerFactory.getLogger(Tables.class);

    /** A table name goes into SQL text: only a plain identifier, optionally schema-qualified, can carry nothing else. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private Tables() {
    }

    static String checkName(String tableName, String example) {
        if (tableName == null || !NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("tableName must be a plain SQL identifier such as " + example
                                               + " or schema." + example + ", not '" + tableName + "'");
        }
        return tableName;
    }

    /**
     * Makes sure the table is there, creating it unless {@code create} is off.
     *
     * @param probe a query that succeeds exactly when the table exists
     */
    static void ensure(Connection connection, String table, String probe, String createStatement, boolean create)
            throws SQLException {
        if (exists(connection, probe)) {
            return;
        }
        if (!create) {
            throw new SQLException("the table " + table + " does not exist and createTable is off");
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(createStatement);
            endTransaction(connection);
            LOG.info("Created the table {}", table);
        } catch (SQLException e) {
            rollbackQuietly(connection);
            // nodes starting together race to create it, and PostgreSQL fails the loser even with IF NOT EXISTS
            if (!exists(connection, probe)) {
                throw e;
            }
        }
    }

    private static boolean exists(Connection connection, String probe) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery(probe).close();
            endTransaction(connection);
            return true;
        } catch (SQLException e) {
            // PostgreSQL refuses every further statement of a transaction that had an error
            rollbackQuietly(connection);
            return false;
        }
    }

    /** Commits when the pool hands out connections without auto-commit; with auto-commit every statement is one. */
    static void endTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("Rollback failed", e);
        }
    }
}
