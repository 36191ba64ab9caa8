package org.jcm.ledger.event;

import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.id.PartyCode;

/** The host government applied the corresponding adjustment for {@code ranges}: they become APPLIED. */
public record CorrespondingAdjustmentApplied(long seq, Instant at, Actor actor, PartyCode party, Year year,
                                             CaMethod method, List<Long> firstTransferSeqs, List<BlockRange> ranges)
        implements LedgerEvent {
    public CorrespondingAdjustmentApplied {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(method, "method");
        firstTransferSeqs = List.copyOf(firstTransferSeqs);
        ranges = List.copyOf(ranges);
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitCorrespondingAdjustmentApplied(this);
    }
}
