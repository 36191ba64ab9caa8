package org.jcm.ledger.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;

/**
 * One AEF table 2 row: a version of an authorization (or its revocation) with the terms in force
 * after it; {@code quantity} counts the units this version named (for a revocation: the units it
 * returned to NOT_REQUIRED).
 */
public record AuthorizationRow(long seq, LocalDate date, AuthorizationId authorizationId, int version,
                               AuthorizationChange change, PartyCode party, CooperativeApproachId cooperativeApproachId,
                               AuthorizationPurpose purpose, Optional<String> oimp,
                               Optional<OimpFirstTransfer> firstTransferDefinition, Optional<Quantity> authorizedQuantity,
                               List<Vintage> vintages, List<String> authorizedEntities, long quantity,
                               Optional<IssuanceId> issuanceId, Optional<String> reason, SectorActivity sectorActivity) {

    public AuthorizationRow {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(cooperativeApproachId, "cooperativeApproachId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(oimp, "oimp");
        Objects.requireNonNull(firstTransferDefinition, "firstTransferDefinition");
        Objects.requireNonNull(authorizedQuantity, "authorizedQuantity");
        vintages = List.copyOf(vintages);
        authorizedEntities = List.copyOf(authorizedEntities);
        Objects.requireNonNull(issuanceId, "issuanceId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sectorActivity, "sectorActivity");
        if (version < 1 || quantity < 0) {
            throw new IllegalArgumentException("version must be at least 1 and quantity not negative");
        }
    }
}
