package org.jcm.registry.verify;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.TreeEdge;
import org.jcm.registry.api.VerificationReport.Divergence;

/**
 * The stored checkpoints against the replayed entries (docs/transparency-log.md): while the
 * verifier walks the log, the RFC 9162 tree grows with each entry's canonical bytes, and at each
 * checkpoint's size its root must be the stored one; no checkpoint may cover more entries than the
 * log holds. Signatures are not checked here (the writer checks them at activation, and
 * docs/verify-ledger.py with the log's published key): a stored root that the entries match is
 * what this check is about.
 */
final class CheckpointRoots {

    private record Stored(long size, byte[] root) {
    }

    private final Deque<Stored> remaining = new ArrayDeque<>();
    private final TreeEdge edge = TreeEdge.empty();
    private long checked;

    private CheckpointRoots() {
    }

    /** Reads every stored checkpoint's size and root, in size order. */
    static CheckpointRoots load(Connection connection) throws SQLException {
        CheckpointRoots roots = new CheckpointRoots();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT tree_size, root_hash FROM ledger_checkpoint ORDER BY tree_size");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                roots.remaining.add(new Stored(rows.getLong(1), rows.getBytes(2)));
            }
        }
        return roots;
    }

    /** Adds the next entry; a divergence if it completes a checkpoint whose root differs. */
    Divergence append(long seq, String eventJson) {
        edge.append(MerkleHash.leaf(eventJson.getBytes(StandardCharsets.UTF_8)));
        Stored next = remaining.peekFirst();
        if (next == null || next.size != edge.size()) {
            return null;
        }
        remaining.removeFirst();
        checked++;
        byte[] root = edge.root();
        if (!Arrays.equals(root, next.root)) {
            return new Divergence("CHECKPOINT", "ROOT_MISMATCH", seq, "ledger_checkpoint", Long.toString(next.size),
                    "root_hash", HexFormat.of().formatHex(root), HexFormat.of().formatHex(next.root),
                    "The first " + next.size + " entries do not hash to the root of checkpoint " + next.size
                            + ": an entry was changed after it was checkpointed, or the checkpoint was.");
        }
        return null;
    }

    /** After the last entry: a divergence if a checkpoint covers entries the log does not hold. */
    Divergence finish(long lastSeq) {
        Stored beyond = remaining.peekFirst();
        if (beyond == null) {
            return null;
        }
        return new Divergence("CHECKPOINT", "ENTRIES_MISSING", null, "ledger_checkpoint", Long.toString(beyond.size),
                "tree_size", Long.toString(beyond.size), Long.toString(lastSeq),
                "Checkpoint " + beyond.size + " covers " + beyond.size + " entries; the log holds " + lastSeq
                        + ": entries were deleted after they were checkpointed.");
    }

    /** How many checkpoints matched. */
    long checked() {
        return checked;
    }
}
