package org.jcm.ledger.state;

import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.event.AuthorizationTerms;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;

/**
 * An authorization as readers see it: fixed terms, the current terms, every version (old ones stay
 * readable), the units named over all versions and how many of them were first transferred.
 */
public record Authorization(AuthorizationId id, PartyCode party, CooperativeApproachId cooperativeApproachId,
                            AuthorizationPurpose purpose, Optional<String> oimp,
                            Optional<OimpFirstTransfer> firstTransferDefinition, AuthorizationTerms terms,
                            List<AuthorizationVersion> versions, long unitCount, long firstTransferredUnits,
                            boolean revoked) {

    public int version() {
        return versions.size();
    }
}
