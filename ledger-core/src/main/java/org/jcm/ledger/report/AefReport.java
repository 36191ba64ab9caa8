package org.jcm.ledger.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.PartyCode;

/**
 * The AEF tables 2, 3 and 4 of one Party for one calendar year (UTC), derived from the ledger up
 * to {@code asOfSeq}: the last event applied before 1 January of the next year (0 when there is
 * none), applied at {@code asOf}.
 */
public record AefReport(PartyCode party, int year, long asOfSeq, Optional<Instant> asOf,
                        List<AuthorizationRow> authorizations, List<ActionRow> actions, List<HoldingRow> holdings) {

    public AefReport {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(asOf, "asOf");
        authorizations = List.copyOf(authorizations);
        actions = List.copyOf(actions);
        holdings = List.copyOf(holdings);
    }
}
