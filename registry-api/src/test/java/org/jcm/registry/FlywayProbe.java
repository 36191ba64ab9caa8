package org.jcm.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;

/** Looks into the registry database over JDBC, as an operator would. */
final class FlywayProbe {

    private FlywayProbe() {
    }

    static boolean historyTableExists() {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
