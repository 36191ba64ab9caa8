package org.jcm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests that a service's database is owned by its owner role and reachable as its service role. */
class ServiceDatabaseTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("test_owner", "test_service");

    @Test
    void a_service_database_is_owned_by_the_owner_and_neither_role_is_privileged() throws SQLException {
        ServiceDatabase database = SharedInfrastructure.serviceDatabase("roles_fresh", ROLES);

        assertThat(database.name()).isEqualTo("roles_fresh");
        assertThat(database.roles()).isEqualTo(ROLES);
        try (Connection connection = connect(database.superuser()); Statement sql = connection.createStatement()) {
            assertThat(strings(sql, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'roles_fresh'"))
                    .containsExactly("test_owner");
            assertThat(strings(sql, "SELECT rolname || ':' || rolsuper || rolcreatedb || rolcreaterole || rolcanlogin"
                    + " FROM pg_roles WHERE rolname IN ('test_owner', 'test_service') ORDER BY rolname"))
                    .containsExactly("test_owner:falsefalsefalsetrue", "test_service:falsefalsefalsetrue");
        }
        try (Connection connection = connect(database.service()); Statement sql = connection.createStatement()) {
            assertThat(strings(sql, "SELECT current_user")).containsExactly("test_service");
        }
    }

    @Test
    void the_owner_creates_tables_and_the_service_role_cannot_touch_them_without_a_grant() throws SQLException {
        ServiceDatabase database = SharedInfrastructure.serviceDatabase("roles_grants", ROLES);
        try (Connection connection = connect(database.owner()); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS owned (id int)");
        }
        try (Connection connection = connect(database.service()); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("SELECT * FROM owned"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for table owned");
        }
    }

    @Test
    void a_database_made_before_the_roles_is_handed_over_to_the_owner_with_its_tables_and_functions()
            throws SQLException {
        PostgresDatabase old = SharedInfrastructure.database("roles_adopted");
        try (Connection connection = connect(old); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS legacy (id int)");
            sql.execute("CREATE OR REPLACE VIEW legacy_view AS SELECT id FROM legacy");
            sql.execute("CREATE OR REPLACE FUNCTION legacy_function() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        }

        ServiceDatabase database = SharedInfrastructure.serviceDatabase("roles_adopted", ROLES);

        try (Connection connection = connect(database.superuser()); Statement sql = connection.createStatement()) {
            assertThat(strings(sql, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'roles_adopted'"))
                    .containsExactly("test_owner");
            assertThat(strings(sql, "SELECT relname || ':' || pg_get_userbyid(relowner) FROM pg_class"
                    + " WHERE relname IN ('legacy', 'legacy_view') ORDER BY relname"))
                    .containsExactly("legacy:test_owner", "legacy_view:test_owner");
            assertThat(strings(sql, "SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'legacy_function'"))
                    .containsExactly("test_owner");
        }
    }

    @Test
    void creating_a_service_database_twice_is_harmless_and_roles_must_differ() {
        ServiceDatabase first = SharedInfrastructure.serviceDatabase("roles_twice", ROLES);
        ServiceDatabase second = SharedInfrastructure.serviceDatabase("roles_twice", ROLES);

        assertThat(second).isEqualTo(first);
        assertThat(first.quarkusProperties()).containsEntry("quarkus.datasource.username", "test_service")
                .containsEntry("quarkus.flyway.username", "test_owner")
                .containsEntry("quarkus.datasource.jdbc.url", first.service().jdbcUrl());
        assertThat(first.quarkusEnvironment()).containsEntry("QUARKUS_DATASOURCE_USERNAME", "test_service")
                .containsEntry("QUARKUS_FLYWAY_USERNAME", "test_owner");
        assertThatThrownBy(() -> new DatabaseRoles("same", "same")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseRoles("Owner", "service")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Connection connect(PostgresDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
