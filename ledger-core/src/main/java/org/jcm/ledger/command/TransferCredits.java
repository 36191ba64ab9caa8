package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;

/**
 * Moves units between holding accounts, inside a registry or to another registry (international
 * transfer). Units are the named {@code serialRanges} (their sizes must add up to
 * {@code quantity}), or else the first {@code quantity} units in selection order (vintage,
 * project, first unit) that match {@code filter}. Account holder of the source account.
 */
public record TransferCredits(AccountId fromAccountId, AccountId toAccountId, Quantity quantity,
                              List<BlockSerial> serialRanges, Optional<UnitFilter> filter, Optional<Trade> trade,
                              Optional<String> memo) implements Command {
    public TransferCredits {
        Objects.requireNonNull(fromAccountId, "fromAccountId");
        Objects.requireNonNull(toAccountId, "toAccountId");
        Objects.requireNonNull(quantity, "quantity");
        serialRanges = Selection.check(serialRanges, filter);
        Objects.requireNonNull(trade, "trade");
        memo = Texts.optionalText("memo", memo, Texts.NOTE_MAX);
    }

    /** A plain transfer of the first {@code quantity} units in selection order. */
    public static TransferCredits of(AccountId from, AccountId to, long quantity) {
        return new TransferCredits(from, to, Quantity.of(quantity), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitTransferCredits(this);
    }
}
