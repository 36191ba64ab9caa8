package org.jcm.registry.write.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a connection reaches a PostgreSQL server in recovery: a hot standby (such as the read
 * replicas' {@code jcm-pg-ro}) or a server still replaying WAL. Such a server grants advisory
 * locks of its own, apart from the primary's, so the lock that keeps the ledger writer and the
 * outbox publisher to one instance proves nothing there: both ask this first and refuse to run
 * while it is true, and ask again later, so that a promoted standby becomes usable
 * (docs/operations.md, "DATABASE_IN_RECOVERY").
 */
public final class DatabaseRecovery {

    /** The state the writer and the publisher report while their database is in recovery. */
    public static final String STATE = "DATABASE_IN_RECOVERY";

    private DatabaseRecovery() {
    }

    /**
     * {@code SELECT pg_is_in_recovery()} on {@code connection}; a connection that is not in
     * auto-commit mode is rolled back afterwards, so that no transaction stays open on a standby.
     */
    public static boolean inRecovery(Connection connection) throws SQLException {
        boolean recovering;
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT pg_is_in_recovery()")) {
            row.next();
            recovering = row.getBoolean(1);
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        return recovering;
    }

    /** The sentence health checks, logs and 503 details give for {@code who} (the ledger writer, say). */
    public static String detail(String who) {
        return "the database is in recovery (a hot standby: pg_is_in_recovery() is true), so " + who
                + " neither takes its lock nor writes; it checks again until the database is promoted";
    }
}
