package org.jcm.registry.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jcm.embedded.EmbeddedPostgresServer;

/**
 * Connects to the running service's database directly, bypassing the application, as one of the
 * three parties of docs/security.md, "Database roles":
 * <ul>
 *   <li>{@link #connectToService()}: someone holding the service's own credentials (the service
 *       role): reads everything, appends events, changes live tables, but cannot change history;</li>
 *   <li>{@link #connectAsOwner()}: someone holding the owner's credentials (the role Flyway runs
 *       as): may {@code ALTER TABLE ledger_event DISABLE TRIGGER} and then rewrite events;</li>
 *   <li>{@link #connectAsSuperuser()}: someone holding the server's superuser credentials: may
 *       also {@code SET session_replication_role = replica}, which silences every trigger.</li>
 * </ul>
 * Tests that tamper with history must say which of them they play.
 */
public final class Databases {

    private Databases() {
    }

    /** A new connection to the service's database as the service role, the role the running service uses. */
    public static Connection connectToService() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(serviceJdbcUrl(),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** A new connection to the service's database as its owner, the role the migrations run as. */
    public static Connection connectAsOwner() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(serviceJdbcUrl(),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    /** A new connection to the service's database as the embedded server's superuser. */
    public static Connection connectAsSuperuser() throws SQLException {
        return DriverManager.getConnection(serviceJdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    /**
     * Waits until the service's outbox publisher has recorded {@code seq} as acknowledged by
     * Kafka, so that a test may change stored events without the publisher sending the changed bytes.
     */
    public static void awaitPublished(long seq) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> publishedSeq() >= seq);
    }

    /** The last seq the service's outbox recorded for the ledger-stream tests' topic, 0 if none. */
    public static long publishedSeq() throws SQLException {
        try (Connection c = connectToService(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT coalesce(max(last_seq), 0) FROM outbox_position"
                     + " WHERE topic = '" + LedgerStreamProfile.TOPIC + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The JDBC URL of the database the running service uses. */
    public static String serviceJdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    /**
     * Rewrites a stored event's JSON as someone holding the owner's credentials could: the
     * append-only triggers refuse an UPDATE, so the owner disables them for the moment, then restores
     * them; the hash column is left as it was. The service role can do neither (DatabaseRolesTest).
     */
    public static void rewriteEventAsOwner(long seq, String eventJson) throws SQLException {
        try (Connection c = connectAsOwner()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                 PreparedStatement update = c.prepareStatement("UPDATE ledger_event SET event_json = ? WHERE seq = ?")) {
                s.execute("ALTER TABLE ledger_event DISABLE TRIGGER ledger_event_no_update_or_delete");
                update.setString(1, eventJson);
                update.setLong(2, seq);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("no stored event with seq " + seq);
                }
                s.execute("ALTER TABLE ledger_event ENABLE TRIGGER ledger_event_no_update_or_delete");
            }
            c.commit();
        }
    }
}
