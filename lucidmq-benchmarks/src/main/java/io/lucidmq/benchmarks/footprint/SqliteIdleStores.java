package io.lucidmq.benchmarks.footprint;

import io.lucidmq.benchmarks.support.BenchDirs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQLite: N databases in WAL mode, each with an open connection and one row. */
final class SqliteIdleStores implements IdleStores {

    private final Path directory = BenchDirs.create("sqlite-footprint");
    private final List<Connection> connections = new ArrayList<>();

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public void openStore() throws ClassNotFoundException {
        Class.forName("org.sqlite.JDBC");
    }

    @Override
    public void openPartitions(int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            Connection connection = DriverManager.getConnection(
                    "jdbc:sqlite:" + directory.resolve("partition-" + i + ".db"));
            connections.add(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("CREATE TABLE records (id INTEGER PRIMARY KEY, value BLOB)");
                statement.execute("INSERT INTO records (value) VALUES (zeroblob(100))");
            }
        }
    }

    @Override
    public void release() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
        BenchDirs.delete(directory);
    }
}
