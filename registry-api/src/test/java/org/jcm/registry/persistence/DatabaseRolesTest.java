package org.jcm.registry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jcm.registry.testing.Databases;
import org.jcm.support.database.ConnectionPrivileges;
import org.jcm.support.database.LeastPrivilegeGuard;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Least privilege in the database (docs/security.md, "Database roles"), on the running service's
 * real PostgreSQL: the service connects as {@code jcm_service}, which is neither superuser nor the
 * owner of the tables, and every way of changing history that the owner or a superuser has is
 * refused to it with PostgreSQL's own permission error (SQLSTATE 42501), before any trigger runs.
 */
@QuarkusTest
class DatabaseRolesTest {

    /** The start-up check of the running service (service-support's bean), on the service's own datasource. */
    @Inject
    LeastPrivilegeGuard guard;

    @Test
    void the_running_services_start_up_check_passes_its_own_connection() throws SQLException {
        guard.check(null);
    }


    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String DENIED_ON_THE_LOG = "permission denied for table ledger_event";
    private static final String NOT_THE_OWNER = "must be owner of table ledger_event";
    private static final String DENIED_REPLICATION_ROLE = "permission denied to set parameter \"session_replication_role\"";

    @Test
    void the_service_connects_as_its_own_role_which_is_neither_superuser_nor_owner_and_migrations_ran_as_the_owner()
            throws SQLException {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("jcm_service");
        assertThat(config.getValue("quarkus.flyway.username", String.class)).isEqualTo("jcm_owner");
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT current_user || ' ' || rolsuper || ' ' || rolcreaterole || ' ' || rolcreatedb"
                    + " || ' ' || rolbypassrls FROM pg_roles WHERE rolname = current_user"))
                    .containsExactly("jcm_service false false false false");
            assertThat(strings(s, "SELECT pg_get_userbyid(relowner) || ' ' || pg_has_role(current_user, relowner, 'MEMBER')"
                    + " FROM pg_class WHERE oid = 'ledger_event'::regclass"))
                    .containsExactly("jcm_owner false");
            assertThat(strings(s, "SELECT DISTINCT installed_by FROM flyway_schema_history")).containsExactly("jcm_owner");
            assertThat(strings(s, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v') AND c.relowner <> 'jcm_owner'::regrole"))
                    .containsExactly("0");
        }
    }

    @Test
    void the_service_role_can_neither_update_nor_delete_nor_truncate_the_event_log() throws SQLException {
        long head = LedgerProbe.headSeq();
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement()) {
            assertDenied(s, "UPDATE ledger_event SET type = 'Forged' WHERE seq = " + head, DENIED_ON_THE_LOG);
            assertDenied(s, "UPDATE ledger_event SET event_json = event_json WHERE false", DENIED_ON_THE_LOG);
            assertDenied(s, "DELETE FROM ledger_event WHERE seq = " + head, DENIED_ON_THE_LOG);
            assertDenied(s, "DELETE FROM ledger_event WHERE false", DENIED_ON_THE_LOG);
            assertDenied(s, "TRUNCATE ledger_event", DENIED_ON_THE_LOG);
            assertDenied(s, "TRUNCATE ledger_event CASCADE", DENIED_ON_THE_LOG);
        }
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
    }

    @Test
    void the_service_role_can_neither_disable_the_append_only_triggers_nor_set_session_replication_role()
            throws SQLException {
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement()) {
            assertDenied(s, "ALTER TABLE ledger_event DISABLE TRIGGER ledger_event_no_update_or_delete", NOT_THE_OWNER);
            assertDenied(s, "ALTER TABLE ledger_event DISABLE TRIGGER ALL", NOT_THE_OWNER);
            assertDenied(s, "DROP TRIGGER ledger_event_no_truncate ON ledger_event", "must be owner of");
            assertDenied(s, "ALTER TABLE ledger_event OWNER TO jcm_service", NOT_THE_OWNER);
            assertDenied(s, "SET session_replication_role = replica", DENIED_REPLICATION_ROLE);
            c.setAutoCommit(false);
            assertDenied(s, "SET LOCAL session_replication_role = replica", DENIED_REPLICATION_ROLE);
            c.rollback();
            c.setAutoCommit(true);
            assertDenied(s, "CREATE TABLE ledger_event_copy (LIKE ledger_event)", "permission denied for schema public");
            assertThat(strings(s, "SHOW session_replication_role")).containsExactly("origin");
        }
    }

    @Test
    void the_service_role_appends_events_through_the_writer_and_holds_exactly_its_grants() throws SQLException {
        long head = LedgerProbe.headSeq();
        LedgerApi.registry("MNG01");
        String organization = LedgerApi.organization("MNG01");

        assertThat(LedgerProbe.headSeq()).isGreaterThan(head);
        assertThat(LedgerProbe.strings("SELECT type FROM ledger_event WHERE event_json LIKE '%" + organization + "%'"))
                .contains("OrganizationRegistered");
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement()) {
            assertThat(privileges(s, "ledger_event")).isEqualTo("SELECT INSERT");
            assertThat(privileges(s, "block")).isEqualTo("SELECT INSERT UPDATE DELETE");
            assertThat(privileges(s, "outbox_position")).isEqualTo("SELECT INSERT UPDATE DELETE");
            assertThat(privileges(s, "flyway_schema_history")).isEqualTo("SELECT");
        }
    }

    @Test
    void the_owner_can_disable_the_triggers_but_only_a_superuser_can_set_session_replication_role() throws SQLException {
        try (Connection c = Databases.connectAsOwner(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE ledger_event DISABLE TRIGGER ledger_event_no_update_or_delete");
            c.rollback();
            c.setAutoCommit(true);
            assertDenied(s, "SET session_replication_role = replica", DENIED_REPLICATION_ROLE);
        }
        try (Connection c = Databases.connectAsSuperuser(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            assertThat(strings(s, "SHOW session_replication_role")).containsExactly("replica");
        }
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT tgenabled FROM pg_trigger WHERE tgrelid = 'ledger_event'::regclass"
                    + " AND NOT tgisinternal ORDER BY tgname")).containsExactly("O", "O");
        }
    }

    @Test
    void a_table_that_a_later_migration_creates_is_insert_only_for_the_service_role_unless_it_grants_more()
            throws SQLException {
        try (Connection c = Databases.connectAsOwner(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE later_insert_only (id bigint PRIMARY KEY)");
            assertThat(privileges(s, "later_insert_only")).isEqualTo("SELECT INSERT");
            c.rollback();
        }
    }

    @Test
    void the_start_up_check_passes_the_service_role_and_names_what_makes_the_owner_or_the_superuser_too_powerful()
            throws SQLException {
        try (Connection c = Databases.connectToService()) {
            assertThat(ConnectionPrivileges.tooPowerfulBecause(c)).isEmpty();
        }
        try (Connection c = Databases.connectAsOwner()) {
            assertThat(ConnectionPrivileges.tooPowerfulBecause(c)).hasValueSatisfying(reason -> assertThat(reason)
                    .startsWith("role jcm_owner owns, or acts as the owner of, ").contains("(owner jcm_owner)"));
        }
        try (Connection c = Databases.connectAsSuperuser()) {
            assertThat(ConnectionPrivileges.tooPowerfulBecause(c)).hasValueSatisfying(reason -> assertThat(reason)
                    .endsWith(" is a superuser"));
        }
    }

    @Test
    void the_service_refuses_to_start_on_the_owners_credentials_unless_told_to_for_a_measurement() throws SQLException {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(Databases.serviceJdbcUrl());
        owner.setUser(ConfigProvider.getConfig().getValue("quarkus.flyway.username", String.class));
        owner.setPassword(ConfigProvider.getConfig().getValue("quarkus.flyway.password", String.class));
        assertThatThrownBy(() -> new LeastPrivilegeGuard(owner, true).check(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("role jcm_owner owns");
        new LeastPrivilegeGuard(owner, false).check(null);
        PGSimpleDataSource service = new PGSimpleDataSource();
        service.setURL(Databases.serviceJdbcUrl());
        service.setUser("jcm_service");
        service.setPassword(ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class));
        new LeastPrivilegeGuard(service, true).check(null);
    }

    private static void assertDenied(Statement s, String sql, String message) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    /** The table privileges the service role holds, of SELECT, INSERT, UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES. */
    private static String privileges(Statement s, String table) throws SQLException {
        return String.join(" ", strings(s, "SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',"
                + " 'TRIGGER', 'REFERENCES']) WITH ORDINALITY AS t(p, i)"
                + " WHERE has_table_privilege('jcm_service', '" + table + "', p) ORDER BY i"));
    }

    private static List<String> strings(Statement s, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = s.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
