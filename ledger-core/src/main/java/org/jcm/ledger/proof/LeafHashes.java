package org.jcm.ledger.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A queue of leaf hashes packed 32 bytes each into chunks, for the leaves no checkpoint covers yet:
 * a million pending entries take 32 MiB, not the four times more that a list of arrays takes. Leaves
 * are appended at the end and dropped from the front once a checkpoint covers them. Not thread-safe.
 */
public final class LeafHashes {

    private static final int HASH = MerkleHash.HASH_BYTES;
    private static final int PER_CHUNK = 4096;

    private final List<byte[]> chunks = new ArrayList<>();
    /** Leaves already dropped from the first chunk. */
    private int dropped;
    private long size;

    /** Appends a 32-byte leaf hash. */
    public void add(byte[] leafHash) {
        if (leafHash.length != HASH) {
            throw new IllegalArgumentException("a leaf hash has " + HASH + " bytes, not " + leafHash.length);
        }
        long slot = dropped + size;
        if (slot == (long) chunks.size() * PER_CHUNK) {
            chunks.add(new byte[PER_CHUNK * HASH]);
        }
        System.arraycopy(leafHash, 0, chunks.get((int) (slot / PER_CHUNK)), (int) (slot % PER_CHUNK) * HASH, HASH);
        size++;
    }

    /** The {@code index}-th hash still held (0 is the oldest), as a new array. */
    public byte[] get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("leaf " + index + " of " + size);
        }
        long slot = dropped + index;
        int offset = (int) (slot % PER_CHUNK) * HASH;
        return Arrays.copyOfRange(chunks.get((int) (slot / PER_CHUNK)), offset, offset + HASH);
    }

    /** Drops the oldest {@code count} hashes, freeing the chunks they filled. */
    public void dropFirst(long count) {
        if (count < 0 || count > size) {
            throw new IllegalArgumentException("cannot drop " + count + " of " + size + " leaves");
        }
        long first = dropped + count;
        int freedChunks = (int) (first / PER_CHUNK);
        chunks.subList(0, Math.min(freedChunks, chunks.size())).clear();
        dropped = (int) (first % PER_CHUNK);
        size -= count;
        if (size == 0) {
            chunks.clear();
            dropped = 0;
        }
    }

    /** Drops every hash. */
    public void clear() {
        dropFirst(size);
    }

    public long size() {
        return size;
    }

    /** Bytes held in chunks, for the operator's estimate of memory. */
    public long retainedBytes() {
        return (long) chunks.size() * PER_CHUNK * HASH;
    }
}
