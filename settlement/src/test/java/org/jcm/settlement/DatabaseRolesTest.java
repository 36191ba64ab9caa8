package org.jcm.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jcm.support.database.ConnectionPrivileges;
import org.jcm.support.database.LeastPrivilegeGuard;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in settlement's database (docs/security.md, "Database roles"), on the running
 * service's real PostgreSQL: the service connects as {@code jcm_settlement}, which is neither
 * superuser nor owner, so it cannot change the schema, disable triggers or set
 * {@code session_replication_role}; it reads and writes its tables and truncates the derived ones
 * for a rebuild, and tables of later migrations are insert-only for it by default.
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

    @Test
    void the_service_connects_as_its_own_role_which_is_neither_superuser_nor_owner() throws SQLException {
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("jcm_settlement");
        assertThat(config.getValue("quarkus.flyway.username", String.class)).isEqualTo("jcm_settlement_owner");
        try (Connection c = connectAsService(); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT current_user || ' ' || rolsuper || ' ' || rolcreaterole || ' ' || rolcreatedb"
                    + " FROM pg_roles WHERE rolname = current_user")).containsExactly("jcm_settlement false false false");
            assertThat(strings(s, "SELECT DISTINCT pg_get_userbyid(c.relowner) || ' ' || pg_has_role(current_user, c.relowner,"
                    + " 'MEMBER') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind = 'r'")).containsExactly("jcm_settlement_owner false");
        }
    }

    @Test
    void the_service_role_can_neither_change_the_schema_nor_silence_triggers() throws SQLException {
        try (Connection c = connectAsService(); Statement s = c.createStatement()) {
            assertDenied(s, "ALTER TABLE trades DISABLE TRIGGER ALL", "must be owner of table trades");
            assertDenied(s, "ALTER TABLE consumer_position ADD COLUMN forged text", "must be owner of table consumer_position");
            assertDenied(s, "DROP TABLE trade_legs", "must be owner of table trade_legs");
            assertDenied(s, "SET session_replication_role = replica",
                    "permission denied to set parameter \"session_replication_role\"");
            assertDenied(s, "CREATE TABLE forged (id int)", "permission denied for schema public");
            assertDenied(s, "TRUNCATE trades", "permission denied for table trades");
            assertDenied(s, "TRUNCATE flyway_schema_history", "permission denied for table flyway_schema_history");
        }
    }

    @Test
    void the_service_role_holds_exactly_the_grants_the_service_needs() throws SQLException {
        try (Connection c = connectAsService(); Statement s = c.createStatement()) {
            assertThat(privileges(s, "trades")).isEqualTo("SELECT INSERT UPDATE DELETE");
            assertThat(privileges(s, "consumer_position")).isEqualTo("SELECT INSERT UPDATE DELETE");
            assertThat(privileges(s, "trade_legs")).isEqualTo("SELECT INSERT UPDATE DELETE TRUNCATE");
            assertThat(privileges(s, "accounts")).isEqualTo("SELECT INSERT UPDATE DELETE TRUNCATE");
            assertThat(privileges(s, "flyway_schema_history")).isEqualTo("SELECT");
        }
    }

    @Test
    void a_table_that_a_later_migration_creates_is_insert_only_for_the_service_role_unless_it_grants_more()
            throws SQLException {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE later_insert_only (id bigint PRIMARY KEY)");
            assertThat(privileges(s, "later_insert_only")).isEqualTo("SELECT INSERT");
            c.rollback();
        }
    }

    @Test
    void the_start_up_check_passes_the_service_role_and_names_what_makes_the_owner_too_powerful() throws SQLException {
        Config config = ConfigProvider.getConfig();
        try (Connection c = connectAsService()) {
            assertThat(ConnectionPrivileges.tooPowerfulBecause(c)).isEmpty();
        }
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class))) {
            assertThat(ConnectionPrivileges.tooPowerfulBecause(c)).hasValueSatisfying(reason -> assertThat(reason)
                    .startsWith("role " + config.getValue("quarkus.flyway.username", String.class)
                            + " owns, or acts as the owner of, "));
        }
    }

    private static Connection connectAsService() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static void assertDenied(Statement s, String sql, String message) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    /** The table privileges {@code jcm_settlement} holds, of SELECT, INSERT, UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES. */
    private static String privileges(Statement s, String table) throws SQLException {
        return String.join(" ", strings(s, "SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',"
                + " 'TRIGGER', 'REFERENCES']) WITH ORDINALITY AS t(p, i)"
                + " WHERE has_table_privilege('jcm_settlement', '" + table + "', p) ORDER BY i"));
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
