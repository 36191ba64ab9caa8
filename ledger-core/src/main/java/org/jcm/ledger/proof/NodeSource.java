package org.jcm.ledger.proof;

/**
 * Where the proofs read the tree's nodes from: in memory ({@link MemoryTree}), from tiles
 * ({@link TileNodeSource}), or anything else that stores them.
 */
@FunctionalInterface
public interface NodeSource {

    /**
     * Returns the hash of the complete subtree of {@code 2^height} leaves that starts at leaf
     * {@code index * 2^height}: at height 0 the leaf hash of leaf {@code index}, at height 1 the node
     * over leaves {@code 2*index} and {@code 2*index+1}, and so on.
     *
     * <p>Only complete subtrees are ever asked for; callers never ask for a node that extends past the
     * tree size they work with.
     */
    byte[] node(int height, long index);
}
