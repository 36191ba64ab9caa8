package org.jcm.registry.write.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;

/**
 * The writer's JDBC access to PostgreSQL, on one dedicated connection that also holds the
 * single-writer advisory lock. It opens that connection and takes the lock; the work itself is done
 * by one class per seam: {@link LedgerLoader} (replay and verification at start-up),
 * {@link IdempotencyLookup} (the keys of a batch), {@link BatchStatements} (a batch's hot-path
 * statements and COMMIT) and {@link ReferenceRows} (the rare reference-table rows).
 */
public final class LedgerStore {

    private final String url;
    private final Properties properties;
    private final LedgerLoader loader;

    /** A store for the database at {@code jdbcUrl}. */
    public LedgerStore(String jdbcUrl, String user, String password, LedgerConfig ledgerConfig) {
        this.url = jdbcUrl;
        this.properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "registry-api ledger writer");
        properties.setProperty("tcpKeepAlive", "true");
        this.loader = new LedgerLoader(ledgerConfig);
    }

    /** Opens the writer's connection (transactions, not auto-commit). */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Tries to take the single-writer session lock on {@code connection}; it is held until the session ends. */
    public boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                boolean locked = row.getBoolean(1);
                connection.commit();
                return locked;
            }
        }
    }

    /**
     * Replays {@code ledger_event} in sequence order through ledger-core, checking that seq is
     * gapless and every hash matches; then, if {@code verifyBlocks}, checks that the stored live
     * blocks and accounts equal the replayed ones.
     */
    public LoadedLedger load(Connection connection, boolean verifyBlocks) throws SQLException, LedgerVerificationException {
        return loader.load(connection, verifyBlocks, null, false);
    }

    /**
     * Like {@link #load(Connection, boolean)}, and checks the entries against the latest signed
     * checkpoint ({@code anchor}, null if none), keeping the leaves it does not cover if
     * {@code collectLeaves}: see {@link TreeBuilder}.
     */
    public LoadedLedger load(Connection connection, boolean verifyBlocks, TreeAnchor anchor, boolean collectLeaves)
            throws SQLException, LedgerVerificationException {
        return loader.load(connection, verifyBlocks, anchor, collectLeaves);
    }

    /**
     * The stored outcomes of the given keys (absent keys have none). Does not end the transaction:
     * the writer's batch that follows commits it (or rolls it back), so the look-up costs one round
     * trip.
     */
    public Map<SubjectKey, StoredOutcome> findOutcomes(Connection connection, Collection<SubjectKey> keys) throws SQLException {
        return IdempotencyLookup.findOutcomes(connection, keys);
    }

    /**
     * Writes the batch in one transaction and commits it. On failure the transaction is rolled
     * back (if the connection still works) and the exception is rethrown; the caller must then
     * assume nothing about what was written and rebuild from the database.
     */
    public void persist(Connection connection, BatchRows rows) throws SQLException {
        BatchStatements.persist(connection, rows);
    }
}
