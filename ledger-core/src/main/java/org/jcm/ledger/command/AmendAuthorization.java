package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;

/**
 * Makes a new version of an authorization: a new cap, new vintages, new authorized entities
 * (each replaces the old value when present) and/or more units by {@code issuanceId} or
 * {@code serialRanges} (at most one of the two). Purpose and OIMP terms are fixed for the life of
 * an authorization. Government of the authorizing Party.
 */
public record AmendAuthorization(AuthorizationId authorizationId, Optional<Quantity> authorizedQuantity,
                                 Optional<List<Vintage>> vintages, Optional<List<String>> authorizedEntities,
                                 Optional<IssuanceId> issuanceId, List<BlockSerial> serialRanges,
                                 Optional<String> reason) implements ProposableAction {
    public AmendAuthorization {
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(authorizedQuantity, "authorizedQuantity");
        Objects.requireNonNull(vintages, "vintages");
        vintages = vintages.map(v -> Texts.list("vintages", v, Vintage.COUNT));
        Objects.requireNonNull(authorizedEntities, "authorizedEntities");
        authorizedEntities = authorizedEntities.map(v -> Texts.list("authorizedEntities", v, 100));
        authorizedEntities.ifPresent(l -> l.forEach(e -> Checks.freeText("authorizedEntities", e, Texts.NAME_MAX)));
        Objects.requireNonNull(issuanceId, "issuanceId");
        serialRanges = Texts.list("serialRanges", serialRanges, Selection.MAX_RANGES);
        if (issuanceId.isPresent() && !serialRanges.isEmpty()) {
            throw new InvalidValueException("serialRanges", serialRanges.toString(), "name added units by issuanceId or by serialRanges, not both");
        }
        if (authorizedQuantity.isEmpty() && vintages.isEmpty() && authorizedEntities.isEmpty() && issuanceId.isEmpty()
                && serialRanges.isEmpty()) {
            throw new InvalidValueException("AmendAuthorization", authorizationId.value(), "changes nothing");
        }
        reason = Texts.optionalText("reason", reason, Texts.NOTE_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitAmendAuthorization(this);
    }

    @Override
    public <R> R acceptAction(ProposableAction.Visitor<R> visitor) {
        return visitor.visitAmendAuthorization(this);
    }
}
