package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;

/** A Party authorized units as ITMOs (version 1): they become COMMITTED. */
public record UnitsAuthorized(long seq, Instant at, Actor actor, AuthorizationId authorizationId, PartyCode party,
                              CooperativeApproachId cooperativeApproachId, AuthorizationPurpose purpose,
                              Optional<String> oimp, Optional<OimpFirstTransfer> firstTransferDefinition,
                              AuthorizationTerms terms, Optional<IssuanceId> issuanceId, List<BlockRange> ranges)
        implements LedgerEvent {
    public UnitsAuthorized {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(cooperativeApproachId, "cooperativeApproachId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(oimp, "oimp");
        Objects.requireNonNull(firstTransferDefinition, "firstTransferDefinition");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(issuanceId, "issuanceId");
        ranges = List.copyOf(ranges);
    }

    /** Always 1: amendments make the later versions. */
    public int version() {
        return 1;
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitUnitsAuthorized(this);
    }
}
