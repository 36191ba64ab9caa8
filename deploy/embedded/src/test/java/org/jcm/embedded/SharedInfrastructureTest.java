package org.jcm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Tests that the per-JVM holder starts each server once and hands out extra databases. */
class SharedInfrastructureTest {

    @Test
    void the_shared_servers_are_started_once_per_jvm() {
        assertThat(SharedInfrastructure.postgres()).isSameAs(SharedInfrastructure.postgres());
        assertThat(SharedInfrastructure.kafka()).isSameAs(SharedInfrastructure.kafka());
        assertThat(SharedInfrastructure.kafka().isRunning()).isTrue();
    }

    @Test
    void a_service_gets_its_own_database_on_the_shared_server() throws Exception {
        PostgresDatabase settlement = SharedInfrastructure.database("settlement");

        assertThat(settlement.port()).isEqualTo(SharedInfrastructure.postgres().port());
        assertThat(settlement.jdbcUrl()).endsWith("/settlement");
        try (Connection connection = DriverManager.getConnection(settlement.jdbcUrl(), settlement.user(), settlement.password());
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("settlement");
        }
    }
}
