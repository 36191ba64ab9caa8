package org.jcm.ledger.proof;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole Merkle tree in memory: every complete node at every height, appended leaf by leaf. A
 * {@link NodeSource} for tests and for small trees; about 64 bytes of hashes per leaf.
 *
 * <p>Not thread-safe.
 */
public final class MemoryTree implements NodeSource {

    /** levels.get(h) holds the complete nodes of height h, left to right. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    /** Appends the leaf hash of the next entry and every node it completes. */
    public void append(byte[] leafHash) {
        MerkleHash.requireHash(leafHash, "leafHash");
        byte[] carry = leafHash.clone();
        for (int height = 0; ; height++) {
            if (levels.size() == height) {
                levels.add(new ArrayList<>());
            }
            List<byte[]> level = levels.get(height);
            level.add(carry);
            if (level.size() % 2 == 1) {
                return;
            }
            carry = MerkleHash.node(level.get(level.size() - 2), carry);
        }
    }

    /** Returns the number of leaves. */
    public long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    /** Returns the root hash of the whole tree. */
    public byte[] root() {
        return MerkleProofs.rootOf(this, size());
    }

    @Override
    public byte[] node(int height, long index) {
        if (height < 0 || height >= levels.size() || index < 0 || index >= levels.get(height).size()) {
            throw new IllegalArgumentException("no complete node at height " + height + ", index " + index
                    + " in a tree of size " + size());
        }
        return levels.get(height).get((int) index).clone();
    }
}
