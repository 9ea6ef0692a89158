package io.lucidmq.benchmarks.durable;

import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.Payloads;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * SQLite (sqlite-jdbc) durable inserts: one row per transaction (auto-commit) into a table of
 * blobs, with {@code journal_mode=WAL} and {@code synchronous=FULL}, so each commit forces the
 * write-ahead log.
 *
 * <p>SQLite has one writer at a time, so threads share one connection under a lock. That is
 * faster than a connection per thread, whose writers wait in SQLite's busy handler.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class SqliteDurableBenchmark {

    /** Size of each record value in bytes. */
    @Param({"1024"})
    public int valueBytes;

    private Path directory;
    private Connection connection;
    private PreparedStatement insert;
    private byte[] value;

    /** Creates the database and the table. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        directory = BenchDirs.create("sqlite-durable");
        value = Payloads.value(valueBytes);
        connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("bench.db"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute(
                    "CREATE TABLE records (id INTEGER PRIMARY KEY, value BLOB NOT NULL)");
        }
        connection.setAutoCommit(true);
        insert = connection.prepareStatement("INSERT INTO records (value) VALUES (?)");
    }

    /** Closes the connection and deletes the database. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (connection != null) {
            insert.close();
            connection.close();
        }
        BenchDirs.delete(directory);
    }

    /** Inserts from one thread. */
    @Benchmark
    @Threads(1)
    public int oneThread() throws SQLException {
        return insertRow();
    }

    /** Inserts from four threads. */
    @Benchmark
    @Threads(4)
    public int fourThreads() throws SQLException {
        return insertRow();
    }

    /** Inserts from sixteen threads. */
    @Benchmark
    @Threads(16)
    public int sixteenThreads() throws SQLException {
        return insertRow();
    }

    private synchronized int insertRow() throws SQLException {
        insert.setBytes(1, value);
        return insert.executeUpdate();
    }
}
