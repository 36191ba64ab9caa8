package org.jcm.ledger.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.event.AuthorizationTerms;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;

/** The ledger's mutable form of an authorization: fixed terms, versions, units named so far, first-transfer count. */
final class AuthorizationState {

    final AuthorizationId id;
    final PartyCode party;
    final CooperativeApproachId cooperativeApproachId;
    final AuthorizationPurpose purpose;
    final Optional<String> oimp;
    final Optional<OimpFirstTransfer> firstTransferDefinition;
    final List<AuthorizationVersion> versions = new ArrayList<>();
    /** Every range named by any version, as named (blocks may have split since). */
    final List<BlockRange> ranges = new ArrayList<>();
    AuthorizationTerms terms;
    long unitCount;
    long firstTransferredUnits;
    boolean revoked;

    AuthorizationState(AuthorizationId id, PartyCode party, CooperativeApproachId cooperativeApproachId,
                       AuthorizationPurpose purpose, Optional<String> oimp,
                       Optional<OimpFirstTransfer> firstTransferDefinition) {
        this.id = id;
        this.party = party;
        this.cooperativeApproachId = cooperativeApproachId;
        this.purpose = purpose;
        this.oimp = oimp;
        this.firstTransferDefinition = firstTransferDefinition;
    }

    Authorization snapshot() {
        return new Authorization(id, party, cooperativeApproachId, purpose, oimp, firstTransferDefinition, terms,
                List.copyOf(versions), unitCount, firstTransferredUnits, revoked);
    }
}
