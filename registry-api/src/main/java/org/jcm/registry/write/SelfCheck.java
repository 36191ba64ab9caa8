package org.jcm.registry.write;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jboss.logging.Logger;
import org.jcm.registry.write.store.TreeAnchor;

/**
 * The writer checks itself: every {@code jcm.writer.self-check-interval} it compares what
 * PostgreSQL holds with what it committed and signed. The stored tail must be its committed head
 * (seq and hash: an entry rewritten with every later hash recomputed changes the head's hash, a
 * deleted tail or a row added behind its back changes the seq), and the latest checkpoint it signed
 * must still be stored with the same root. A mismatch puts the writer in FAILED: it applies nothing
 * more until an operator has looked (docs/transparency-log.md, "The writer checks itself").
 * Writer thread only.
 */
final class SelfCheck {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private final long intervalNanos;
    private final WriterSession session;
    private final WriterView view;
    private final WriterMetrics metrics;
    private final CheckpointAnchor anchor;
    private long nextCheck;

    SelfCheck(WriterConfig config, WriterSession session, WriterView view, WriterMetrics metrics, CheckpointAnchor anchor) {
        this.intervalNanos = config.selfCheckInterval().toNanos();
        this.session = session;
        this.view = view;
        this.metrics = metrics;
        this.anchor = anchor;
        this.nextCheck = System.nanoTime() + intervalNanos;
    }

    /** Checks if the interval has passed since the last check; costs one clock read otherwise. */
    void check() {
        long now = System.nanoTime();
        if (now - nextCheck < 0 || view.status() != WriterStatus.ACTIVE) {
            return;
        }
        nextCheck = now + intervalNanos;
        try {
            String mismatch = tailMismatch();
            if (mismatch == null) {
                mismatch = checkpointMismatch();
            }
            session.connection.commit();
            if (mismatch != null) {
                LOG.errorf("The writer's self-check failed; it applies nothing more: %s", mismatch);
                metrics.selfCheckFailed();
                view.set(WriterStatus.FAILED, "self-check: " + mismatch);
            }
        } catch (SQLException e) {
            // Not a finding: the next batch or check meets the same connection and rebuilds if it is broken.
            LOG.warnf("The writer's self-check could not read PostgreSQL: %s", e.getMessage());
            session.rollback();
        }
    }

    private String tailMismatch() throws SQLException {
        long committed = view.committedSeq();
        try (PreparedStatement select = session.connection.prepareStatement(
                "SELECT seq, hash FROM ledger_event ORDER BY seq DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            long storedSeq = row.next() ? row.getLong(1) : 0;
            byte[] storedHash = storedSeq == 0 ? null : row.getBytes(2);
            if (storedSeq != committed) {
                return "ledger_event ends at seq " + storedSeq + ", the writer committed up to seq " + committed;
            }
            if (committed > 0 && !Arrays.equals(storedHash, view.committedHead())) {
                return "the stored hash of seq " + committed + " is " + HexFormat.of().formatHex(storedHash)
                        + ", the writer committed " + HexFormat.of().formatHex(view.committedHead())
                        + "; history before it was rewritten";
            }
            return null;
        }
    }

    private String checkpointMismatch() throws SQLException {
        TreeAnchor signed = anchor.lastSigned();
        if (signed == null) {
            return null;
        }
        try (PreparedStatement select = session.connection.prepareStatement(
                "SELECT root_hash FROM ledger_checkpoint WHERE tree_size = ?")) {
            select.setLong(1, signed.size());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return "checkpoint " + signed.size() + ", which this writer signed, is no longer stored";
                }
                if (!Arrays.equals(row.getBytes(1), signed.root())) {
                    return "the stored root of checkpoint " + signed.size() + " is not the one this writer signed";
                }
                return null;
            }
        }
    }
}
