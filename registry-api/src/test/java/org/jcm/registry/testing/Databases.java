package org.jcm.registry.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Connects to the running service's database as a privileged operator would, bypassing the application. */
public final class Databases {

    private Databases() {
    }

    /** A new connection to the database the running service uses. */
    public static Connection connectToService() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
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
}
