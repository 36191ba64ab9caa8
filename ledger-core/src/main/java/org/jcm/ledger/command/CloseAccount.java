package org.jcm.ledger.command;

import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.AccountId;

/** Closes an empty holding account for good: it can no longer send or receive. Registry administrator of the account's registry. */
public record CloseAccount(AccountId accountId, Optional<String> reason) implements Command {
    public CloseAccount {
        Objects.requireNonNull(accountId, "accountId");
        reason = Texts.optionalText("reason", reason, Texts.NOTE_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitCloseAccount(this);
    }
}
