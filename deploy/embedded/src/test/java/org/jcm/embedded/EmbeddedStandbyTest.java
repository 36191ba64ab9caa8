package org.jcm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tests that the standby is a real one: it replays what the primary commits, refuses writes while
 * in recovery, grants an advisory lock that the primary's holder also holds (the reason the
 * registry's writer and outbox must check {@code pg_is_in_recovery()}), and accepts writes once
 * promoted.
 */
class EmbeddedStandbyTest {

    @Test
    void a_standby_replays_the_primary_refuses_writes_and_takes_writes_once_promoted() throws SQLException {
        try (EmbeddedPostgresServer primary = EmbeddedPostgresServer.builder().database("registry").start()) {
            execute(primary.connect("registry"), "CREATE TABLE party (iso3 text PRIMARY KEY)", "INSERT INTO party VALUES ('JPN')");
            Path standbyData;
            try (EmbeddedStandby standby = EmbeddedStandby.of(primary)) {
                standbyData = standby.server().dataDirectory();
                assertThat(standby.server().port()).isNotEqualTo(primary.port());
                assertThat(standby.inRecovery()).isTrue();
                standby.awaitReplay(Duration.ofSeconds(60));
                assertThat(count(standby.connect("registry"))).isEqualTo(1);

                // Committed on the primary after the standby started: it arrives by streaming replication.
                execute(primary.connect("registry"), "INSERT INTO party VALUES ('MNG')");
                standby.awaitReplay(Duration.ofSeconds(60));
                assertThat(count(standby.connect("registry"))).isEqualTo(2);

                assertThatThrownBy(() -> execute(standby.connect("registry"), "INSERT INTO party VALUES ('KEN')"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
                try (Connection onPrimary = primary.connect("registry"); Connection onStandby = standby.connect("registry")) {
                    assertThat(lock(onPrimary)).isTrue();
                    assertThat(lock(onStandby)).as("a standby grants the lock the primary's session holds").isTrue();
                }

                standby.promote();
                assertThat(standby.inRecovery()).isFalse();
                execute(standby.connect("registry"), "INSERT INTO party VALUES ('KEN')");
                assertThat(count(standby.connect("registry"))).isEqualTo(3);
                assertThat(count(primary.connect("registry"))).isEqualTo(2);
            }
            assertThat(standbyData).doesNotExist();
        }
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (connection; Statement s = connection.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (connection; Statement s = connection.createStatement(); ResultSet row = s.executeQuery("SELECT count(*) FROM party")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet row = s.executeQuery("SELECT pg_try_advisory_lock(4242)")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
