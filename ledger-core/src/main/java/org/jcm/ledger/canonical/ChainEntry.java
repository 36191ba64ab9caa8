package org.jcm.ledger.canonical;

import java.util.Arrays;
import java.util.Objects;

/**
 * One stored ledger entry as the chain sees it: its sequence number, the hash it claims to follow,
 * its own hash, and the canonical (RFC 8785, UTF-8) bytes of its event.
 *
 * <p>The arrays are not copied, because replay walks millions of entries and a copy per field
 * would double the garbage; callers must not modify them after construction. Equality compares
 * array contents, unlike a plain record with array components.
 */
public record ChainEntry(long seq, byte[] prevHash, byte[] hash, byte[] canonicalEvent) {

    /** Checks that both hashes are SHA-256 sized and the event is present. */
    public ChainEntry {
        checkHash("prevHash", prevHash);
        checkHash("hash", hash);
        Objects.requireNonNull(canonicalEvent, "canonicalEvent");
    }

    /** Builds an entry from hashes in the lowercase hex form used by the API and storage. */
    public static ChainEntry ofHex(long seq, String prevHashHex, String hashHex, byte[] canonicalEvent) {
        return new ChainEntry(seq, HashChain.fromHex(prevHashHex), HashChain.fromHex(hashHex), canonicalEvent);
    }

    private static void checkHash(String name, byte[] value) {
        Objects.requireNonNull(value, name);
        if (value.length != HashChain.HASH_BYTES) {
            throw new IllegalArgumentException(name + " must be " + HashChain.HASH_BYTES + " bytes, got " + value.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainEntry
                && seq == ((ChainEntry) other).seq
                && Arrays.equals(prevHash, ((ChainEntry) other).prevHash)
                && Arrays.equals(hash, ((ChainEntry) other).hash)
                && Arrays.equals(canonicalEvent, ((ChainEntry) other).canonicalEvent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, Arrays.hashCode(prevHash), Arrays.hashCode(hash), Arrays.hashCode(canonicalEvent));
    }

    @Override
    public String toString() {
        return "ChainEntry[seq=" + seq + ", prevHash=" + HashChain.toHex(prevHash) + ", hash=" + HashChain.toHex(hash)
                + ", canonicalEvent=" + canonicalEvent.length + " bytes]";
    }
}
