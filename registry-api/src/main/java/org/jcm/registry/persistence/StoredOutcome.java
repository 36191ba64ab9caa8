package org.jcm.registry.persistence;

import java.util.Arrays;

/**
 * The first outcome of an idempotency key, as stored in the {@code idempotency} table: an accepted
 * command (status 201, events {@code firstSeq..lastSeq}), a rejected one (status, code, detail), or
 * a transfer batch (status 200; its items have records of their own).
 */
public record StoredOutcome(Kind kind, byte[] requestHash, int status, long firstSeq, long lastSeq,
                            String rejectionCode, String rejectionDetail) {

    /** What the record is for. */
    public enum Kind { COMMAND, BATCH }

    /** An accepted command. */
    public static StoredOutcome accepted(byte[] requestHash, long firstSeq, long lastSeq) {
        return new StoredOutcome(Kind.COMMAND, requestHash, 201, firstSeq, lastSeq, null, null);
    }

    /** A rejected command. */
    public static StoredOutcome rejected(byte[] requestHash, int status, String code, String detail) {
        return new StoredOutcome(Kind.COMMAND, requestHash, status, 0, 0, code, detail);
    }

    /** A transfer batch. */
    public static StoredOutcome batch(byte[] requestHash) {
        return new StoredOutcome(Kind.BATCH, requestHash, 200, 0, 0, null, null);
    }

    /** Whether the command was accepted (its events are {@code firstSeq..lastSeq}). */
    public boolean accepted() {
        return kind == Kind.COMMAND && rejectionCode == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredOutcome o && kind == o.kind && Arrays.equals(requestHash, o.requestHash)
                && status == o.status && firstSeq == o.firstSeq && lastSeq == o.lastSeq
                && java.util.Objects.equals(rejectionCode, o.rejectionCode)
                && java.util.Objects.equals(rejectionDetail, o.rejectionDetail);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, Arrays.hashCode(requestHash), status, firstSeq, lastSeq, rejectionCode);
    }
}
