package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;

/**
 * Authorizes units as Article 6.2 ITMOs (AEF table 2), version 1. Units are named by
 * {@code issuanceId} (all its units) or by {@code serialRanges}, exactly one of the two. OIMP
 * purposes need the OIMP's name and first-transfer definition; NDC alone must not have them.
 * {@code authorizedQuantity} caps the units of all versions; {@code vintages} (empty: any)
 * restricts them. Government of the host Party.
 */
public record AuthorizeUnits(AuthorizationId authorizationId, PartyCode party,
                             CooperativeApproachId cooperativeApproachId, AuthorizationPurpose purpose,
                             Optional<String> oimp, Optional<OimpFirstTransfer> firstTransferDefinition,
                             Optional<Quantity> authorizedQuantity, List<Vintage> vintages,
                             List<String> authorizedEntities, Optional<IssuanceId> issuanceId,
                             List<BlockSerial> serialRanges) implements ProposableAction {
    public AuthorizeUnits {
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(cooperativeApproachId, "cooperativeApproachId");
        Objects.requireNonNull(purpose, "purpose");
        oimp = Texts.optionalText("oimp", oimp, 100);
        Objects.requireNonNull(firstTransferDefinition, "firstTransferDefinition");
        if (purpose.includesOimp() != (oimp.isPresent() && firstTransferDefinition.isPresent())
                || oimp.isPresent() != firstTransferDefinition.isPresent()) {
            throw new InvalidValueException("purpose", purpose.name(),
                    "OIMP and NDC_AND_OIMP need oimp and firstTransferDefinition; NDC must have neither");
        }
        Objects.requireNonNull(authorizedQuantity, "authorizedQuantity");
        vintages = Texts.list("vintages", vintages, Vintage.COUNT);
        authorizedEntities = Texts.list("authorizedEntities", authorizedEntities, 100);
        authorizedEntities.forEach(e -> Checks.freeText("authorizedEntities", e, Texts.NAME_MAX));
        Objects.requireNonNull(issuanceId, "issuanceId");
        serialRanges = Texts.list("serialRanges", serialRanges, Selection.MAX_RANGES);
        if (issuanceId.isPresent() == !serialRanges.isEmpty()) {
            throw new InvalidValueException("serialRanges", serialRanges.toString(), "name the units by issuanceId or by serialRanges, exactly one");
        }
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitAuthorizeUnits(this);
    }

    @Override
    public <R> R acceptAction(ProposableAction.Visitor<R> visitor) {
        return visitor.visitAuthorizeUnits(this);
    }
}
