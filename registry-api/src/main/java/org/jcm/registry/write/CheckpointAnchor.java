package org.jcm.registry.write;

import java.sql.Connection;
import java.sql.SQLException;
import org.jcm.registry.write.store.LedgerVerificationException;
import org.jcm.registry.write.store.LoadedTree;
import org.jcm.registry.write.store.TreeAnchor;

/**
 * What the writer asks of the transparency log (docs/transparency-log.md), which signs checkpoints
 * of what the writer committed: before it replays, the latest signed checkpoint the stored ledger
 * must match; after, the tree it computed, so that checkpoints continue from it; at every
 * self-check, the latest checkpoint this instance signed. It also hears of every committed batch.
 * Writer thread only, for every method but {@link #committed}, which must not block either.
 */
public interface CheckpointAnchor extends CommitListener {

    /**
     * The latest checkpoint stored in PostgreSQL with a valid signature of this log's key, or null
     * if none (a new ledger, or checkpoints disabled).
     *
     * @throws LedgerVerificationException if a stored checkpoint is not signed by this log's key
     */
    TreeAnchor latest(Connection connection) throws SQLException, LedgerVerificationException;

    /** The writer replayed and checked the ledger; {@code tree} covers every stored entry. */
    void activated(LoadedTree tree);

    /** The latest checkpoint this instance signed and stored, or null if none yet. */
    TreeAnchor lastSigned();

    /** Whether the writer keeps the leaf hashes no checkpoint covers yet while it replays (a checkpointer needs them). */
    boolean wantsLeaves();

    /** No transparency log: nothing to check, nothing signed. */
    CheckpointAnchor NONE = new CheckpointAnchor() {
        @Override
        public TreeAnchor latest(Connection connection) {
            return null;
        }

        @Override
        public void activated(LoadedTree tree) {
        }

        @Override
        public TreeAnchor lastSigned() {
            return null;
        }

        @Override
        public boolean wantsLeaves() {
            return false;
        }

        @Override
        public void committed(CommittedBatch batch) {
        }
    };
}
