package org.jcm.registry.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jcm.registry.api.LedgerEntryJson;
import org.jcm.registry.write.TraceHeaders;
import org.jcm.registry.write.store.DatabaseRecovery;

/**
 * The outbox's side of PostgreSQL, on one connection of its own: the advisory lock that keeps
 * publishing to one instance, the committed events after a position (already rendered as the
 * entries the topic carries), and the recorded position ({@code outbox_position}).
 *
 * <p>Used by the publisher thread only, so nothing here is synchronised.
 */
final class OutboxDatabase implements AutoCloseable {

    /** Logged under the publisher's category, as all of the outbox's thread is. */
    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    /** One event ready to send: its seq, the entry's bytes and the trace context it was written with (or null). */
    record Pending(long seq, byte[] value, TraceHeaders trace) {
    }

    private final OutboxPublisher.ConnectionFactory database;
    private final String topic;
    private final String lockName;
    private Connection connection;

    OutboxDatabase(OutboxPublisher.ConnectionFactory database, String topic) {
        this.database = database;
        this.topic = topic;
        this.lockName = "jcm.outbox/" + topic;
    }

    /**
     * Connects if needed and tells whether the database is in recovery (a hot standby), where the
     * advisory lock is granted apart from the primary's and the position cannot be recorded.
     */
    boolean inRecovery() throws SQLException {
        connect();
        return DatabaseRecovery.inRecovery(connection);
    }

    /** Connects and takes the advisory lock if needed; false when another instance holds it. */
    boolean holdLock() throws SQLException {
        connect();
        // The lock belongs to the session, so it is held as long as this connection lives and is
        // released by PostgreSQL if this process dies; asking again while holding it is harmless
        // but would stack a second hold, hence the check of pg_locks first.
        try (PreparedStatement held = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))"
                + " WHERE NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
                + " AND granted)")) {
            held.setString(1, lockName);
            try (ResultSet rows = held.executeQuery()) {
                return !rows.next() || rows.getBoolean(1);
            }
        }
    }

    private void connect() throws SQLException {
        if (connection == null) {
            Connection opened = database.open();
            opened.setAutoCommit(true);
            // The position is a restart point, not a record of truth: if the last update is lost in
            // a crash, events are sent again (same bytes), which consumers drop. So the update need
            // not wait for its WAL flush, which saves a disk round trip per batch.
            try (Statement s = opened.createStatement()) {
                s.execute("SET synchronous_commit = off");
            }
            connection = opened;
        }
    }

    /** At most {@code limit} events after {@code after}, in seq order, stopping before a gap. */
    List<Pending> readBatch(long after, int limit) throws SQLException {
        List<Pending> batch = new ArrayList<>(Math.min(limit, 1024));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, prev_hash, hash, event_json, traceparent, tracestate FROM ledger_event WHERE seq > ?"
                        + " ORDER BY seq LIMIT ?")) {
            query.setLong(1, after);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                long expected = after + 1;
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    if (seq != expected) {
                        // The single writer commits in seq order, so a gap means a damaged log; publishing
                        // past it would skip an event for good. Stop here and keep retrying loudly.
                        if (batch.isEmpty()) {
                            throw new IllegalStateException("ledger_event has no seq " + expected + " but has " + seq
                                    + "; the outbox will not skip it");
                        }
                        break;
                    }
                    batch.add(new Pending(seq, LedgerEntryJson.bytes(seq, rows.getBytes(2), rows.getBytes(3), rows.getString(4)),
                            TraceHeaders.validated(rows.getString(5), rows.getString(6))));
                    expected++;
                }
            }
        }
        return batch;
    }

    /** The recorded position of the topic, created at 0 the first time. */
    long readPosition() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_position (topic, last_seq) VALUES (?, 0) ON CONFLICT (topic) DO NOTHING")) {
            insert.setString(1, topic);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT last_seq FROM outbox_position WHERE topic = ?")) {
            select.setString(1, topic);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Moves the recorded position forward to {@code seq}. */
    void recordPosition(long seq) throws SQLException {
        // Forward only: an operator who rewinds the position on purpose does so in the table, and
        // a publisher that lost its lock to another must not undo what that one recorded.
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_position SET last_seq = ?, updated_at = now() WHERE topic = ? AND last_seq < ?")) {
            update.setLong(1, seq);
            update.setString(2, topic);
            update.setLong(3, seq);
            update.executeUpdate();
        }
    }

    /** Closes the connection, which releases the lock; the next {@link #holdLock()} connects again. */
    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the outbox connection failed", e);
            }
            connection = null;
        }
    }
}
