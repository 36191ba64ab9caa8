package org.jcm.registry.write.idempotency;

import java.util.Arrays;
import org.jcm.ledger.command.Actor;

/**
 * The first outcome of an idempotency key, as stored in the {@code idempotency} table: an accepted
 * command (status 201, events {@code firstSeq..lastSeq}), a rejected one (status, code, detail), or
 * a transfer batch (status 200; its items have records of their own); and the role (wire name)
 * and scope of the actor whose request it was, so that a replay is answered only to the same role
 * and scope ({@link #replayableBy}). Records written before the actor was stored may lack it (null).
 */
public record StoredOutcome(Kind kind, byte[] requestHash, int status, long firstSeq, long lastSeq,
                            String rejectionCode, String rejectionDetail, String actorRole, String actorScope) {

    /** What the record is for. */
    public enum Kind { COMMAND, BATCH }

    /** An accepted command of {@code actor}. */
    public static StoredOutcome accepted(byte[] requestHash, Actor actor, long firstSeq, long lastSeq) {
        return new StoredOutcome(Kind.COMMAND, requestHash, 201, firstSeq, lastSeq, null, null, actor.role().wireName(),
                actor.scope());
    }

    /** A rejected command of {@code actor}. */
    public static StoredOutcome rejected(byte[] requestHash, Actor actor, int status, String code, String detail) {
        return new StoredOutcome(Kind.COMMAND, requestHash, status, 0, 0, code, detail, actor.role().wireName(),
                actor.scope());
    }

    /** A transfer batch of {@code actor}. */
    public static StoredOutcome batch(byte[] requestHash, Actor actor) {
        return new StoredOutcome(Kind.BATCH, requestHash, 200, 0, 0, null, null, actor.role().wireName(), actor.scope());
    }

    /**
     * Whether this outcome may be replayed to {@code actor}: a replay passes the same checks as the
     * original request, so the token must have the role and scope the original was made with (the
     * key is scoped by subject only; another organization of the same subject is another actor).
     */
    public boolean replayableBy(Actor actor) {
        return actorRole != null && actorRole.equals(actor.role().wireName()) && actor.scope().equals(actorScope);
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
                && java.util.Objects.equals(rejectionDetail, o.rejectionDetail)
                && java.util.Objects.equals(actorRole, o.actorRole) && java.util.Objects.equals(actorScope, o.actorScope);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, Arrays.hashCode(requestHash), status, firstSeq, lastSeq, rejectionCode);
    }
}
