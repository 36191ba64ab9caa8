package org.jcm.ledger.report;

import java.time.LocalDate;
import java.time.Year;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.ItmoId;

/**
 * One AEF table 3 row: an action on one contiguous range of authorized units ({@code firstId} to
 * {@code lastId}), as reported by {@code reportingParty}. {@code seq} is the ledger event the row
 * was derived from, so every row can be traced back to the hash-chained log.
 */
public record ActionRow(long seq, LocalDate date, ActionType actionType, PartyCode reportingParty,
                        CooperativeApproachId cooperativeApproachId, AuthorizationId authorizationId,
                        PartyCode firstTransferringParty, RegistryId registryId, ItmoId firstId, ItmoId lastId,
                        long quantity, Vintage vintage, Optional<PartyCode> transferringParty,
                        Optional<PartyCode> acquiringParty, AuthorizationPurpose purposes,
                        Optional<UsePurpose> purposeOfUse, Optional<String> usingPartyOrEntity, Optional<Year> yearOfUse,
                        SectorActivity sectorActivity) {

    public ActionRow {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(reportingParty, "reportingParty");
        Objects.requireNonNull(cooperativeApproachId, "cooperativeApproachId");
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(firstTransferringParty, "firstTransferringParty");
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(firstId, "firstId");
        Objects.requireNonNull(lastId, "lastId");
        Objects.requireNonNull(vintage, "vintage");
        Objects.requireNonNull(transferringParty, "transferringParty");
        Objects.requireNonNull(acquiringParty, "acquiringParty");
        Objects.requireNonNull(purposes, "purposes");
        Objects.requireNonNull(purposeOfUse, "purposeOfUse");
        Objects.requireNonNull(usingPartyOrEntity, "usingPartyOrEntity");
        Objects.requireNonNull(yearOfUse, "yearOfUse");
        Objects.requireNonNull(sectorActivity, "sectorActivity");
        if (quantity != lastId.unit() - firstId.unit() + 1) {
            throw new IllegalArgumentException("quantity " + quantity + " does not match " + firstId + " to " + lastId);
        }
    }
}
