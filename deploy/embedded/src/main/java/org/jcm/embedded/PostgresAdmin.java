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

/**
 * Administrative SQL on an embedded server, run as its superuser: creating roles and databases
 * and checking which server answers.
 */
final class PostgresAdmin {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String UNIQUE_VIOLATION = "23505";

    private PostgresAdmin() {
    }

    /** Refuses names that are not plain lower-case identifiers, so they can be spliced into SQL. */
    static String checkName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database and role names are lower-case identifiers: " + name);
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

    /**
     * Creates a service's database owned by the roles' owner, creating both roles (LOGIN, neither
     * superuser nor able to create databases or roles) unless they exist. A database that exists
     * already is handed to the owner with everything in its public schema, so that a data
     * directory made before the roles existed keeps working.
     */
    static void createServiceDatabase(int port, String name, DatabaseRoles roles) {
        checkName(name);
        createRole(port, roles.owner());
        createRole(port, roles.service());
        try (Connection connection = connectToMaintenance(port)) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    // Both names passed checkName, so splicing them into the statement is safe.
                    statement.execute("CREATE DATABASE " + name + " OWNER " + roles.owner());
                }
                return;
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + name, e);
            }
        }
        handOver(port, name, roles.owner());
    }

    /** Creates a login role unless it exists; a concurrent creation of the same role is fine. */
    static void createRole(int port, String role) {
        checkName(role);
        try (Connection connection = connectToMaintenance(port);
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement statement = connection.createStatement()) {
                // The embedded server trusts local connections; the password is for clients that send one.
                statement.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                        + " NOBYPASSRLS PASSWORD '" + EmbeddedPostgresServer.PASSWORD + "'");
            }
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create role " + role, e);
            }
        }
    }

    /**
     * Makes the role the owner of an existing database and of the tables, views, sequences and
     * functions of its public schema that another role owns.
     */
    private static void handOver(int port, String name, String owner) {
        PostgresDatabase database = new PostgresDatabase(port, name, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " OWNER TO " + owner);
            statement.execute("DO $$ DECLARE item record; BEGIN"
                    + " FOR item IN SELECT c.oid::regclass AS object FROM pg_class c"
                    + "   JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + "   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')"
                    + "   AND c.relowner <> '" + owner + "'::regrole LOOP"
                    + "  EXECUTE format('ALTER TABLE %s OWNER TO " + owner + "', item.object);"
                    + " END LOOP;"
                    + " FOR item IN SELECT p.oid::regprocedure AS object FROM pg_proc p"
                    + "   JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + "   WHERE n.nspname = 'public' AND p.prokind = 'f' AND p.proowner <> '" + owner + "'::regrole"
                    + "   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP"
                    + "  EXECUTE format('ALTER FUNCTION %s OWNER TO " + owner + "', item.object);"
                    + " END LOOP; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand database " + name + " over to " + owner, e);
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
