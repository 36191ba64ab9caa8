package org.jcm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Administrative SQL on an embedded server: creating databases and checking which server answers. */
final class PostgresAdmin {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private PostgresAdmin() {
    }

    /** Refuses names that are not plain lower-case identifiers, so they can be spliced into SQL. */
    static String checkName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database names are lower-case identifiers: " + name);
        }
        return name;
    }

    /** Creates a database unless it exists; a concurrent creation of the same name is fine. */
    static void createDatabase(int port, String name) {
        checkName(name);
        try (Connection connection = connectToMaintenance(port)) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    // The name passed checkName, so splicing it into the statement is safe.
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + name, e);
            }
        }
    }

    /** Tells whether the server answering on the port is the one running on this data directory. */
    static boolean servesDirectory(int port, Path directory) {
        try (Connection connection = connectToMaintenance(port);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            return rows.next() && Path.of(rows.getString(1)).toRealPath().equals(directory.toRealPath());
        } catch (SQLException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection connectToMaintenance(int port) throws SQLException {
        PostgresDatabase maintenance = new PostgresDatabase(port, EmbeddedPostgresServer.MAINTENANCE_DATABASE,
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
        return DriverManager.getConnection(maintenance.jdbcUrl(), maintenance.user(), maintenance.password());
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
