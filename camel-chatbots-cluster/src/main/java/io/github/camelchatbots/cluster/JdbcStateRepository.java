package io.github.camelchatbots.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in one table of a database every node of a cluster reaches, so that whichever node
 * leads reads and moves the same state: a polling consumer's {@code cursorRepository}, or a bot's conversation
 * memory.
 * <p>
 * Every {@link #getState(String)} reads the table: a cache would go stale as soon as another node moved a cursor.
 * Every {@link #setState(String, String)} is a single upsert, so that writers on several nodes never fail on each
 * other's rows: {@code INSERT ... ON CONFLICT} on PostgreSQL, {@code MERGE} on H2, and on other databases an update
 * followed, when no row was there, by an insert that is tried again should another writer insert first.
 * <p>
 * The table ({@value #DEFAULT_TABLE_NAME} unless {@link #setTableName(String) configured}) is created when missing,
 * with the columns {@code key} (the primary key, up to {@value #MAX_KEY_LENGTH} characters), {@code value} and
 * {@code updated_at} (the database's time of the last write, for operators).
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    public static final String DEFAULT_TABLE_NAME = "camel_chatbots_state";

    /** Far longer than any cursor key (a stream, a host and an account), and within every database's index limit. */
    public static final int MAX_KEY_LENGTH = 1024;

    /** Insert races between writers of one new key resolve in one more round; more would mean something else. */
    private static final int WRITE_ATTEMPTS = 5;

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private boolean createTable = true;
    private volatile Sql sql;

    /** For bean containers that set the options one by one; {@link #setDataSource(DataSource)} is required. */
    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE_NAME);
    }

    public JdbcStateRepository(DataSource dataSource, String tableName) {
        setDataSource(dataSource);
        setTableName(tableName);
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        requireUnused();
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** A plain SQL identifier, optionally with its schema ({@code chatbots.state}). */
    public void setTableName(String tableName) {
        requireUnused();
        this.tableName = Tables.checkName(tableName, DEFAULT_TABLE_NAME);
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether the table is created when missing (default); off for database users without DDL rights. */
    public void setCreateTable(boolean createTable) {
        requireUnused();
        this.createTable = createTable;
    }

    @Override
    protected void doStart() throws Exception {
        // fail at start rather than at the first poll when the database or the table is not there
        sql();
    }

    /** The state under {@code key}, as stored now by any node; null when there is none. */
    @Override
    public String getState(String key) {
        checkKey(key);
        Sql statements = sql();
        try (Connection connection = dataSource.getConnection()) {
            String value;
            try (PreparedStatement select = connection.prepareStatement(statements.select)) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    value = row.next() ? row.getString(1) : null;
                }
            }
            Tables.endTransaction(connection);
            return value;
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    /** Stores {@code value} under {@code key}, replacing what any node stored; a null value removes the key. */
    @Override
    public void setState(String key, String value) {
        checkKey(key);
        if (value == null) {
            removeState(key);
            return;
        }
        Sql statements = sql();
        try (Connection connection = dataSource.getConnection()) {
            for (int attempt = 1;; attempt++) {
                try {
                    write(statements, connection, key, value);
                    Tables.endTransaction(connection);
                    return;
                } catch (SQLException e) {
                    Tables.rollbackQuietly(connection);
                    if (!isConstraintViolation(e) || attempt == WRITE_ATTEMPTS) {
                        throw e;
                    }
                    // another writer inserted the key between our update and insert: the row is there now
                }
            }
        } catch (SQLException e) {
            throw failure("write", key, e);
        }
    }

    /** Removes the state under {@code key}; not part of Camel's interface, for callers that forget, e.g. ended chats. */
    public void removeState(String key) {
        checkKey(key);
        Sql statements = sql();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement(statements.delete)) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
            Tables.endTransaction(connection);
        } catch (SQLException e) {
            throw failure("remove", key, e);
        }
    }

    private static void write(Sql statements, Connection connection, String key, String value) throws SQLException {
        if (statements.upsert != null) {
            try (PreparedStatement upsert = connection.prepareStatement(statements.upsert)) {
                upsert.setString(1, key);
                upsert.setString(2, value);
                upsert.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(statements.update)) {
            update.setString(1, value);
            update.setString(2, key);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(statements.insert)) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a state key must not be empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a state key must be at most " + MAX_KEY_LENGTH + " characters, not "
                                               + key.length() + ": '" + key.substring(0, 64) + "...'");
        }
    }

    private void requireUnused() {
        if (sql != null) {
            throw new IllegalStateException("JdbcStateRepository on " + tableName
                                            + " is already in use; configure it before its first use");
        }
    }

    /** The statements for this database, the table made sure of on first use: callers need not start the service. */
    private Sql sql() {
        Sql statements = sql;
        if (statements == null) {
            synchronized (this) {
                statements = sql;
                if (statements == null) {
                    if (dataSource == null) {
                        throw new IllegalStateException("JdbcStateRepository needs a dataSource");
                    }
                    try (Connection connection = dataSource.getConnection()) {
                        statements = new Sql(connection, tableName);
                        Tables.ensure(connection, tableName, statements.probe, statements.createTable, createTable);
                    } catch (SQLException e) {
                        throw new RuntimeCamelException("Cannot open the state table " + tableName + ": "
                                                        + e.getMessage(), e);
                    }
                    sql = statements;
                }
            }
        }
        return statements;
    }

    private static boolean isConstraintViolation(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlException && sqlException.getSQLState() != null
                && sqlException.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private RuntimeCamelException failure(String action, String key, SQLException e) {
        return new RuntimeCamelException("Cannot " + action + " the state '" + key + "' in " + tableName + ": "
                                          + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + tableName + "]";
    }

    /** The SQL for one database: column names quoted because {@code key} and {@code value} are keywords in some. */
    private static final class Sql {
        private final String probe;
        private final String createTable;
        private final String select;
        private final String delete;
        /** One atomic statement where the database has one, else null and {@link #update} then {@link #insert}. */
        private final String upsert;
        private final String update;
        private final String insert;

        private Sql(Connection connection, String table) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String quote = connection.getMetaData().getIdentifierQuoteString();
            quote = quote == null || quote.isBlank() ? "" : quote.trim();
            String key = quote + "key" + quote;
            String value = quote + "value" + quote;
            String updatedAt = quote + "updated_at" + quote;
            probe = "SELECT " + key + " FROM " + table + " WHERE 1 = 0";
            createTable = "CREATE TABLE " + table + " (" + key + " VARCHAR(" + MAX_KEY_LENGTH + ") PRIMARY KEY, " + value
                          + " TEXT, " + updatedAt + " TIMESTAMP WITH TIME ZONE)";
            select = "SELECT " + value + " FROM " + table + " WHERE " + key + " = ?";
            delete = "DELETE FROM " + table + " WHERE " + key + " = ?";
            update = "UPDATE " + table + " SET " + value + " = ?, " + updatedAt + " = CURRENT_TIMESTAMP WHERE " + key
                     + " = ?";
            insert = "INSERT INTO " + table + " (" + key + ", " + value + ", " + updatedAt
                     + ") VALUES (?, ?, CURRENT_TIMESTAMP)";
            if (product.contains("postgresql")) {
                upsert = insert + " ON CONFLICT (" + key + ") DO UPDATE SET " + value + " = EXCLUDED." + value + ", "
                         + updatedAt + " = EXCLUDED." + updatedAt;
            } else if (product.equals("h2")) {
                upsert = "MERGE INTO " + table + " (" + key + ", " + value + ", " + updatedAt
                         + ") KEY (" + key + ") VALUES (?, ?, CURRENT_TIMESTAMP)";
            } else {
                upsert = null;
            }
        }
    }
}
