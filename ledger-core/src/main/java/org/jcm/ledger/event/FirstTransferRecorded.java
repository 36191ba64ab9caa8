package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.credit.FirstTransferTrigger;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.PartyCode;

/**
 * The first transfer of authorized units (an AEF "First transfer" action): they become PENDING and
 * firstTransferred. {@code causeSeq} is the event that triggered it (the transfer, authorization,
 * retirement or cancellation just before it); {@code transferringParty} is the host Party,
 * {@code acquiringParty} the Party whose registry now holds them (absent for OIMP triggers).
 */
public record FirstTransferRecorded(long seq, Instant at, Actor actor, AuthorizationId authorizationId,
                                    FirstTransferTrigger trigger, long causeSeq, PartyCode transferringParty,
                                    Optional<PartyCode> acquiringParty, List<BlockRange> ranges) implements LedgerEvent {
    public FirstTransferRecorded {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(trigger, "trigger");
        if (causeSeq < 1 || causeSeq >= seq) {
            throw new IllegalArgumentException("causeSeq " + causeSeq + " must precede seq " + seq);
        }
        Objects.requireNonNull(transferringParty, "transferringParty");
        Objects.requireNonNull(acquiringParty, "acquiringParty");
        ranges = List.copyOf(ranges);
    }

    public long quantity() {
        long sum = 0;
        for (BlockRange r : ranges) {
            sum += r.size();
        }
        return sum;
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitFirstTransferRecorded(this);
    }
}
