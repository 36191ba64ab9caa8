package org.jcm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests that the embedded PostgreSQL server is a real server that starts, serves and stops cleanly. */
class EmbeddedPostgresServerTest {

    @Test
    void postgres_accepts_a_table_round_trip_over_jdbc() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.builder().database("registry").start()) {
            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/registry");
            assertThat(server.reactiveUrl()).isEqualTo("postgresql://localhost:" + server.port() + "/registry");
            try (Connection connection = server.connect("registry"); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE party (iso3 text PRIMARY KEY, name text NOT NULL)");
                sql.execute("INSERT INTO party VALUES ('JPN', 'Japan'), ('MNG', 'Mongolia')");
                assertThat(strings(sql, "SELECT name FROM party ORDER BY iso3")).containsExactly("Japan", "Mongolia");
                assertThat(strings(sql, "SELECT current_database()")).containsExactly("registry");
                assertThat(strings(sql, "SHOW server_version")).singleElement().asString().startsWith("17.");
            }
        }
    }

    @Test
    void creating_a_database_twice_is_harmless() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.builder().start()) {
            PostgresDatabase first = server.createDatabase("settlement");
            PostgresDatabase second = server.createDatabase("settlement");
            assertThat(second).isEqualTo(first);
            try (Connection connection = server.connect("postgres"); Statement sql = connection.createStatement()) {
                assertThat(strings(sql, "SELECT datname FROM pg_database WHERE datname = 'settlement'")).hasSize(1);
            }
        }
    }

    @Test
    void closing_the_server_leaves_no_postgres_process_behind() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.builder().start();
        Path dataDirectory = server.dataDirectory();
        long pid = server.postmasterPid();
        assertThat(Processes.isRunning(pid)).isTrue();
        assertThat(processesUsing(dataDirectory)).isNotEmpty();

        server.close();

        assertThat(Processes.isRunning(pid)).isFalse();
        assertThat(processesUsing(dataDirectory)).isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(Processes::isRunning)
                .filter(p -> p.info().command().orElse("").endsWith("/postgres"))).isEmpty();
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void a_persistent_data_directory_keeps_its_data_across_restarts(@TempDir Path directory) throws SQLException {
        Path data = directory.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.builder().dataDirectory(data).database("registry").start();
                Connection connection = server.connect("registry");
                Statement sql = connection.createStatement()) {
            assertThat(server.isPersistent()).isTrue();
            assertThat(strings(sql, "SHOW fsync")).containsExactly("on");
            sql.execute("CREATE TABLE kept (id int)");
            sql.execute("INSERT INTO kept VALUES (42)");
        }
        assertThat(data.resolve("PG_VERSION")).exists();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.builder().dataDirectory(data).database("registry").start();
                Connection connection = server.connect("registry");
                Statement sql = connection.createStatement()) {
            assertThat(strings(sql, "SELECT id::text FROM kept")).containsExactly("42");
        }
    }

    @Test
    void a_pid_file_naming_a_live_unrelated_process_does_not_block_start(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        EmbeddedPostgresServer.builder().dataDirectory(data).start().close();
        // The pid of this JVM stands for a pid reused after a crash: PostgreSQL alone would refuse to start.
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.builder().dataDirectory(data).start();
                Connection connection = server.connect("postgres");
                Statement sql = connection.createStatement()) {
            assertThat(server.postmasterPid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(strings(sql, "SELECT 'up'")).containsExactly("up");
        }
    }

    private static List<ProcessHandle> processesUsing(Path dataDirectory) {
        String path = dataDirectory.toString();
        return ProcessHandle.allProcesses()
                .filter(Processes::isRunning)
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(path)).orElse(false))
                .toList();
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
