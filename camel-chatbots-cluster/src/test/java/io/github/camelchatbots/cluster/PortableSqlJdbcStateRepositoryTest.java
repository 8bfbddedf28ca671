package io.github.camelchatbots.cluster;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The contract on a database the repository has no upsert for: H2 calling itself something else, so that the
 * portable update-then-insert path, insert races included, runs on a real database.
 */
class PortableSqlJdbcStateRepositoryTest extends JdbcStateRepositoryContract {

    private String url;

    @BeforeEach
    void database(TestInfo test) {
        url = "jdbc:h2:mem:" + TestPostgres.uniqueName(test.getTestMethod().orElseThrow().getName()) + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    protected DataSource newNodeDataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                forwarding(h2, (method, result) -> method.getName().equals("getConnection")
                        ? proxy(Connection.class, (Connection) result) : result));
    }

    private static Connection proxy(Class<Connection> type, Connection connection) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                forwarding(connection, (method, result) -> method.getName().equals("getMetaData")
                        ? unknownProduct((DatabaseMetaData) result) : result)));
    }

    private static DatabaseMetaData unknownProduct(DatabaseMetaData metaData) {
        return (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] { DatabaseMetaData.class },
                forwarding(metaData, (method, result) -> method.getName().equals("getDatabaseProductName")
                        ? "Some SQL database" : result));
    }

    private interface ResultMapper {
        Object map(java.lang.reflect.Method method, Object result);
    }

    private static InvocationHandler forwarding(Object target, ResultMapper mapper) {
        return (proxy, method, args) -> {
            try {
                return mapper.map(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
