package org.jcm.registry.write.store;

import org.jcm.ledger.proof.LeafHashes;
import org.jcm.ledger.proof.TreeEdge;

/**
 * The transparency log's tree as the loader computed it from every stored entry while replaying:
 * its right edge at the head; its right edge at the signed checkpoint it was checked against (empty
 * if none), or null if the leaves were not kept ({@link #collected()}); and the leaf hashes after the
 * checkpoint (the entries no checkpoint covers yet, whose tiles the checkpointer still has to write),
 * packed 32 bytes per entry. The leaves are handed over, not copied: whoever receives the tree owns them.
 */
public record LoadedTree(TreeEdge edge, TreeEdge anchorEdge, LeafHashes leavesAfterAnchor) {

    public LoadedTree {
        edge = edge.copy();
        anchorEdge = anchorEdge == null ? null : anchorEdge.copy();
        if (anchorEdge != null && anchorEdge.size() + leavesAfterAnchor.size() != edge.size()) {
            throw new IllegalArgumentException("a tree of " + edge.size() + " entries checked at " + anchorEdge.size()
                    + " has " + (edge.size() - anchorEdge.size()) + " later leaves, not " + leavesAfterAnchor.size());
        }
    }

    /** A tree whose leaves were not kept (no checkpointer wants them). */
    static LoadedTree uncollected(TreeEdge edge) {
        return new LoadedTree(edge, null, new LeafHashes());
    }

    /** Whether the leaves after the anchor were kept. */
    public boolean collected() {
        return anchorEdge != null;
    }

    /** The size of the signed checkpoint the tree was checked against: 0 if none, -1 if the leaves were not kept. */
    public long anchorSize() {
        return anchorEdge == null ? -1 : anchorEdge.size();
    }

    /** The tree of an empty ledger. */
    public static LoadedTree empty() {
        return new LoadedTree(TreeEdge.empty(), TreeEdge.empty(), new LeafHashes());
    }
}
