package org.jcm.registry.write.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * The idempotency identity of one mutation: who sent it with which key, and the SHA-256 hash of the
 * canonical request, which tells a retry (same hash) from a reuse of the key (another hash).
 */
public record IdempotencyKey(SubjectKey subjectKey, byte[] requestHash) {

    /** Checks the parts; the hash is 32 bytes. */
    public IdempotencyKey {
        Objects.requireNonNull(subjectKey, "subjectKey");
        if (requestHash == null || requestHash.length != 32) {
            throw new IllegalArgumentException("requestHash must be 32 bytes");
        }
    }

    /** Whether a stored record with {@code otherHash} is for the same request. */
    public boolean sameRequest(byte[] otherHash) {
        return Arrays.equals(requestHash, otherHash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdempotencyKey k && subjectKey.equals(k.subjectKey) && Arrays.equals(requestHash, k.requestHash);
    }

    @Override
    public int hashCode() {
        return subjectKey.hashCode() * 31 + Arrays.hashCode(requestHash);
    }

    @Override
    public String toString() {
        return "IdempotencyKey[" + subjectKey.subject() + ", " + subjectKey.key() + "]";
    }
}
