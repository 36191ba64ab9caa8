package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.AuthorizationId;

/** An authorization was withdrawn before any first transfer: {@code ranges} (its live blocks) return to NOT_REQUIRED. */
public record AuthorizationRevoked(long seq, Instant at, Actor actor, AuthorizationId authorizationId,
                                   List<BlockRange> ranges, Optional<String> reason) implements LedgerEvent {
    public AuthorizationRevoked {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(authorizationId, "authorizationId");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitAuthorizationRevoked(this);
    }
}
