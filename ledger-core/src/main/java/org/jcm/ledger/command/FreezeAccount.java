package org.jcm.ledger.command;

import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.AccountId;

/** Freezes a holding account: it can still receive units but cannot send them. Registry administrator of the account's registry. */
public record FreezeAccount(AccountId accountId, Optional<String> reason) implements ProposableAction {
    public FreezeAccount {
        Objects.requireNonNull(accountId, "accountId");
        reason = Texts.optionalText("reason", reason, Texts.NOTE_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitFreezeAccount(this);
    }

    @Override
    public <R> R acceptAction(ProposableAction.Visitor<R> visitor) {
        return visitor.visitFreezeAccount(this);
    }
}
