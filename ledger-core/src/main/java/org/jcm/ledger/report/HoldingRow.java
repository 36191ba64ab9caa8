package org.jcm.ledger.report;

import java.util.Objects;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.ItmoId;

/** One AEF table 4 row: a live block of authorized, active units held in a registry of the reporting Party. */
public record HoldingRow(RegistryId registryId, AccountId accountId, CooperativeApproachId cooperativeApproachId,
                         AuthorizationId authorizationId, PartyCode firstTransferringParty, ItmoId firstId, ItmoId lastId,
                         long quantity, Vintage vintage, AuthorizationPurpose purposes, CaState caState,
                         boolean firstTransferred, SectorActivity sectorActivity) {

    public HoldingRow {
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(cooperativeApproachId, "cooperativeApproachId");
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(firstTransferringParty, "firstTransferringParty");
        Objects.requireNonNull(firstId, "firstId");
        Objects.requireNonNull(lastId, "lastId");
        Objects.requireNonNull(vintage, "vintage");
        Objects.requireNonNull(purposes, "purposes");
        Objects.requireNonNull(caState, "caState");
        Objects.requireNonNull(sectorActivity, "sectorActivity");
        if (quantity != lastId.unit() - firstId.unit() + 1) {
            throw new IllegalArgumentException("quantity " + quantity + " does not match " + firstId + " to " + lastId);
        }
    }
}
