package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;

/** A new version of an authorization: its full terms after the change, and the units it added (COMMITTED). */
public record AuthorizationAmended(long seq, Instant at, Actor actor, AuthorizationId authorizationId, int version,
                                   AuthorizationTerms terms, Optional<IssuanceId> issuanceId, List<BlockRange> ranges,
                                   Optional<String> reason) implements LedgerEvent {
    public AuthorizationAmended {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(authorizationId, "authorizationId");
        if (version < 2) {
            throw new IllegalArgumentException("an amendment makes version 2 or later, not " + version);
        }
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(issuanceId, "issuanceId");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitAuthorizationAmended(this);
    }
}
