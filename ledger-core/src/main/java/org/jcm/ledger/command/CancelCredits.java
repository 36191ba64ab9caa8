package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;

/**
 * Moves units to the cancellation account of the source account's registry, for good. Account
 * holder of the source account; for reason {@code CORRECTION} also the registry administrator.
 */
public record CancelCredits(AccountId fromAccountId, Quantity quantity, List<BlockSerial> serialRanges,
                            Optional<UnitFilter> filter, CancellationReason reason, Optional<String> note) implements ProposableAction {
    public CancelCredits {
        Objects.requireNonNull(fromAccountId, "fromAccountId");
        Objects.requireNonNull(quantity, "quantity");
        serialRanges = Selection.check(serialRanges, filter);
        Objects.requireNonNull(reason, "reason");
        note = Texts.optionalText("note", note, Texts.NOTE_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitCancelCredits(this);
    }

    @Override
    public <R> R acceptAction(ProposableAction.Visitor<R> visitor) {
        return visitor.visitCancelCredits(this);
    }
}
