package org.jcm.ledger.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.event.AuthorizationTerms;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.id.IssuanceId;

/** One version of an authorization: when (seq, time), its terms, and the units it added. */
public record AuthorizationVersion(int version, long seq, Instant at, AuthorizationTerms terms,
                                   Optional<IssuanceId> issuanceId, List<BlockRange> ranges) {
}
