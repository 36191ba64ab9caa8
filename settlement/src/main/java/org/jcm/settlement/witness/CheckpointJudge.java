package org.jcm.settlement.witness;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.MerkleProofs;

/**
 * Compares a checkpoint whose signature and origin are verified with the witness's own tree and with
 * the latest checkpoint it cosigned, in the caller's transaction (docs/settlement.md, "The witness").
 */
final class CheckpointJudge {

    private CheckpointJudge() {
    }

    /**
     * The verdict on a checkpoint: a duplicate of a cosigned one; a conflicting second checkpoint for a
     * cosigned size; a rollback below the latest cosigned size; a wait while the tree is smaller; a
     * root that differs from the tree's at that size; or, checked with the tree's own consistency
     * proof, agreement with the latest cosigned checkpoint.
     */
    static Verdict judge(Connection connection, String ledgerId, Checkpoint checkpoint) throws SQLException {
        long size = checkpoint.size();
        Optional<CosignedCheckpoint> same = WitnessStore.cosigned(connection, size);
        if (same.isPresent()) {
            if (MessageDigest.isEqual(same.get().rootHash(), checkpoint.root())) {
                return Verdict.of(Verdict.Kind.DUPLICATE);
            }
            return Verdict.disagree(Reason.CONFLICTING_CHECKPOINT, "a second checkpoint for tree size " + size
                    + " has root " + base64(checkpoint.root()) + "; the witness cosigned root "
                    + base64(same.get().rootHash()));
        }
        Optional<CosignedCheckpoint> previous = WitnessStore.latest(connection);
        if (previous.isPresent() && previous.get().treeSize() > size) {
            return Verdict.disagree(Reason.ROLLBACK, "the checkpoint's tree size " + size + " is below "
                    + previous.get().treeSize() + ", the size of the latest checkpoint the witness cosigned");
        }
        long treeSize = TreeStore.size(connection, ledgerId);
        if (treeSize < size) {
            return Verdict.of(Verdict.Kind.WAIT);
        }
        byte[] own = TreeStore.root(connection, size);
        if (!MessageDigest.isEqual(own, checkpoint.root())) {
            return Verdict.disagree(Reason.ROOT_MISMATCH, "the checkpoint of tree size " + size + " has root "
                    + base64(checkpoint.root()) + " but the entries the witness consumed give root " + base64(own));
        }
        if (previous.isPresent()) {
            return consistency(connection, previous.get(), checkpoint);
        }
        return Verdict.of(Verdict.Kind.AGREE);
    }

    /**
     * Checks the checkpoint against the previous cosigned one: the tree's root at the previous size is
     * the root cosigned then, and the consistency proof between the two sizes, taken from the tree,
     * verifies from the cosigned root to the new one. Both hold unless the tree itself changed.
     */
    private static Verdict consistency(Connection connection, CosignedCheckpoint previous, Checkpoint checkpoint) {
        long m = previous.treeSize();
        long n = checkpoint.size();
        byte[] ownAtM = TreeStore.root(connection, m);
        if (!MessageDigest.isEqual(ownAtM, previous.rootHash())) {
            return Verdict.disagree(Reason.INCONSISTENT, "the witness cosigned root " + base64(previous.rootHash())
                    + " at tree size " + m + ", but its tree now gives " + base64(ownAtM));
        }
        List<byte[]> proof = TreeStore.consistency(connection, m, n);
        if (!MerkleProofs.verifyConsistency(m, n, previous.rootHash(), checkpoint.root(), proof)) {
            return Verdict.disagree(Reason.INCONSISTENT, "the consistency proof from tree size " + m + " to " + n
                    + " does not verify");
        }
        return Verdict.of(Verdict.Kind.AGREE);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
