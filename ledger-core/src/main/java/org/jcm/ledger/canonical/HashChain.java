package org.jcm.ledger.canonical;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The ledger's hash chain: {@code hash(n) = SHA-256(hash(n-1) || JCS(event n))} with
 * {@code hash(0)} = 32 zero bytes (docs/domain.md section 4, invariant 5), plus hex codecs and a verifier.
 *
 * <p>All methods are thread-safe. Each thread reuses one {@link MessageDigest}, because creating
 * one per event would dominate the cost of replaying a long log.
 */
public final class HashChain {

    /** The length of a SHA-256 hash in bytes. */
    public static final int HASH_BYTES = 32;

    /** The prevHash of the first entry in hex: 64 zeros. */
    public static final String ZERO_HEX = "0".repeat(2 * HASH_BYTES);

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(HashChain::newSha256);

    private HashChain() {
    }

    /**
     * Returns a fresh array of 32 zero bytes, the prevHash of the first entry.
     *
     * <p>This is a method rather than a shared constant because a shared array could be
     * overwritten by any caller, silently changing the genesis of every chain in the process.
     */
    public static byte[] zero() {
        return new byte[HASH_BYTES];
    }

    /** Returns SHA-256(previousHash || canonicalEventBytes), the hash of the next entry. */
    public static byte[] next(byte[] previousHash, byte[] canonicalEventBytes) {
        if (previousHash == null || previousHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("previousHash must be " + HASH_BYTES + " bytes, got "
                    + (previousHash == null ? "null" : previousHash.length + " bytes"));
        }
        if (canonicalEventBytes == null) {
            throw new IllegalArgumentException("canonicalEventBytes must not be null");
        }
        MessageDigest sha256 = SHA_256.get();
        sha256.update(previousHash);
        sha256.update(canonicalEventBytes);
        return sha256.digest();
    }

    /** Encodes a 32-byte hash as 64 lowercase hex characters. */
    public static String toHex(byte[] hash) {
        if (hash == null || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("a hash must be " + HASH_BYTES + " bytes, got "
                    + (hash == null ? "null" : hash.length + " bytes"));
        }
        char[] chars = new char[2 * HASH_BYTES];
        for (int i = 0; i < HASH_BYTES; i++) {
            chars[2 * i] = HEX[(hash[i] >> 4) & 0xf];
            chars[2 * i + 1] = HEX[hash[i] & 0xf];
        }
        return new String(chars);
    }

    /**
     * Decodes 64 lowercase hex characters into a 32-byte hash.
     *
     * <p>Uppercase is refused: the API fixes lowercase, and accepting both would let two spellings
     * of one hash coexist in stored data and comparisons.
     */
    public static byte[] fromHex(String hex) {
        if (hex == null || hex.length() != 2 * HASH_BYTES) {
            throw new IllegalArgumentException("a hash in hex must be " + 2 * HASH_BYTES + " characters, got "
                    + (hex == null ? "null" : hex.length() + " characters"));
        }
        byte[] hash = new byte[HASH_BYTES];
        for (int i = 0; i < HASH_BYTES; i++) {
            hash[i] = (byte) (nibble(hex, 2 * i) << 4 | nibble(hex, 2 * i + 1));
        }
        return hash;
    }

    private static int nibble(String hex, int index) {
        char c = hex.charAt(index);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException("a hash in hex must be lowercase 0-9a-f; found '" + c + "' at index " + index);
    }

    /** Verifies a whole chain from its first entry, which must have seq 1 and prevHash 64 zeros. */
    public static ChainVerification verify(Iterable<ChainEntry> entries) {
        return verifyFrom(ChainVerification.GENESIS, entries);
    }

    /**
     * Verifies entries that continue from an already verified head, so that a long log can be
     * checked page by page; the returned {@code Intact} counts entries from the genesis.
     *
     * <p>For each entry the checks run in the order of {@link ChainVerification.Problem} and the
     * first failure is returned; nothing after a broken entry is examined.
     */
    public static ChainVerification verifyFrom(ChainVerification.Intact head, Iterable<ChainEntry> entries) {
        long lastSeq = head.lastSeq();
        byte[] lastHash = fromHex(head.lastHash());
        long checked = head.entriesChecked();
        for (ChainEntry entry : entries) {
            ChainVerification.Broken broken = check(entry, lastSeq, lastHash);
            if (broken != null) {
                return broken;
            }
            lastSeq = entry.seq();
            lastHash = entry.hash();
            checked++;
        }
        return new ChainVerification.Intact(lastSeq, toHex(lastHash), checked);
    }

    /** Returns why one entry does not follow the previous one, or null when it does. */
    private static ChainVerification.Broken check(ChainEntry entry, long lastSeq, byte[] lastHash) {
        if (entry.seq() != lastSeq + 1) {
            return new ChainVerification.Broken(entry.seq(), ChainVerification.Problem.SEQUENCE_GAP,
                    Long.toString(lastSeq + 1), Long.toString(entry.seq()));
        }
        if (!Arrays.equals(entry.prevHash(), lastHash)) {
            return new ChainVerification.Broken(entry.seq(), ChainVerification.Problem.PREV_HASH_MISMATCH,
                    toHex(lastHash), toHex(entry.prevHash()));
        }
        byte[] computed = next(lastHash, entry.canonicalEvent());
        if (!Arrays.equals(entry.hash(), computed)) {
            return new ChainVerification.Broken(entry.seq(), ChainVerification.Problem.HASH_MISMATCH,
                    toHex(computed), toHex(entry.hash()));
        }
        return null;
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
