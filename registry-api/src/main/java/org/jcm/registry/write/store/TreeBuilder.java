package org.jcm.registry.write.store;

import java.util.Arrays;
import java.util.HexFormat;
import org.jcm.ledger.proof.LeafHashes;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.TreeEdge;

/**
 * Builds the transparency log's tree while the loader replays the entries, and checks it against
 * the latest signed checkpoint: when the tree reaches the checkpoint's size its root must be the
 * signed one, and the ledger must reach that size. An entry rewritten in PostgreSQL, with every
 * later chain hash recomputed so that the chain still holds, changes the root; a deleted tail leaves
 * the tree short. Either way the writer refuses the ledger.
 */
final class TreeBuilder {

    private final TreeAnchor anchor;
    private final boolean collect;
    private final TreeEdge edge = TreeEdge.empty();
    private final LeafHashes leavesAfterAnchor = new LeafHashes();
    private TreeEdge anchorEdge = TreeEdge.empty();

    /**
     * {@code collect}: keep the leaf hashes after the anchor (every leaf if there is none), which a
     * checkpointer needs to write the tiles no checkpoint covers yet; 32 bytes per such entry, packed.
     */
    TreeBuilder(TreeAnchor anchor, boolean collect) {
        this.anchor = anchor;
        this.collect = collect;
    }

    /** Adds the next entry's canonical bytes. */
    void append(byte[] canonicalEvent) throws LedgerVerificationException {
        byte[] leaf = MerkleHash.leaf(canonicalEvent);
        edge.append(leaf);
        if (anchor == null || edge.size() > anchor.size()) {
            if (collect) {
                leavesAfterAnchor.add(leaf);
            }
        } else if (edge.size() == anchor.size()) {
            if (!Arrays.equals(edge.root(), anchor.root())) {
                throw new LedgerVerificationException("the first " + anchor.size() + " entries of ledger_event do not hash to"
                        + " the root signed in " + anchor.source() + ": stored root " + HexFormat.of().formatHex(edge.root())
                        + ", signed " + HexFormat.of().formatHex(anchor.root()) + "; an entry was changed after it was signed");
            }
            anchorEdge = edge.copy();
        }
    }

    /** The tree over every entry; the ledger must hold at least the anchor's entries. */
    LoadedTree finish() throws LedgerVerificationException {
        if (anchor != null && edge.size() < anchor.size()) {
            throw new LedgerVerificationException("ledger_event holds " + edge.size() + " entries, but " + anchor.source()
                    + " signed " + anchor.size() + ": entries were deleted after they were signed");
        }
        return collect ? new LoadedTree(edge, anchorEdge, leavesAfterAnchor) : LoadedTree.uncollected(edge);
    }
}
