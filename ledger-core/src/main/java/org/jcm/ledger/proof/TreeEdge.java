package org.jcm.ledger.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of a growing Merkle tree (a "compact range"): for a tree of size {@code n}, the roots
 * of the complete subtrees of its left-to-right decomposition, one per bit set in {@code n}, largest
 * first. That is all it takes to append leaves and to compute the root, in {@code O(log n)} memory.
 *
 * <p>For example, size 6 = 4 + 2 holds the root of leaves 0..3 and the root of leaves 4..5. Appending
 * leaf 6 adds a third hash; appending leaf 7 then merges the last two, and merges again with the
 * first, leaving the single root of leaves 0..7.
 *
 * <p>Not thread-safe: one writer owns an edge; hand out {@link #copy()} to others.
 */
public final class TreeEdge {

    private long size;
    private final List<byte[]> hashes;

    /** Returns the edge of the empty tree. */
    public static TreeEdge empty() {
        return new TreeEdge(0, List.of());
    }

    /**
     * Rebuilds an edge from its size and the hashes of the complete subtrees of the decomposition of
     * {@code size}, largest (leftmost) first.
     *
     * @throws IllegalArgumentException if the size is negative, the number of hashes is not the number
     *         of bits set in {@code size}, or a hash is not 32 bytes
     */
    public TreeEdge(long size, List<byte[]> hashes) {
        Objects.requireNonNull(hashes, "hashes");
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + size);
        }
        if (hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size)
                    + " complete subtrees on its edge, got " + hashes.size() + " hashes");
        }
        this.size = size;
        this.hashes = new ArrayList<>(hashes.size() + 1);
        for (byte[] hash : hashes) {
            MerkleHash.requireHash(hash, "an edge hash");
            this.hashes.add(hash.clone());
        }
    }

    /** Reads the edge of the tree of the given size from a node source (for example, from the tiles). */
    public static TreeEdge of(NodeSource source, long size) {
        Objects.requireNonNull(source, "source");
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + size);
        }
        List<byte[]> hashes = new ArrayList<>();
        long start = 0;
        for (int height = 63; height >= 0; height--) {
            if ((size >>> height & 1) == 1) {
                hashes.add(source.node(height, start >>> height));
                start += 1L << height;
            }
        }
        return new TreeEdge(size, hashes);
    }

    /** Appends the leaf hash of the next entry (leaf index = the size before the call). */
    public void append(byte[] leafHash) {
        MerkleHash.requireHash(leafHash, "leafHash");
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        byte[] carry = leafHash.clone();
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            carry = MerkleHash.node(hashes.remove(hashes.size() - 1), carry);
        }
        hashes.add(carry);
        size++;
    }

    /** Returns the number of leaves in the tree. */
    public long size() {
        return size;
    }

    /** Returns the tree's root hash: RFC 9162 MTH of all leaves so far ({@link MerkleHash#emptyRoot()} if none). */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(hashes.get(i), root);
        }
        return root.clone();
    }

    /** Returns copies of the hashes of the complete subtrees on the edge, largest first. */
    public List<byte[]> hashes() {
        List<byte[]> copies = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            copies.add(hash.clone());
        }
        return copies;
    }

    /** Returns an independent copy of this edge. */
    public TreeEdge copy() {
        return new TreeEdge(size, hashes);
    }
}
