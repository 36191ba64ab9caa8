package org.jcm.registry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.registry.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests the guards the database itself puts on the ledger: the event log is append-only and live
 * unit ranges never overlap. Runs the migrations on a database of its own on the shared server.
 */
class SchemaTest {

    private static PostgresDatabase database;

    @BeforeAll
    static void migrate() {
        // As the owner: the append-only triggers hold even for the role that owns the table.
        database = MigratedDatabase.create("schema_test").owner();
    }

    @BeforeEach
    void emptyTheLiveTables() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM block");
            s.execute("DELETE FROM idempotency");
        }
    }

    @Test
    void the_event_log_accepts_appends_and_refuses_update_delete_and_truncate() throws SQLException {
        try (Connection c = connect()) {
            long seq = nextSeq(c);
            appendEvent(c, seq);
            assertThat(count(c, "SELECT count(*) FROM ledger_event WHERE seq = " + seq)).isEqualTo(1);

            assertRefused(c, "UPDATE ledger_event SET type = 'Forged' WHERE seq = " + seq);
            assertRefused(c, "DELETE FROM ledger_event WHERE seq = " + seq);
            assertRefused(c, "DELETE FROM ledger_event WHERE false");
            // A plain TRUNCATE is already refused because other tables reference the log.
            assertThatThrownBy(() -> execute(c, "TRUNCATE ledger_event")).isInstanceOf(SQLException.class);
            assertRefused(c, "TRUNCATE ledger_event CASCADE");

            assertThat(count(c, "SELECT count(*) FROM ledger_event WHERE seq = " + seq + " AND type = 'Test'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void an_event_hash_must_be_32_bytes() throws SQLException {
        try (Connection c = connect();
                PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_event VALUES (?, 'Test', now(), "
                        + "'operator', 'x', '', '{}', ?, ?)")) {
            insert.setLong(1, nextSeq(c));
            insert.setBytes(2, new byte[32]);
            insert.setBytes(3, new byte[31]);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("ledger_event_hash_check");
        }
    }

    @Test
    void overlapping_live_blocks_of_one_host_and_vintage_are_refused_at_commit() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            insertBlock(c, "MNG", 2024, 1, 100);
            insertBlock(c, "MNG", 2024, 100, 150);
            assertThatThrownBy(c::commit).isInstanceOf(SQLException.class)
                    .hasMessageContaining("block_units_disjoint");
            c.rollback();
        }
    }

    @Test
    void adjacent_blocks_and_the_same_units_of_another_vintage_or_host_are_allowed() throws SQLException {
        try (Connection c = connect()) {
            insertBlock(c, "MNG", 2024, 1, 100);
            insertBlock(c, "MNG", 2024, 101, 150);
            insertBlock(c, "MNG", 2025, 1, 100);
            insertBlock(c, "THA", 2024, 1, 100);
            assertThat(count(c, "SELECT count(*) FROM block")).isEqualTo(4);
        }
    }

    @Test
    void a_split_written_as_an_insert_of_the_high_end_before_shortening_the_block_commits() throws SQLException {
        try (Connection c = connect()) {
            insertBlock(c, "MNG", 2024, 1, 100);
            c.setAutoCommit(false);
            // The order in which a batch writes rows does not matter: the check runs at COMMIT.
            insertBlock(c, "MNG", 2024, 41, 100);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO block (host_party, vintage, first_unit, last_unit, project_id, issuance_id,"
                        + " issuing_registry_id, account_id, status, ca_state, first_transferred)"
                        + " VALUES ('MNG', 2024, 1, 40, 'MN001', 'I-1', 'MNG01', 'MNG01-H00002', 'ACTIVE', 'NOT_REQUIRED', false)"
                        + " ON CONFLICT (host_party, vintage, first_unit) DO UPDATE SET last_unit = excluded.last_unit,"
                        + " account_id = excluded.account_id");
            }
            c.commit();
            assertThat(count(c, "SELECT sum(quantity) FROM block")).isEqualTo(100);
            assertThat(count(c, "SELECT quantity FROM account_balance WHERE account_id = 'MNG01-H00002'")).isEqualTo(40);
        }
    }

    @Test
    void a_block_beyond_two_to_the_53rd_is_refused() throws SQLException {
        try (Connection c = connect()) {
            assertThatThrownBy(() -> insertBlock(c, "MNG", 2024, 1, 1L << 53)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("block_check");
        }
    }

    @Test
    void the_unit_history_index_finds_every_event_naming_a_unit() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO event_units VALUES ('MNG', 2024, int8range(1, 100, '[]'), 5),"
                    + " ('MNG', 2024, int8range(1, 40, '[]'), 9), ('MNG', 2024, int8range(41, 100, '[]'), 12),"
                    + " ('MNG', 2025, int8range(1, 100, '[]'), 13)");
            try (ResultSet rows = s.executeQuery("SELECT string_agg(seq::text, ',' ORDER BY seq) FROM event_units"
                    + " WHERE host_party = 'MNG' AND vintage = 2024 AND units @> 40::bigint")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("5,9");
            }
        }
    }

    private static void appendEvent(Connection c, long seq) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_event VALUES (?, 'Test', now(), "
                + "'operator', 'x', '', '{}', ?, ?)")) {
            insert.setLong(1, seq);
            insert.setBytes(2, new byte[32]);
            insert.setBytes(3, new byte[32]);
            insert.executeUpdate();
        }
    }

    private static void insertBlock(Connection c, String host, int vintage, long first, long last) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO block (host_party, vintage, first_unit, last_unit,"
                + " project_id, issuance_id, issuing_registry_id, account_id, status, ca_state, first_transferred)"
                + " VALUES (?, ?, ?, ?, 'MN001', 'I-1', 'MNG01', 'MNG01-H00001', 'ACTIVE', 'NOT_REQUIRED', false)")) {
            insert.setString(1, host);
            insert.setInt(2, vintage);
            insert.setLong(3, first);
            insert.setLong(4, last);
            insert.executeUpdate();
        }
    }

    private static long nextSeq(Connection c) throws SQLException {
        return count(c, "SELECT coalesce(max(seq), 0) + 1 FROM ledger_event");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void assertRefused(Connection c, String sql) {
        assertThatThrownBy(() -> execute(c, sql)).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
