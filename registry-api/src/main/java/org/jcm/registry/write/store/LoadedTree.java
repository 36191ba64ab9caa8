package org.jcm.registry.write.store;

import java.util.List;
import org.jcm.ledger.proof.TreeEdge;

/**
 * The transparency log's tree as the loader computed it from every stored entry while replaying:
 * its right edge at the head, the size of the signed checkpoint it was checked against (0 if none;
 * -1 if the leaves were not kept, {@link #collected()}), and the leaf hashes after that size (the entries no checkpoint covers yet, whose tiles the
 * checkpointer still has to write). 32 bytes per entry not yet checkpointed.
 */
public record LoadedTree(TreeEdge edge, long anchorSize, List<byte[]> leavesAfterAnchor) {

    public LoadedTree {
        edge = edge.copy();
        leavesAfterAnchor = List.copyOf(leavesAfterAnchor);
        if (anchorSize >= 0 && anchorSize + leavesAfterAnchor.size() != edge.size()) {
            throw new IllegalArgumentException("a tree of " + edge.size() + " entries checked at " + anchorSize + " has "
                    + (edge.size() - anchorSize) + " later leaves, not " + leavesAfterAnchor.size());
        }
    }

    /** A tree whose leaves were not kept (no checkpointer wants them): anchor size -1, no leaves. */
    static LoadedTree uncollected(TreeEdge edge) {
        return new LoadedTree(edge, -1, List.of());
    }

    /** Whether the leaves after the anchor were kept. */
    public boolean collected() {
        return anchorSize >= 0;
    }

    /** The tree of an empty ledger. */
    public static LoadedTree empty() {
        return new LoadedTree(TreeEdge.empty(), 0, List.of());
    }
}
