package org.jcm.ledger.proof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * RFC 9162 section 2.1 hashing: a leaf is {@code SHA-256(0x00 || leaf)}, an interior node is
 * {@code SHA-256(0x01 || left || right)}, and the empty tree's root is {@code SHA-256("")}.
 *
 * <p>The different prefixes for leaves and nodes keep a leaf from ever being passed off as a node
 * (second-preimage resistance of the tree). All methods are thread-safe; each thread reuses one
 * {@link MessageDigest}.
 */
public final class MerkleHash {

    /** The length of every hash in the tree, in bytes. */
    public static final int HASH_BYTES = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(MerkleHash::newSha256);

    private MerkleHash() {
    }

    /**
     * Returns the root of the empty tree, SHA-256 of no bytes, as a fresh array.
     *
     * <p>A method rather than a shared constant, because a shared array could be overwritten by any
     * caller. No checkpoint of size 0 is ever signed; this exists for completeness of
     * {@link MerkleProofs#rootOf} and {@link TreeEdge#root}.
     */
    public static byte[] emptyRoot() {
        return SHA_256.get().digest();
    }

    /** Returns the leaf hash {@code SHA-256(0x00 || leaf)} of an entry's bytes. */
    public static byte[] leaf(byte[] leaf) {
        Objects.requireNonNull(leaf, "leaf");
        MessageDigest sha256 = SHA_256.get();
        sha256.update(LEAF_PREFIX);
        sha256.update(leaf);
        return sha256.digest();
    }

    /** Returns the interior node hash {@code SHA-256(0x01 || left || right)} of two 32-byte hashes. */
    public static byte[] node(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest sha256 = SHA_256.get();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** Returns SHA-256 of the bytes, for key IDs and other plain digests in this package. */
    static byte[] sha256(byte[]... parts) {
        MessageDigest sha256 = SHA_256.get();
        for (byte[] part : parts) {
            sha256.update(part);
        }
        return sha256.digest();
    }

    /** Throws IllegalArgumentException unless {@code hash} is exactly 32 bytes. */
    static void requireHash(byte[] hash, String what) {
        Objects.requireNonNull(hash, what);
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException(what + " must be " + HASH_BYTES + " bytes, got " + hash.length);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE implementation must provide SHA-256, so this is a broken runtime.
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
